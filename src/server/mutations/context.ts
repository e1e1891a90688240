import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { SlaEvent } from '../../domain/sla';
import { appendSlaEvent } from '../../domain/sla-history';
import type { StaffRole, TicketStatus } from '../../domain/ticket';
import type { MutationArgs, MutationName, RejectionCode } from '../../protocol';
import { can, forbiddenMessage, type Action } from '../auth/permissions';
import type { Database } from '../db/schema';
import type { ChangeWrite } from '../changes/changes';
import { ticketEventRecord } from '../changes/records';
import type { TicketEventRow, TicketRow, UnitOfWork } from './unit-of-work';

export interface MutationContext {
  /** For statements of the handler's own; ticket reads and updates go through `rows`. */
  trx: Kysely<Database>;
  /** This transaction's locked tickets, reads and deferred writes, shared by the push's mutations. */
  rows: UnitOfWork;
  tenantId: string;
  user: { id: string; role: StaffRole };
  /**
   * When the person acted, as the server counts it: the desk's clock, never
   * later than `now` nor earlier than this device's previous applied change.
   * On an existing ticket use actedOn(), which also keeps it from before the ticket's opening.
   */
  performedAt: Date;
  /** The server's clock. */
  now: Date;
}

/**
 * A rule refused the mutation. Thrown before or after writes alike: its writes
 * are undone (cheapest when thrown before the first), and only the refusal is recorded.
 * `keep`, when given, is the refusal's own record (why a booking was refused,
 * kept on the visit so every desk sees it): push runs it in the mutation's
 * place, in the same transaction, once the handler's own writes are gone, and
 * sends what it returns as changes (docs/sync-protocol.md, "Refusals that leave a note").
 */
export class MutationRejected extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
    readonly keep?: (ctx: MutationContext) => Promise<ChangeWrite[]>,
  ) {
    super(message);
  }
}

/** Applies one mutation to the server's rows, checking every rule against them; returns what changed. */
export type MutationHandler<N extends MutationName> = (ctx: MutationContext, args: MutationArgs[N]) => Promise<ChangeWrite[]>;

export function requireRole(ctx: MutationContext, action: Action): void {
  if (!can(ctx.user.role, action)) throw new MutationRejected('forbidden', forbiddenMessage(ctx.user.role, action));
}

/** The caller's tenant's ticket, locked until commit so two desks' changes to it apply one after the other. */
export async function lockTicket(ctx: MutationContext, id: string) {
  const row = await ctx.rows.ticket(id);
  if (!row)
    throw new MutationRejected(
      'not_found',
      `Ticket ${id} does not exist in this workspace; it may have been created on a desk that has not synced yet, or belongs elsewhere.`,
    );
  return row;
}

export async function findClient(ctx: MutationContext, id: string) {
  const row = await ctx.rows.client(id);
  if (!row) throw new MutationRejected('not_found', `Client ${id} does not exist in this workspace; choose a client from the list.`);
  return row;
}

export async function requireAssignee(ctx: MutationContext, assigneeId: string | null): Promise<void> {
  if (assigneeId === null) return;
  const user = await ctx.rows.staff(assigneeId);
  if (!user || !user.active) {
    throw new MutationRejected(
      'invalid_assignee',
      `The assignee ${assigneeId} is not an active member of staff in this workspace; choose someone from the list or leave it unassigned.`,
    );
  }
}

/**
 * When the person acted on `ticket`, as the server counts it: not before the
 * ticket was opened. A desk's clock set back (or a change dated on purpose)
 * must not rewrite a ticket's SLA history: a reply dated 1999 on a ticket
 * opened today counts as at its opening.
 */
export function actedOn(ctx: MutationContext, ticket: Pick<TicketRow, 'opened_at'>): Date {
  return ticket.opened_at > ctx.performedAt ? ticket.opened_at : ctx.performedAt;
}

/**
 * Appends to the ticket's history: the full log (ticket_events) and the
 * ticket's compact SLA history, through the same rule the desk predicts with
 * (src/domain/sla-history.ts). Returns the ticket as it is now and the event's
 * change; the caller sends the ticket's record after every event it added.
 */
export function addEvent(
  ctx: MutationContext,
  ticket: TicketRow,
  event: Pick<TicketEventRow, 'type' | 'priority' | 'status'>,
): { ticket: TicketRow; change: ChangeWrite } {
  const row: TicketEventRow = {
    id: uuidv7(),
    tenant_id: ctx.tenantId,
    ticket_id: ticket.id,
    at: actedOn(ctx, ticket),
    actor_id: ctx.user.id,
    recorded_at: ctx.now,
    ...event,
  };
  ctx.rows.addEvent(row);
  const sla = appendSlaEvent(ticket.sla_history, {
    type: event.type as SlaEvent['type'],
    at: row.at.toISOString(),
    ...(event.priority === null ? {} : { priority: event.priority }),
    ...(event.status === null ? {} : { status: event.status as TicketStatus }),
  });
  const updated = sla === ticket.sla_history ? ticket : ctx.rows.updateTicket(ticket, { sla_history: sla });
  return { ticket: updated, change: { entity: 'ticket_event', id: row.id, op: 'upsert', data: ticketEventRecord(row) } };
}
