import { z } from 'zod';
import { ESCALATION_REASON_MAX, escalationRole, type EscalationLevel } from '../domain/escalation';
import type { EscalationRecord } from '../protocol/records';
import { defineMutation } from './define';
import { text } from './fields';

export const escalateTicket = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    ticketId: z.uuid(),
    /**
     * The step the desk saw as next when the person escalated (nextEscalation
     * over the escalations it holds). The server takes it only if it is still
     * the next step there: two desks escalating the same ticket at once must
     * not send it two steps up without either person choosing that.
     */
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    reason: text()
      .trim()
      .min(1, 'Say why the ticket needs escalating: the reason is empty.')
      .max(ESCALATION_REASON_MAX, `Shorten the reason to ${ESCALATION_REASON_MAX} characters.`),
  }),
  target: (a) => ({ entity: 'escalation', id: a.id }),
  names: (a, into) => {
    into.tickets.push(a.ticketId);
  },
  apply: (row, { args, performedAt }, ctx) => {
    if (row) return row;
    const escalation: EscalationRecord = {
      id: args.id,
      ticketId: args.ticketId,
      level: args.level as EscalationLevel,
      toRole: escalationRole(args.level)!,
      reason: args.reason,
      escalatedBy: ctx.actorId ?? '',
      escalatedAt: performedAt,
      acknowledgedBy: null,
      acknowledgedAt: null,
    };
    return escalation;
  },
});

export const acknowledgeEscalation = defineMutation({
  args: z.strictObject({ id: z.uuid() }),
  target: (a) => ({ entity: 'escalation', id: a.id }),
  names: () => {},
  apply: (row, { performedAt }, ctx) => {
    // Only an escalation the desk holds, not yet acknowledged; the server checks the role.
    if (!row || !('toRole' in row) || row.acknowledgedAt !== null) return row;
    return { ...row, acknowledgedBy: ctx.actorId ?? '', acknowledgedAt: performedAt };
  },
});
