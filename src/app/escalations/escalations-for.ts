// The escalations a person is asked to acknowledge: those to their role (all of
// them for an admin), not yet acknowledged (docs/domain/escalations-and-notifications.md).
import type { StaffRole } from '../../domain/ticket';
import type { EscalationRecord } from '../../protocol/records';

export function escalationsFor(role: StaffRole | undefined, open: readonly EscalationRecord[]): EscalationRecord[] {
  if (role === undefined) return [];
  return open.filter((e) => e.acknowledgedAt === null && (role === 'admin' || e.toRole === role));
}
