import type { Transaction } from 'kysely';
import type { StaffRole } from '../../../domain/ticket';
import type { MutationArgs, MutationName, RejectionCode } from '../../../sync/protocol';
import { can, forbiddenMessage, type Action } from '../../auth/permissions';
import type { Database } from '../../db/schema';
import type { ChangeWrite } from '../changes';

export interface MutationContext {
  trx: Transaction<Database>;
  tenantId: string;
  user: { id: string; role: StaffRole };
  /** When the person acted (the desk's clock), never later than `now`. */
  performedAt: Date;
  /** The server's clock. */
  now: Date;
}

/**
 * A rule refused the mutation. Thrown before or after writes alike: the
 * transaction rolls back, and only the refusal is recorded.
 */
export class MutationRejected extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
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
  const row = await ctx.trx.selectFrom('tickets').selectAll().where('id', '=', id).where('tenant_id', '=', ctx.tenantId).forUpdate().executeTakeFirst();
  if (!row) throw new MutationRejected('not_found', `Ticket ${id} does not exist in this workspace; it may have been created on a desk that has not synced yet, or belongs elsewhere.`);
  return row;
}

export async function findClient(ctx: MutationContext, id: string) {
  const row = await ctx.trx.selectFrom('clients').selectAll().where('id', '=', id).where('tenant_id', '=', ctx.tenantId).executeTakeFirst();
  if (!row) throw new MutationRejected('not_found', `Client ${id} does not exist in this workspace; choose a client from the list.`);
  return row;
}

export async function requireAssignee(ctx: MutationContext, assigneeId: string | null): Promise<void> {
  if (assigneeId === null) return;
  const user = await ctx.trx
    .selectFrom('users')
    .select(['id', 'active'])
    .where('id', '=', assigneeId)
    .where('tenant_id', '=', ctx.tenantId)
    .executeTakeFirst();
  if (!user || !user.active) {
    throw new MutationRejected('invalid_assignee', `The assignee ${assigneeId} is not an active member of staff in this workspace; choose someone from the list or leave it unassigned.`);
  }
}
