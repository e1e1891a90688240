import { PRIORITY_SCHEMES } from '../../domain/priority-schemes';
import { clientColumns, clientRecord } from '../changes/records';
import { MutationRejected, requireRole, type MutationHandler } from './context';

/**
 * Creates or edits a client's service record. The arguments were checked by
 * the mutation's schema (the SLA policy by the policy checker); here the rules
 * only the server's rows can answer. Nothing is written on a refusal.
 */
export const upsertClient: MutationHandler<'upsertClient'> = async (ctx, args) => {
  requireRole(ctx, 'client.manage');
  const existing = await ctx.rows.client(args.id);
  if (existing && existing.priority_scheme_id !== args.prioritySchemeId) {
    // A ticket's priority is a key of its client's scheme: a new scheme would leave open tickets with priorities it does not have.
    const ticket = await ctx.trx
      .selectFrom('tickets')
      .select('id')
      .where('tenant_id', '=', ctx.tenantId)
      .where('client_id', '=', existing.id)
      .limit(1)
      .executeTakeFirst();
    if (ticket)
      throw new MutationRejected(
        'invalid_priority',
        `${existing.name} has tickets with ${PRIORITY_SCHEMES[existing.priority_scheme_id as keyof typeof PRIORITY_SCHEMES]?.label ?? existing.priority_scheme_id} priorities; its priority scheme cannot change. Nothing was changed; keep the scheme and adjust the SLA targets with a custom policy instead.`,
      );
  }
  const wanted = [...new Set(args.onboarding.afterHoursContactIds.map((id) => id.toLowerCase()))];
  if (wanted.length > 0) {
    const found = await ctx.trx
      .selectFrom('contacts')
      .select('id')
      .where('tenant_id', '=', ctx.tenantId)
      .where('client_id', '=', args.id)
      .where('id', 'in', wanted)
      .execute();
    const known = new Set(found.map((c) => c.id));
    const missing = wanted.filter((id) => !known.has(id));
    if (missing.length > 0)
      throw new MutationRejected(
        'not_found',
        `After-hours contact ${missing.join(', ')} is not a contact of this client; it may have been removed. Nothing was changed; choose the after-hours contacts again from the client's contacts.`,
      );
  }
  const values = clientColumns({ ...args, customPolicy: args.customPolicy ?? null });
  const row = await ctx.trx
    .insertInto('clients')
    .values({ id: args.id, tenant_id: ctx.tenantId, ...values })
    // Only a client of the caller's own workspace may be overwritten.
    .onConflict((oc) => oc.column('id').doUpdateSet(values).where('clients.tenant_id', '=', ctx.tenantId))
    .returningAll()
    .executeTakeFirst();
  // Not "taken": that would say a client with this id exists in some other workspace.
  if (!row)
    throw new MutationRejected(
      'conflict',
      `Client id ${args.id} cannot be used for a client here. Nothing was changed; create the client again, which gives it a new id.`,
    );
  ctx.rows.rememberClient(row);
  return [{ entity: 'client', id: row.id, op: 'upsert', data: clientRecord(row) }];
};
