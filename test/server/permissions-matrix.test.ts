// The role matrix of docs/domain/contacts-and-approvals.md ("Staff roles"),
// written out here as the docs give it, against `can`: every action the server
// knows must have a documented row, and every role's answer must match it.
// A new action fails here until its row is added both here and in the docs.
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../src/domain/ticket';
import { ACTIONS, can, forbiddenMessage, type Action } from '../../src/server/auth/permissions';

// The docs' columns, each a group of roles.
const INTAKE = ['intake'] as const;
const WORKERS = ['technician', 'engineer'] as const;
const LEADS = ['service_coordinator', 'supervisor', 'site_director'] as const;
const ADMIN = ['admin'] as const;
const SCHEDULER = ['scheduler'] as const;
type Yes = 'yes' | 'no';

/** [intake, technician/engineer, coordinator/supervisor/site director, admin, scheduler], as in the docs table. */
const DOCUMENTED: Record<string, readonly [Yes, Yes, Yes, Yes, Yes]> = {
  'ticket.create': ['yes', 'yes', 'yes', 'yes', 'no'],
  'ticket.edit': ['yes', 'yes', 'yes', 'yes', 'no'],
  'ticket.assign': ['no', 'yes', 'yes', 'yes', 'no'],
  'ticket.status': ['no', 'yes', 'yes', 'yes', 'no'],
  'note.add': ['yes', 'yes', 'yes', 'yes', 'yes'],
  'contact.manage': ['no', 'no', 'yes', 'yes', 'no'],
  'time.log': ['no', 'yes', 'yes', 'yes', 'no'],
  'ticket.escalate': ['yes', 'yes', 'yes', 'yes', 'no'],
  'staff.manage': ['no', 'no', 'no', 'yes', 'no'],
  'client.manage': ['no', 'no', 'yes', 'yes', 'no'],
  'leadtime.manage': ['no', 'no', 'yes', 'yes', 'no'],
  'approval.request': ['yes', 'yes', 'yes', 'yes', 'yes'],
  'approval.record': ['no', 'yes', 'yes', 'yes', 'yes'],
  'audit.read': ['no', 'no', 'yes', 'yes', 'no'],
  'audit.purge': ['no', 'no', 'no', 'yes', 'no'],
  'integration.manage': ['no', 'no', 'no', 'yes', 'no'],
  'call.log': ['yes', 'yes', 'yes', 'yes', 'yes'],
  'callback.manage': ['yes', 'yes', 'yes', 'yes', 'yes'],
  'contact.add_caller': ['yes', 'yes', 'yes', 'yes', 'yes'],
  'visit.request': ['no', 'yes', 'yes', 'yes', 'yes'],
  'visit.schedule': ['no', 'no', 'yes', 'yes', 'yes'],
  'visit.payment': ['no', 'no', 'yes', 'yes', 'yes'],
  'visit.work': ['no', 'yes', 'yes', 'yes', 'no'],
};

function documented(action: Action, role: StaffRole): boolean {
  const row = DOCUMENTED[action];
  if (!row)
    throw new Error(`${action} has no row in the documented matrix; add it to docs/domain/contacts-and-approvals.md and to this test`);
  const groups: readonly (readonly StaffRole[])[] = [INTAKE, WORKERS, LEADS, ADMIN, SCHEDULER];
  const column = groups.findIndex((g) => g.includes(role));
  return row[column] === 'yes';
}

describe('the role matrix', () => {
  it('puts every role in exactly one documented column', () => {
    const columns = [INTAKE, WORKERS, LEADS, ADMIN, SCHEDULER].flat();
    expect([...columns].sort()).toEqual([...STAFF_ROLES].sort());
  });

  const cases = ACTIONS.flatMap((action) => STAFF_ROLES.map((role) => [action, role] as const));
  it.each(cases)('%s by %s is as documented', (action, role) => {
    expect(can(role, action)).toBe(documented(action, role));
  });

  it('lets an admin do everything', () => {
    expect(ACTIONS.filter((action) => !can('admin', action))).toEqual([]);
  });

  it('names who may, in a refusal', () => {
    expect(forbiddenMessage('technician', 'staff.manage')).toBe(
      'Your role (technician) may not invite staff, change roles, deactivate accounts, reset passwords or end sessions; ask one of: admin.',
    );
  });
});
