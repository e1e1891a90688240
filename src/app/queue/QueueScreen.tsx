import { useEffect, useMemo, useState, type RefObject } from 'react';
import { useLive } from '../hooks/useLive';
import { useNow } from '../hooks/useNow';
import { useServices } from '../services';
import { useSessionStore } from '../session/session-store';
import { useNavStore } from '../shell/nav-store';
import { filterRows, sortRows } from './queue-order';
import { buildQueueRows } from './queue-rows';
import { QueueFilters } from './QueueFilters';
import { BREACHING_SOON_SETTING, defaultSorting, isDefaultView, useQueueStore } from './queue-store';
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
  const [readAll, setReadAll] = useState(false);
  const ticketsLive = useMemo(() => (readAll ? repos.tickets.liveAll() : null), [repos, readAll]);
  const firstScreenLive = useMemo(() => repos.tickets.liveFirstScreen(), [repos]);
  const referenceLive = useMemo(() => repos.reference.live(), [repos]);
  const tickets = useLive(ticketsLive);
  const firstScreen = useLive(firstScreenLive);
  const reference = useLive(referenceLive);
  const currentUserId = useSessionStore((s) => s.currentUserId);
  const view = useQueueStore((s) => s.view);
  const status = useQueueStore((s) => s.status);
  const priority = useQueueStore((s) => s.priority);
  const assignee = useQueueStore((s) => s.assignee);
  const text = useQueueStore((s) => s.text);
  const sla = useQueueStore((s) => s.sla);
  const chosenSorting = useQueueStore((s) => s.sorting);
  const soonMinutes = useQueueStore((s) => s.breachingSoonMinutes);
  const setBreachingSoonMinutes = useQueueStore((s) => s.setBreachingSoonMinutes);
  const setVisible = useQueueStore((s) => s.setVisible);
  const openTicket = useNavStore((s) => s.openTicket);
  const role = reference?.staff.find((s) => s.id === currentUserId)?.role ?? null;
  const sorting = useMemo(() => chosenSorting ?? defaultSorting(role), [chosenSorting, role]);

  useEffect(() => {
    let live = true;
    void repos.settings.get<number>(BREACHING_SOON_SETTING).then((m) => {
      if (live && typeof m === 'number' && m > 0) setBreachingSoonMinutes(m);
    });
    return () => {
      live = false;
    };
  }, [repos, setBreachingSoonMinutes]);

  // Which group a ticket's SLA is in (on target, late, breached) moves with time.
  // The order and the views follow once a minute; the countdowns every second
  // (second-ticker.ts) without touching the order.
  const minute = useNow(60_000);
  const bySla = sorting.some((s) => s.id === 'urgency' || s.id === 'firstResponse' || s.id === 'resolution');
  const sortNow = bySla ? minute : 0;

  const complete = tickets !== undefined && reference !== undefined;
  const rows = useMemo(
    () => (tickets && reference ? measured('queue:build-rows', () => buildQueueRows(tickets, reference.clients, reference.staff)) : []),
    [tickets, reference],
  );
  const sorted = useMemo(() => measured('queue:sort', () => sortRows(rows, sorting, sortNow)), [rows, sorting, sortNow]);
  const filtered = useMemo(
    () =>
      measured('queue:filter', () =>
        filterRows(sorted, { view, status, priority, assignee, text, sla }, currentUserId, {
          nowMs: minute,
          soonMs: soonMinutes * 60_000,
        }),
      ),
    [sorted, view, status, priority, assignee, text, sla, currentUserId, minute, soonMinutes],
  );
  const visible = filtered.rows;
  // Until every ticket is read, the default view shows the first rows the store
  // keeps for it (in priority order; re-ordered when the person's order is by
  // urgency); any other view waits for the full load.
  const defaultView = isDefaultView({ view, status, priority, assignee, text, sla }, sorting);
  const firstRows = useMemo(
    () =>
      !complete && defaultView && firstScreen && reference
        ? sortRows(buildQueueRows(firstScreen, reference.clients, reference.staff), sorting, minute)
        : null,
    [complete, defaultView, firstScreen, reference, sorting, minute],
  );
  const shown = complete ? visible : firstRows;
  // Every ticket is read once the first rows are on screen, or once there are
  // none to show. Started together, the 100,000-ticket read holds up the small
  // ones the first screen needs (measured: the first rows came after it).
  const firstRowsPending = defaultView && (firstScreen === undefined || (firstScreen !== null && reference === undefined));
  // Latched during render: the subscription itself starts in an effect, after these rows are committed.
  if (!readAll && !firstRowsPending) setReadAll(true);
  const signature = JSON.stringify([view, status, priority, assignee, text, sla, currentUserId]);
  useEffect(() => setVisible(shown ?? []), [shown, setVisible]);

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <div className="screen-header">
        <h1 id="queue-heading">Queue</h1>
        <p className="muted" aria-live="polite" data-testid="queue-count">
          {complete ? `${rows.length.toLocaleString()} tickets on this device` : 'Loading tickets…'}
        </p>
      </div>
      <QueueFilters staff={reference?.staff ?? []} searchRef={searchRef} sorting={sorting} counts={complete ? filtered.counts : null} />
      {/* One table from the first rows to the full queue: it stays mounted, so selection and scroll carry over. */}
      {shown && <QueueTable rows={shown} sorting={sorting} complete={complete} filterSignature={signature} onOpen={openTicket} />}
    </section>
  );
}
