// What the person at this console may do, from the one staff permission table
// (src/domain/staff-permissions.ts) and their role in the synced staff list.
// The console hides or refuses what the server would refuse anyway.
import { useMemo } from 'react';
import { can, type Action } from '../../domain/staff-permissions';
import type { StaffRole } from '../../domain/ticket';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useSessionStore } from './session-store';

/** The signed-in person's role; undefined until the staff list has them. */
export function useMyRole(): StaffRole | undefined {
  const { repos } = useServices();
  const reference = useLive(useMemo(() => repos.reference.live(), [repos]));
  const currentUserId = useSessionStore((s) => s.currentUserId);
  return reference?.staff.find((s) => s.id === currentUserId)?.role;
}

export function useCan(action: Action): boolean {
  return can(useMyRole(), action);
}
