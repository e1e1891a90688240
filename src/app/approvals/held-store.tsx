// The tickets with a held approval request, kept once for the whole queue so
// each row's marker reads a set instead of querying the store.
import { useEffect } from 'react';
import { create } from 'zustand';
import { useServices } from '../services';

export const useHeldStore = create<{ held: ReadonlySet<string> }>(() => ({ held: new Set() }));

/** Follows the local store's held requests into useHeldStore while the console is open. */
export function useFollowHeldTickets(): void {
  const { repos } = useServices();
  useEffect(() => {
    const sub = repos.approvals.liveHeldTickets().subscribe({
      next: (held) => useHeldStore.setState({ held }),
      error: (err) => console.error('live query failed', err),
    });
    return () => sub.unsubscribe();
  }, [repos]);
}

/** "Held" beside a ticket's title while it has a held request (billable work, or an unknown caller's request awaiting confirmation). */
export function HeldMarker({ ticketId }: { ticketId: string }) {
  const held = useHeldStore((s) => s.held.has(ticketId));
  if (!held) return null;
  return (
    <span
      className="held-marker"
      data-testid="held-marker"
      title="Work waits for the client: an authorized contact's confirmation or an approver's approval"
    >
      Held
    </span>
  );
}
