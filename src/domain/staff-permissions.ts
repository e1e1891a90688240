// Who on staff may do what (docs/domain/contacts-and-approvals.md, "Staff roles").
// The server checks every mutation and route against this table with the role
// from its own users table; the console reads the same table to hide or refuse
// what a person may not do before anything is queued.
//
// - scheduler books and bills onsite visits: it may read everything and write
//   notes, but does not open, edit, reassign or move tickets through statuses;
// - intake logs tickets and fixes what it logged, but does not work or assign them;
// - technicians and engineers work tickets: status, assignment, replies;
// - coordinators, supervisors, site directors and admins may also keep client contacts;
// - only an admin manages staff accounts and sessions;
// - coordinators, supervisors, site directors and admins keep the request types and their lead times;
// - coordinators, supervisors, site directors and admins keep clients' service records; a technician cannot edit contracts;
// - the audit log is read by coordinators, supervisors, site directors and admins ; only admins purge it;
// - only an admin creates or revokes the integration keys a phone system looks callers up with (docs/integrations/pbx.md);
// - intake and those who work tickets may escalate them (a customer's call may be the reason); who acknowledges is the escalated-to role (src/domain/escalation.ts).
// - intake, schedulers and those who work tickets may request approval of billable work; recording a client's
//   confirmation, approval or decline is for those who work tickets and schedulers, not intake (docs/domain/contacts-and-approvals.md).
// - everyone who takes or works tickets logs the phone calls they take or make: intake, schedulers and those who work tickets.
// - everyone who takes or works tickets (schedulers too) may promise, work and cancel callbacks (docs/domain/phone-intake.md).
// - everyone who takes calls may add an unknown caller as a NEW contact with no role (report issues only); any other role, or
//   changing an existing contact, still needs contact.manage (src/domain/contact-change-permission.ts).
// - onsite visits (docs/domain/onsite-visits.md): those who work tickets and schedulers quote them; schedulers and leads
//   book them and record payments; technicians (the one booked, or a lead correcting) check in and out and ask for more time.
import type { StaffRole } from './ticket';

/** Those who oversee clients' accounts and escalations (coordinators, supervisors, site directors) and admins. */
const LEADS: readonly StaffRole[] = ['service_coordinator', 'supervisor', 'site_director', 'admin'];
export const AUDIT_READ_ROLES = LEADS;
/** Leads may correct a visit booked to someone else (check in or out for them, record their notes). */
export const LEAD_ROLES = LEADS;

export const ACTIONS = [
  'ticket.create',
  'ticket.edit',
  'ticket.assign',
  'ticket.status',
  'note.add',
  'contact.manage',
  'time.log',
  'ticket.escalate',
  'client.manage',
  'staff.manage',
  'leadtime.manage',
  'approval.request',
  'approval.record',
  'audit.read',
  'audit.purge',
  'integration.manage',
  'call.log',
  'callback.manage',
  'contact.add_caller',
  'visit.request',
  'visit.schedule',
  'visit.payment',
  'visit.work',
] as const;
export type Action = (typeof ACTIONS)[number];

const WORKERS: readonly StaffRole[] = ['technician', 'engineer', 'service_coordinator', 'supervisor', 'site_director', 'admin'];

const ALLOWED: Record<Action, readonly StaffRole[]> = {
  'ticket.create': ['intake', ...WORKERS],
  'ticket.edit': ['intake', ...WORKERS],
  'ticket.assign': WORKERS,
  'ticket.status': WORKERS,
  'note.add': ['intake', 'scheduler', ...WORKERS],
  'contact.manage': LEADS,
  'time.log': WORKERS,
  'ticket.escalate': ['intake', ...WORKERS],
  'client.manage': LEADS,
  'staff.manage': ['admin'],
  'leadtime.manage': LEADS,
  'approval.request': ['intake', 'scheduler', ...WORKERS],
  'approval.record': ['technician', 'engineer', 'service_coordinator', 'supervisor', 'site_director', 'scheduler', 'admin'],
  'audit.read': AUDIT_READ_ROLES,
  'audit.purge': ['admin'],
  'integration.manage': ['admin'],
  'call.log': ['intake', 'scheduler', ...WORKERS],
  'callback.manage': ['intake', ...WORKERS, 'scheduler'],
  'contact.add_caller': ['intake', ...WORKERS, 'scheduler'],
  'visit.request': [...WORKERS, 'scheduler'],
  'visit.schedule': [...LEADS, 'scheduler'],
  'visit.payment': [...LEADS, 'scheduler'],
  'visit.work': WORKERS,
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
  'client.manage': "edit clients' service records (sites, SLA, contract terms, onboarding)",
  'staff.manage': 'invite staff, change roles, deactivate accounts, reset passwords or end sessions',
  'leadtime.manage': 'edit request types and their lead times',
  'approval.request': 'request approval of billable work',
  'approval.record': "record a client's confirmation, approval or decline",
  'audit.read': 'read the audit log',
  'audit.purge': 'purge old audit entries',
  'integration.manage': 'create or revoke phone system integration keys',
  'call.log': 'log phone calls',
  'callback.manage': 'promise, work or cancel callbacks',
  'contact.add_caller': 'add a caller as a new contact with no role (may report issues only)',
  'visit.request': 'quote an onsite visit on a ticket',
  'visit.schedule': 'book, move or cancel onsite visits',
  'visit.payment': "record a visit's prepayment or a payment for more time",
  'visit.work': 'check in or out of a visit, ask for more time onsite, or record its notes and parts',
};

export function can(role: StaffRole | undefined, action: Action): boolean {
  if (role === undefined) return false;
  return ALLOWED[action].includes(role);
}

/** The refusal, phrased for the person who tried. */
export function forbiddenMessage(role: StaffRole, action: Action): string {
  const who = ALLOWED[action].join(', ');
  return `Your role (${role}) may not ${DESCRIPTIONS[action]}; ask one of: ${who}.`;
}
