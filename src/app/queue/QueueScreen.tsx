import { useCallback, useMemo, type RefObject } from 'react';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useSessionStore } from '../session-store';
import { useNavStore } from '../shell/nav-store';
import { toColumnFilters } from './column-filters';
import { buildQueueRows } from './queue-rows';
import { QueueFilters } from './QueueFilters';
import { useQueueStore } from './queue-store';
import { QueueTable } from './QueueTable';

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
  const setVisibleIds = useQueueStore((s) => s.setVisibleIds);
  const openTicket = useNavStore((s) => s.openTicket);

  const rows = useMemo(
    () => (tickets && reference ? buildQueueRows(tickets, reference.clients, reference.staff) : []),
    [tickets, reference],
  );
  const columnFilters = useMemo(
    () => toColumnFilters({ view, status, priority, assignee, text }, currentUserId),
    [view, status, priority, assignee, text, currentUserId],
  );
  const signature = JSON.stringify(columnFilters);
  const onVisible = useCallback((ids: string[]) => setVisibleIds(ids), [setVisibleIds]);

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
        <QueueTable rows={rows} columnFilters={columnFilters} filterSignature={signature} onOpen={openTicket} onVisibleRowIdsChange={onVisible} />
      )}
    </section>
  );
}
