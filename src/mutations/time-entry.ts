// Logging time on a ticket (docs/domain/time-and-approvals.md). The schema
// refuses a span that can never be right (zero, negative, over 24 hours); what
// depends on the clock and on the ticket's other entries (an end in the
// future, the approval rule) is checked by the desk before queuing and by the
// server against its own rows.
import { z } from 'zod';
import { findPriority } from '../domain/priority-schemes';
import { clientPolicy, type PolicySource } from '../domain/client-policy';
import { BusinessCalendar, type SlaPolicy } from '../domain/sla';
import { timeSpanProblem, WORK_CAUSES, WORK_TYPES, type ApprovalSetting } from '../domain/time-entries';
import type { TimeEntryRecord } from '../protocol/records';
import { defineMutation } from './define';
import { BODY_MAX, text } from './fields';

const EARLIEST_MS = Date.parse('2000-01-01T00:00:00Z');
const MAX_OFFSET_MINUTES = 14 * 60;
const INSTANT_RULE = 'must be a date and time from 2000-01-01 on, with Z or a UTC offset from -14:00 to +14:00 (e.g. 2026-03-01T09:30:00Z)';
// As performedAt (src/protocol/mutations.ts): every instant the format allows must be one PostgreSQL stores.
const instant = z.iso.datetime({ offset: true, error: INSTANT_RULE }).refine((iso) => {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  return (offset ? Number(offset[2]) * 60 + Number(offset[3]) : 0) <= MAX_OFFSET_MINUTES && Date.parse(iso) >= EARLIEST_MS;
}, INSTANT_RULE);

export const logTime = defineMutation({
  args: z
    .strictObject({
      id: z.uuid(),
      ticketId: z.uuid(),
      startedAt: instant,
      endedAt: instant,
      workType: z.enum(WORK_TYPES),
      cause: z.enum(WORK_CAUSES),
      note: text().trim().min(1, 'Say what the work was: the note is empty.').max(BODY_MAX, `Shorten the note to ${BODY_MAX} characters.`),
      /** The approved request the billable time counts against (the desk picks it with approvalDecision); the server checks it. */
      approvalRequestId: z.uuid().optional(),
    })
    .superRefine((a, ctx) => {
      // No upper bound here: whether the end is in the future depends on the clock of whoever checks.
      const problem = timeSpanProblem(a.startedAt, a.endedAt, Number.POSITIVE_INFINITY);
      if (problem) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: problem });
    }),
  target: (a) => ({ entity: 'time_entry', id: a.id }),
  names: (a, into) => {
    into.tickets.push(a.ticketId);
  },
  apply: (row, { args, performedAt }, ctx) => {
    if (row) return row;
    const entry: TimeEntryRecord = { ...args, authorId: ctx.actorId ?? '', performedAt, recordedAt: performedAt };
    return entry;
  },
});

const calendars = new WeakMap<SlaPolicy, BusinessCalendar>();

/** The approval rule's view of a ticket: its client's business calendar (its SLA policy's, clientPolicy) and whether it is Critical. */
export function approvalSetting(client: PolicySource, priority: string): ApprovalSetting {
  const policy = clientPolicy(client);
  let calendar = calendars.get(policy);
  if (!calendar) calendars.set(policy, (calendar = new BusinessCalendar(policy.calendar)));
  return { calendar, critical: findPriority(priority)?.rank === 1 };
}
