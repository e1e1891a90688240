// The admin routes as the Staff screen calls them, through the session
// service (which holds the token). Online only: a refusal or an unreachable
// server comes back as a message, and nothing is queued.
import { STAFF_ROLES, type StaffRole } from '../../domain/ticket';
import type {
  CreatedIntegrationKeyResponse,
  IntegrationKeyEntry,
  IntegrationKeyListResponse,
  InviteStaffRequest,
  SessionListResponse,
  SetupCodeResponse,
  UserRecord,
} from '../../protocol';
import type { RequestResult, SessionService } from '../session/session-service';

export const ROLE_LABELS: Record<StaffRole, string> = {
  intake: 'Intake',
  technician: 'Technician',
  engineer: 'Engineer',
  service_coordinator: 'Service coordinator',
  supervisor: 'Supervisor',
  site_director: 'Site director',
  scheduler: 'Scheduler',
  admin: 'Admin',
};
export const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ role, label: ROLE_LABELS[role] }));

export class StaffAdmin {
  constructor(private readonly session: Pick<SessionService, 'request'>) {}

  invite(input: InviteStaffRequest): Promise<RequestResult<SetupCodeResponse>> {
    return this.session.request('POST', '/api/admin/staff', input);
  }
  setRole(userId: string, role: StaffRole): Promise<RequestResult<{ user: UserRecord }>> {
    return this.session.request('POST', `/api/admin/staff/${encodeURIComponent(userId)}/role`, { role });
  }
  setActive(userId: string, active: boolean): Promise<RequestResult<{ user: UserRecord }>> {
    return this.session.request('POST', `/api/admin/staff/${encodeURIComponent(userId)}/${active ? 'reactivate' : 'deactivate'}`);
  }
  resetPassword(userId: string): Promise<RequestResult<SetupCodeResponse>> {
    return this.session.request('POST', `/api/admin/staff/${encodeURIComponent(userId)}/reset-password`);
  }
  sessions(): Promise<RequestResult<SessionListResponse>> {
    return this.session.request('GET', '/api/admin/sessions');
  }
  endSession(sessionId: string): Promise<RequestResult<{ ok: true }>> {
    return this.session.request('POST', `/api/admin/sessions/${encodeURIComponent(sessionId)}/end`);
  }
  integrationKeys(): Promise<RequestResult<IntegrationKeyListResponse>> {
    return this.session.request('GET', '/api/admin/integrations');
  }
  createIntegrationKey(label: string): Promise<RequestResult<CreatedIntegrationKeyResponse>> {
    return this.session.request('POST', '/api/admin/integrations', { label });
  }
  revokeIntegrationKey(keyId: string): Promise<RequestResult<{ key: IntegrationKeyEntry }>> {
    return this.session.request('POST', `/api/admin/integrations/${encodeURIComponent(keyId)}/revoke`);
  }
}
