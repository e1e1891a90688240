import { useEffect, useMemo, type RefObject } from 'react';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useSessionStore } from '../session/session-store';
import { useNavStore } from '../shell/nav-store';
import { filterRows, sortRows } from './queue-order';
import { buildQueueRows } from './queue-rows';
import { QueueFilters } from './QueueFilters';
import { useQueueStore } from './queue-store';
import { QueueTable } from './QueueTable';

/** Each stage of the queue's processing shows in the Performance panel and the benchmark. */
function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  performance.measure(name, { start, end: performance.now() });
  return result;
}

export function QueueScreen({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const { repos } = useServices();
  const ticketsLive = useMemo(() => repos.tickets.liveAll(), [repos]);
  const referenceLive = useMemo(() => repos.reference.live(), [repos]);
  const tickets = useLive(ticketsLive);
  const reference = useLive(referenceLive);
  const currentUserId = useSessionStore((s) => s.currentUserId);
  const view = useQueueStore((s) => s.view);
  const status = useQueueStore((s) => s.status);
  const priority = useQueueStore((s) => s.priority);
  const assignee = useQueueStore((s) => s.assignee);
  const text = useQueueStore((s) => s.text);
  const setVisible = useQueueStore((s) => s.setVisible);
  const openTicket = useNavStore((s) => s.openTicket);

  const rows = useMemo(
    () => (tickets && reference ? measured('queue:build-rows', () => buildQueueRows(tickets, reference.clients, reference.staff)) : []),
    [tickets, reference],
  );
  const sorting = useQueueStore((s) => s.sorting);
  const sorted = useMemo(() => measured('queue:sort', () => sortRows(rows, sorting)), [rows, sorting]);
  const visible = useMemo(
    () => measured('queue:filter', () => filterRows(sorted, { view, status, priority, assignee, text }, currentUserId)),
    [sorted, view, status, priority, assignee, text, currentUserId],
  );
  const signature = JSON.stringify([view, status, priority, assignee, text, currentUserId]);
  useEffect(() => setVisible(visible), [visible, setVisible]);

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <div className="screen-header">
        <h1 id="queue-heading">Queue</h1>
        <p className="muted" aria-live="polite" data-testid="queue-count">
          {tickets === undefined ? 'Loading tickets…' : `${rows.length.toLocaleString()} tickets on this device`}
        </p>
      </div>
      <QueueFilters staff={reference?.staff ?? []} searchRef={searchRef} />
      {tickets !== undefined && (
        <QueueTable rows={visible} filterSignature={signature} onOpen={openTicket} />
      )}
    </section>
  );
}
