// The console offers editing request types to the roles the server allows
// (leadtime.manage); the two lists must not drift apart.
import { describe, expect, it } from 'vitest';
import { mayManageLeadTimes } from '../../../src/domain/lead-times';
import { STAFF_ROLES } from '../../../src/domain/ticket';
import { can } from '../../../src/server/auth/permissions';

describe('who keeps request types', () => {
  it.each(STAFF_ROLES.map((r) => [r]))('%s: the console agrees with the server', (role) => {
    expect(mayManageLeadTimes(role)).toBe(can(role, 'leadtime.manage'));
  });

  it('is the coordinator, supervisor, site director and admin, not a technician', () => {
    expect(STAFF_ROLES.filter((r) => can(r, 'leadtime.manage'))).toEqual(['service_coordinator', 'supervisor', 'site_director', 'admin']);
  });
});
