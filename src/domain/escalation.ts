// Escalation: one step at a time along Service Coordinator -> Help Desk
// Supervisor -> Site Director, always from an active ticket, always with a
// reason (docs/domain/escalations-and-notifications.md).
import type { StaffRole, TicketStatus } from './ticket';

export const ESCALATION_CHAIN = ['service_coordinator', 'supervisor', 'site_director'] as const satisfies readonly StaffRole[];
export type EscalationRole = (typeof ESCALATION_CHAIN)[number];

export const ESCALATION_ROLE_LABELS: Record<EscalationRole, string> = {
  service_coordinator: 'Service Coordinator',
  supervisor: 'Help Desk Supervisor',
  site_director: 'Site Director',
};

/** Step 1 is the first role of the chain. */
export type EscalationLevel = 1 | 2 | 3;

export const ESCALATION_REASON_MAX = 2_000;

export interface EscalationStep {
  level: EscalationLevel;
  toRole: EscalationRole;
}

export type EscalationRefusal = 'closed' | 'last_step';

export type NextEscalation = ({ ok: true } & EscalationStep) | { ok: false; refusal: EscalationRefusal; message: string };

export function escalationRole(level: number): EscalationRole | undefined {
  return ESCALATION_CHAIN[level - 1];
}

/**
 * The step a new escalation of the ticket takes, from the escalations it
 * already has (acknowledged or not: an acknowledged escalation still holds
 * its step), or why there is none.
 */
export function nextEscalation(ticket: { status: TicketStatus }, escalations: readonly { level: number }[]): NextEscalation {
  if (ticket.status === 'closed') {
    return {
      ok: false,
      refusal: 'closed',
      message: 'A closed ticket cannot be escalated: escalations start from an active ticket. Reopen the ticket first, then escalate it.',
    };
  }
  const reached = escalations.reduce((max, e) => Math.max(max, e.level), 0);
  const toRole = escalationRole(reached + 1);
  if (!toRole) {
    return {
      ok: false,
      refusal: 'last_step',
      message: `The ticket is already escalated to the ${ESCALATION_ROLE_LABELS.site_director}, the last step; follow it up with them directly.`,
    };
  }
  return { ok: true, level: (reached + 1) as EscalationLevel, toRole };
}

/** Who may acknowledge an escalation: the role it went to, or an admin. Null when allowed. */
export function acknowledgeError(role: StaffRole, escalation: { toRole: EscalationRole; acknowledgedAt: string | null }): string | null {
  if (escalation.acknowledgedAt !== null) return 'This escalation is already acknowledged; nothing to do.';
  if (role === escalation.toRole || role === 'admin') return null;
  return `Only the ${ESCALATION_ROLE_LABELS[escalation.toRole]} (or an admin) can acknowledge this escalation; your role is ${role}. Ask them to acknowledge it.`;
}
