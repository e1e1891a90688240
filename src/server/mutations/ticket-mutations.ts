import { PRIORITY_SCHEMES, type PrioritySchemeId } from '../../domain/priority-schemes';
import { openedHistory } from '../../domain/sla-history';
import { statusChangeError } from '../../domain/ticket-workflow';
import type { TicketStatus } from '../../domain/ticket';
import type { Selectable } from 'kysely';
import type { ClientsTable } from '../db/schema';
import type { ChangeWrite } from '../changes/changes';
import { requestTypeRecord, ticketRecord } from '../changes/records';
import { LeadTimeError, leadTimeCalendar, promisedDates, type TicketLeadTime } from '../../domain/lead-times';
import { clientPolicy } from '../../domain/client-policy';
import type { MutationArgs } from '../../protocol';
import { findRequestType } from './request-type-mutations';
import { contactClient } from './call-mutations';
import { afterHoursNotice } from '../../domain/after-hours';
import { intakeProblems, type TicketIntake } from '../../domain/intake';
import { canonicalId, type TicketRow } from './unit-of-work';
import {
  addEvent,
  findClient,
  lockTicket,
  MutationRejected,
  requireAssignee,
  requireRole,
  type MutationContext,
  type MutationHandler,
} from './context';

function requirePriority(client: Selectable<ClientsTable>, priority: string): void {
  const scheme = PRIORITY_SCHEMES[client.priority_scheme_id as PrioritySchemeId];
  if (scheme?.levels.some((l) => l.key === priority)) return;
  const allowed = scheme ? scheme.levels.map((l) => `${l.label} (${l.key})`).join(', ') : 'none';
  throw new MutationRejected('invalid_priority', `'${priority}' is not a priority of ${client.name}'s contract; choose one of ${allowed}.`);
}

/**
 * The request details of a new ticket with the dates promised on the client's
 * calendar, computed here: the desk's own are only for showing until this copy
 * arrives. A type archived since the desk chose it still applies (the person
 * chose it while it was offered).
 */
async function ticketLeadTime(
  ctx: MutationContext,
  client: Selectable<ClientsTable>,
  args: MutationArgs['createTicket'],
): Promise<TicketLeadTime | null> {
  if (args.requestTypeId === undefined) return null;
  const row = await findRequestType(ctx, args.requestTypeId);
  const type = requestTypeRecord(row);
  if (type.parameter === null && args.requestParam !== undefined)
    throw new MutationRejected('invalid_request_type', `"${type.name}" takes no count; leave it out.`);
  // The client's own calendar: its custom policy's when it has one (clientPolicy), as the desk shows it.
  const calendar = leadTimeCalendar(
    clientPolicy({ prioritySchemeId: client.priority_scheme_id as PrioritySchemeId, customPolicy: client.custom_policy }).calendar,
  );
  try {
    const dates = promisedDates(type, args.requestParam ?? null, ctx.performedAt, calendar);
    return {
      requestTypeId: type.id,
      requestParam: args.requestParam ?? null,
      customerWantedDate: args.customerWantedDate ?? null,
      promisedEarliest: dates.earliest,
      promisedLatest: dates.latest,
    };
  } catch (error) {
    if (error instanceof LeadTimeError) throw new MutationRejected('invalid_request_type', error.message);
    throw error;
  }
}

/**
 * A phone intake block (docs/domain/phone-intake.md, "The intake block"): the
 * same rules the intake screen ran (intakeProblems), against the client's
 * scheme and whether it is after hours by the server's clock, and the caller
 * and site must be this client's. The first problem is refused, naming its field.
 */
async function checkIntake(
  ctx: MutationContext,
  client: Selectable<ClientsTable>,
  intake: TicketIntake,
  args: Pick<MutationArgs['createTicket'], 'priority' | 'description'>,
): Promise<void> {
  const refuse = (field: string, message: string) =>
    new MutationRejected('invalid_intake', `Intake, ${field}: ${message} Nothing was recorded.`);
  const source = { name: client.name, prioritySchemeId: client.priority_scheme_id as PrioritySchemeId, customPolicy: client.custom_policy };
  const notice = afterHoursNotice(source, ctx.now.getTime(), args.priority);
  const problems = intakeProblems(intake, {
    schemeId: source.prioritySchemeId,
    priority: args.priority,
    description: args.description,
    afterHoursBillable: notice.afterHours && notice.billable,
  });
  const first = Object.entries(problems)[0];
  if (first) throw refuse(first[0], first[1]);
  if (intake.callerContactId !== null) {
    const contact = await contactClient(ctx, intake.callerContactId);
    if (!contact || contact.clientId !== client.id)
      throw refuse(
        'callerContactId',
        `${contact ? contact.name : `Contact ${intake.callerContactId}`} is not a contact of ${client.name}: choose one of ${client.name}'s contacts, or take the caller as not on the list.`,
      );
  }
  if (intake.siteId !== null && !client.sites.some((s) => s.id.toLowerCase() === intake.siteId!.toLowerCase()))
    throw refuse('siteId', `site ${intake.siteId} is not one of ${client.name}'s sites: choose one of its sites, or type the address.`);
}

export const createTicket: MutationHandler<'createTicket'> = async (ctx, args) => {
  requireRole(ctx, 'ticket.create');
  if (args.assigneeId !== null) requireRole(ctx, 'ticket.assign');
  const client = await findClient(ctx, args.clientId);
  requirePriority(client, args.priority);
  await requireAssignee(ctx, args.assigneeId);
  const leadTime = await ticketLeadTime(ctx, client, args);
  if (args.intake !== undefined) await checkIntake(ctx, client, args.intake, args);
  const ticket: TicketRow = {
    id: canonicalId(args.id),
    tenant_id: ctx.tenantId,
    client_id: client.id,
    title: args.title,
    description: args.description,
    status: 'new',
    priority: args.priority,
    channel: args.channel,
    assignee_id: args.assigneeId === null ? null : canonicalId(args.assigneeId),
    opened_at: ctx.performedAt,
    updated_at: ctx.now,
    sla_history: openedHistory(ctx.performedAt.toISOString(), args.priority),
    created_by: ctx.user.id,
    lead_time: leadTime,
    intake: args.intake ?? null,
  };
  // Ids are desk-made UUIDv7s, unique across workspaces: a clash means this desk sent the ticket twice under
  // two numbers, or someone is probing. One answer for both, which never says whose the id is or that it exists.
  const conflict = `Ticket id ${args.id} cannot be used for a new ticket. Nothing was changed: if this desk sent the ticket before, the server has it; otherwise create it again, which gives it a new id.`;
  if (!ctx.rows.insertTicket(ticket, conflict)) throw new MutationRejected('conflict', conflict);
  // The opening is already in the ticket's own history; the full log gets it too.
  const opened = addEvent(ctx, ticket, { type: 'opened', priority: ticket.priority, status: ticket.status });
  return [{ entity: 'ticket', id: ticket.id, op: 'upsert', data: ticketRecord(opened.ticket) }, opened.change];
};

export const updateTicket: MutationHandler<'updateTicket'> = async (ctx, args) => {
  requireRole(ctx, 'ticket.edit');
  if (args.assigneeId !== undefined) requireRole(ctx, 'ticket.assign');
  const current = await lockTicket(ctx, args.id);
  const newPriority = args.priority !== undefined && args.priority !== current.priority ? args.priority : undefined;
  if (newPriority !== undefined) requirePriority(await findClient(ctx, current.client_id), newPriority);
  if (args.assigneeId !== undefined) await requireAssignee(ctx, args.assigneeId);
  let ticket = ctx.rows.updateTicket(current, {
    title: args.title ?? current.title,
    description: args.description ?? current.description,
    priority: args.priority ?? current.priority,
    assignee_id: args.assigneeId === undefined ? current.assignee_id : args.assigneeId && canonicalId(args.assigneeId),
    updated_at: ctx.now,
  });
  const writes: ChangeWrite[] = [];
  if (newPriority !== undefined) {
    const changed = addEvent(ctx, ticket, { type: 'priority_changed', priority: newPriority, status: null });
    ticket = changed.ticket;
    writes.push(changed.change);
  }
  return [{ entity: 'ticket', id: ticket.id, op: 'upsert', data: ticketRecord(ticket) }, ...writes];
};

export const setStatus: MutationHandler<'setStatus'> = async (ctx, args) => {
  requireRole(ctx, 'ticket.status');
  const current = await lockTicket(ctx, args.id);
  const from = current.status as TicketStatus;
  // Two desks closing the same ticket offline agree; the second has nothing to apply and nothing to tell.
  if (from === args.status) return [];
  const refusal = statusChangeError(from, args.status);
  if (refusal) throw new MutationRejected('invalid_transition', `${refusal} Ticket "${current.title}" is ${from} on the server.`);
  const changed = changeStatus(ctx, current, args.status);
  return [{ entity: 'ticket', id: changed.ticket.id, op: 'upsert', data: ticketRecord(changed.ticket) }, changed.change];
};

/** Sets the status and records it in the ticket's history (setStatus, closing, reopening); the caller has checked the move. */
export function changeStatus(ctx: MutationContext, current: TicketRow, status: TicketStatus) {
  return addEvent(ctx, ctx.rows.updateTicket(current, { status, updated_at: ctx.now }), { type: 'status_changed', status, priority: null });
}
