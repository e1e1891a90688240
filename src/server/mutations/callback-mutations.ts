// Callbacks (docs/domain/phone-intake.md, "Callbacks"). The desk's rules
// (src/domain/callbacks.ts) run again here against the server's rows and clock:
// the client, contact and ticket are this workspace's and agree, the number is
// read again, the zone is a real one, the promise is neither past nor beyond the
// horizon by the server's clock, and only an open callback is closed, so two
// desks working the same one offline converge on the first to reach the server.
import { closeProblem, promisedByProblem, timeZoneProblem } from '../../domain/callbacks';
import type { CallbackStatus } from '../../domain/calls';
import { parsePhone } from '../../domain/phone';
import type { ChangeWrite } from '../changes/changes';
import { callbackRecord } from '../changes/records';
import type { CallbackRow } from '../db/schema';
import { findClient, MutationRejected, requireRole, type MutationContext, type MutationHandler } from './context';
import { contactClient } from './call-mutations';
import { lockOwnRow } from './own-rows';
import { canonicalId } from './unit-of-work';

const refuse = (message: string) => new MutationRejected('invalid_callback', `${message} Nothing was recorded.`);

export const promiseCallback: MutationHandler<'promiseCallback'> = async (ctx, args) => {
  requireRole(ctx, 'callback.manage');
  const client = await findClient(ctx, args.clientId);
  if (args.contactId !== null) {
    const contact = await contactClient(ctx, args.contactId);
    if (!contact)
      throw new MutationRejected(
        'not_found',
        `Contact ${args.contactId} does not exist in this workspace; it may have been added on a desk that has not synced yet. Choose one of the client's contacts, or promise the callback to the caller by name. Nothing was recorded.`,
      );
    if (contact.clientId !== client.id)
      throw refuse(`${contact.name} is not a contact of ${client.name}: choose one of the client's contacts, or the caller by name.`);
  }
  if (args.ticketId !== null) {
    const ticket = await ctx.rows.ticket(args.ticketId);
    if (!ticket)
      throw new MutationRejected(
        'not_found',
        `Ticket ${args.ticketId} does not exist in this workspace; it may have been opened on a desk that has not synced yet. Nothing was recorded.`,
      );
    if (ticket.client_id !== client.id) throw refuse(`The ticket belongs to another client: link a ticket of ${client.name}, or none.`);
  }
  const parsed = parsePhone(args.number);
  if (!parsed.ok) throw refuse(`Number to call: ${parsed.problem}`);
  const zone = timeZoneProblem(args.timeZone);
  if (zone) throw refuse(zone);
  const when = promisedByProblem(args.promisedBy, ctx.performedAt.getTime(), ctx.now.getTime());
  if (when) throw refuse(when);

  const id = canonicalId(args.id);
  const conflict = `Callback id ${args.id} cannot be used for a new callback. Nothing was recorded: if this desk sent it before, the server has it; otherwise promise the callback again, which gives it a new id.`;
  const row: CallbackRow = {
    id,
    tenant_id: ctx.tenantId,
    client_id: client.id,
    contact_id: args.contactId === null ? null : canonicalId(args.contactId),
    caller_name: args.callerName,
    number: parsed.e164,
    extension: parsed.extension,
    number_raw: args.number,
    reason: args.reason,
    promised_by: new Date(args.promisedBy),
    time_zone: args.timeZone,
    ticket_id: args.ticketId === null ? null : canonicalId(args.ticketId),
    status: 'open' satisfies CallbackStatus,
    created_by: ctx.user.id,
    created_at: ctx.performedAt,
    closed_by: null,
    closed_at: null,
    outcome: null,
    call_id: null,
    recorded_at: ctx.now,
  };
  // An id held by any workspace is refused with the same answer: nothing is learnt about another's rows.
  const inserted = await ctx.trx
    .insertInto('callbacks')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) throw new MutationRejected('conflict', conflict);
  return [{ entity: 'callback', id: inserted.id, op: 'upsert', data: callbackRecord(inserted) }];
};

/** The workspace's callback, locked until commit so two desks closing it apply one after the other. */
async function lockCallback(ctx: MutationContext, id: string): Promise<CallbackRow> {
  return lockOwnRow(
    ctx,
    'callbacks',
    id,
    `Callback ${id} does not exist in this workspace; it may have been promised on a desk that has not synced yet. Try again once it has.`,
  );
}

async function close(
  ctx: MutationContext,
  id: string,
  status: CallbackStatus,
  outcome: string,
  callId: string | null,
): Promise<ChangeWrite[]> {
  requireRole(ctx, 'callback.manage');
  const row = await lockCallback(ctx, id);
  if (row.status !== 'open') {
    const closer = row.closed_by
      ? await ctx.trx.selectFrom('users').select('name').where('id', '=', row.closed_by).executeTakeFirst()
      : undefined;
    const problem = closeProblem({
      status: row.status as CallbackStatus,
      closedByName: closer?.name ?? 'someone else',
      closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
      timeZone: row.time_zone,
    });
    throw new MutationRejected('invalid_callback', problem ?? 'This callback is no longer open.');
  }
  // Never closed before it was promised, whatever the desk's clock said.
  const closedAt = ctx.performedAt < new Date(row.created_at) ? new Date(row.created_at) : ctx.performedAt;
  const updated = await ctx.trx
    .updateTable('callbacks')
    .set({ status, outcome, closed_by: ctx.user.id, closed_at: closedAt, call_id: callId })
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return [{ entity: 'callback', id: updated.id, op: 'upsert', data: callbackRecord(updated) }];
}

export const completeCallback: MutationHandler<'completeCallback'> = (ctx, args) =>
  close(ctx, args.id, 'done', args.outcome, args.callId === null ? null : canonicalId(args.callId));

export const cancelCallback: MutationHandler<'cancelCallback'> = (ctx, args) => close(ctx, args.id, 'cancelled', args.reason, null);
