import { contactChangeProblem } from '../../domain/contact-change-permission';
import { contactFromArgs } from '../../mutations/contact';
import { contactRecord } from '../changes/records';
import { findClient, MutationRejected, requireRole, type MutationHandler } from './context';

export const upsertContact: MutationHandler<'upsertContact'> = async (ctx, args) => {
  // This workspace's contact with the id, if any: adding a caller is allowed where changing the list is not.
  const existing = await ctx.trx
    .selectFrom('contacts')
    .select('id')
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', args.id)
    .executeTakeFirst();
  const problem = contactChangeProblem(ctx.user.role, { existing: existing !== undefined, role: args.role });
  if (problem) throw new MutationRejected('forbidden', `${problem} Nothing was changed.`);
  const client = await findClient(ctx, args.clientId);
  // Read again here and stored as read here: the desk's reading was for its own screen.
  const contact = contactFromArgs(args);
  if (!contact)
    throw new MutationRejected('unprocessable', 'A phone number of this contact does not read as one here. Nothing was changed.');
  const values = {
    client_id: client.id,
    name: contact.name,
    phones: JSON.stringify(contact.phones),
    emails: JSON.stringify(contact.emails),
    role: contact.role,
    approval_limit_cents: contact.approvalLimitCents,
    // Saved from the console: its numbers are the ones the person checked.
    unparsed_phone: null,
  };
  const row = await ctx.trx
    .insertInto('contacts')
    .values({ id: args.id, tenant_id: ctx.tenantId, ...values })
    // Only a contact of the caller's own tenant may be overwritten.
    .onConflict((oc) => oc.column('id').doUpdateSet(values).where('contacts.tenant_id', '=', ctx.tenantId))
    .returningAll()
    .executeTakeFirst();
  // Not "taken": that would say a contact with this id exists in some other workspace.
  if (!row)
    throw new MutationRejected(
      'conflict',
      `Contact id ${args.id} cannot be used for a contact here. Nothing was changed; create the contact again, which gives it a new id.`,
    );
  return [{ entity: 'contact', id: row.id, op: 'upsert', data: contactRecord(row) }];
};

export const deleteContact: MutationHandler<'deleteContact'> = async (ctx, args) => {
  requireRole(ctx, 'contact.manage');
  const removed = await ctx.trx
    .deleteFrom('contacts')
    .where('id', '=', args.id)
    .where('tenant_id', '=', ctx.tenantId)
    .returning('id')
    .executeTakeFirst();
  if (!removed)
    throw new MutationRejected('not_found', `Contact ${args.id} does not exist in this workspace; it may already have been removed.`);
  return [{ entity: 'contact', id: args.id, op: 'delete', data: null }];
};
