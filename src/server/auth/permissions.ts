// Who may do what. The server checks these against the session's role from its
// own users table; the console uses the same table only to hide buttons.
//
// - scheduler books and bills onsite visits: it may read everything and write
//   notes, but does not open, edit, reassign or move tickets through statuses;
// - intake logs tickets and fixes what it logged, but does not work or assign them;
// - technicians and engineers work tickets: status, assignment, replies;
// - coordinators, supervisors, site directors and admins may also keep client contacts;
// - the audit log is read by site directors and admins (shared with the console: src/protocol/audit.ts); only admins purge it;
// - intake and those who work tickets may escalate them (a customer's call may be the reason); who acknowledges is the escalated-to role (src/domain/escalation.ts).
import type { StaffRole } from '../../domain/ticket';
import { AUDIT_READ_ROLES } from '../../protocol/audit';

export const ACTIONS = [
  'ticket.create',
  'ticket.edit',
  'ticket.assign',
  'ticket.status',
  'note.add',
  'contact.manage',
  'time.log',
  'ticket.escalate',
  'audit.read',
  'audit.purge',
] as const;
export type Action = (typeof ACTIONS)[number];

const WORKERS: readonly StaffRole[] = ['technician', 'engineer', 'service_coordinator', 'supervisor', 'site_director', 'admin'];

const ALLOWED: Record<Action, readonly StaffRole[]> = {
  'ticket.create': ['intake', ...WORKERS],
  'ticket.edit': ['intake', ...WORKERS],
  'ticket.assign': WORKERS,
  'ticket.status': WORKERS,
  'note.add': ['intake', 'scheduler', ...WORKERS],
  'contact.manage': ['service_coordinator', 'supervisor', 'site_director', 'admin'],
  'time.log': WORKERS,
  'ticket.escalate': ['intake', ...WORKERS],
  'audit.read': AUDIT_READ_ROLES,
  'audit.purge': ['admin'],
};

const DESCRIPTIONS: Record<Action, string> = {
  'ticket.create': 'open tickets',
  'ticket.edit': 'edit tickets',
  'ticket.assign': 'assign tickets',
  'ticket.status': "change a ticket's status",
  'note.add': 'add notes or replies',
  'contact.manage': 'change client contacts',
  'time.log': 'log time on tickets',
  'ticket.escalate': 'escalate tickets',
  'audit.read': 'read the audit log',
  'audit.purge': 'purge old audit entries',
};

export function can(role: StaffRole, action: Action): boolean {
  return ALLOWED[action].includes(role);
}

/** The refusal, phrased for the person who tried. */
export function forbiddenMessage(role: StaffRole, action: Action): string {
  const who = ALLOWED[action].join(', ');
  return `Your role (${role}) may not ${DESCRIPTIONS[action]}; ask one of: ${who}.`;
}
