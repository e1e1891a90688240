// The call log (docs/domain/phone-intake.md, "Call log"). The desk's row is a
// prediction; here the client, the contact and the ticket are checked against
// the server's rows, the number is read again, the times are bounded by the
// server's clock, and who took the call is the signed-in person, whatever the desk sent.
import { callTimesProblem } from '../../domain/calls';
import { parsePhone } from '../../domain/phone';
import { callRecord, ticketRecord } from '../changes/records';
import type { ChangeWrite } from '../changes/changes';
import type { CallRow } from '../db/schema';
import { findClient, MutationRejected, requireRole, type MutationContext, type MutationHandler } from './context';
import { canonicalId } from './unit-of-work';

/** The workspace's contact's client, or null when the workspace has no such contact. */
export async function contactClient(ctx: MutationContext, id: string): Promise<{ clientId: string; name: string } | null> {
  const row = await ctx.trx
    .selectFrom('contacts')
    .select(['client_id', 'name'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', canonicalId(id))
    .executeTakeFirst();
  return row ? { clientId: row.client_id, name: row.name } : null;
}

export const logCall: MutationHandler<'logCall'> = async (ctx, args) => {
  requireRole(ctx, 'call.log');
  const client = await findClient(ctx, args.clientId);
  const id = canonicalId(args.id);
  const conflict = `Call id ${args.id} cannot be used for a new call. Nothing was recorded: if this desk sent the call before, the server has it; otherwise log the call again, which gives it a new id.`;
  // Any workspace's row: an id held elsewhere gets the same answer, which never says whose it is.
  if (await ctx.trx.selectFrom('calls').select('id').where('id', '=', id).executeTakeFirst())
    throw new MutationRejected('conflict', conflict);

  if (args.contactId !== null) {
    const contact = await contactClient(ctx, args.contactId);
    if (!contact)
      throw new MutationRejected(
        'not_found',
        `Contact ${args.contactId} does not exist in this workspace; it may have been added on a desk that has not synced yet. Choose one of ${client.name}'s contacts, or log the caller by name. Nothing was recorded.`,
      );
    if (contact.clientId !== client.id)
      throw new MutationRejected(
        'invalid_call',
        `contactId: ${contact.name} is not a contact of ${client.name}: choose one of ${client.name}'s contacts, or log the caller by name. Nothing was recorded.`,
      );
  }
  const ticket = args.ticketId === null ? null : await ctx.rows.ticket(args.ticketId);
  if (args.ticketId !== null && !ticket)
    throw new MutationRejected(
      'not_found',
      `Ticket ${args.ticketId} does not exist in this workspace; it may have been created on a desk that has not synced yet. Nothing was recorded.`,
    );
  if (ticket && ticket.client_id !== client.id)
    throw new MutationRejected(
      'invalid_call',
      `ticketId: ticket "${ticket.title}" is not ${client.name}'s: add the call to one of ${client.name}'s tickets. Nothing was recorded.`,
    );
  const times = callTimesProblem(args.startedAt, args.endedAt, ctx.now.getTime());
  if (times) throw new MutationRejected('invalid_call', `${times} Nothing was recorded.`);
  const number = args.callerNumber ? parsePhone(args.callerNumber) : null;
  if (number && !number.ok) throw new MutationRejected('invalid_call', `callerNumber: ${number.problem} Nothing was recorded.`);

  const row: CallRow = {
    id,
    tenant_id: ctx.tenantId,
    client_id: client.id,
    ticket_id: ticket?.id ?? null,
    contact_id: args.contactId === null ? null : canonicalId(args.contactId),
    caller_name: args.callerName,
    caller_number: number?.ok ? number.e164 : null,
    caller_extension: number?.ok ? number.extension : null,
    direction: args.direction,
    started_at: new Date(args.startedAt),
    ended_at: new Date(args.endedAt),
    taken_by: ctx.user.id,
    outcome: args.outcome,
    summary: args.summary,
    callback_id: args.callbackId === null ? null : canonicalId(args.callbackId),
    recorded_at: ctx.now,
  };
  const inserted = await ctx.trx
    .insertInto('calls')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) throw new MutationRejected('conflict', conflict);
  const writes: ChangeWrite[] = [{ entity: 'call', id: inserted.id, op: 'upsert', data: callRecord(inserted) }];
  // A call about a ticket is activity on it: the queue sorts by it.
  if (ticket) {
    const updated = ctx.rows.updateTicket(ticket, { updated_at: ctx.now });
    writes.push({ entity: 'ticket', id: updated.id, op: 'upsert', data: ticketRecord(updated) });
  }
  return writes;
};
