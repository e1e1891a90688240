import { matchesAssignee, matchesPriority, matchesStatus, matchesText, searchWords } from './queue-filter-fns';
import { rowClocks } from './row-clocks';
import type { QueueRow } from './queue-rows';
import type { QueueFilters, SortRule } from './queue-store';
import { clockUrgency, GROUP_SPAN, isBreached, isBreachingSoon, ticketUrgency, URGENCY_GROUPS } from './sla-urgency';

// The queue's processing, outside the table: sort the whole set once when the
// data or the sort order changes, then filter in order. A filter change is one
// linear pass over 100,000 rows instead of a re-sort (measured: 430 ms through
// the table's row models, see test/bench/queue.bench.ts).

type Key = (r: QueueRow, nowMs: number) => string | number;

const NO_SLA = URGENCY_GROUPS.indexOf('none') * GROUP_SPAN;

const SORT_KEYS: Record<string, Key> = {
  // Time to breach, both clocks (sla-urgency.ts); the clocks come from a cache, computed once per ticket change.
  urgency: (r, now) => ticketUrgency(rowClocks(r), now),
  firstResponse: (r, now) => {
    const c = rowClocks(r);
    return c ? clockUrgency(c.firstResponse, now) : NO_SLA;
  },
  resolution: (r, now) => {
    const c = rowClocks(r)?.resolution;
    return c ? clockUrgency(c, now) : NO_SLA;
  },
  priority: (r) => r.priorityRank,
  title: (r) => r.title.toLowerCase(),
  clientName: (r) => r.clientName.toLowerCase(),
  status: (r) => r.status,
  assignee: (r) => r.assigneeName.toLowerCase() || '\uffff',
  channel: (r) => r.channel,
  openedAt: (r) => r.openedAt,
};

export const SORTABLE_COLUMNS = Object.keys(SORT_KEYS);

/**
 * Urgency then priority as one number per row: urgency (whole ms below 2^45)
 * times 128 plus the rank stays an exact integer in a double. Ties (every
 * stopped clock of one priority ties) go by the id's leading 48 bits, its
 * creation time in a UUIDv7, read as a number, and by the whole id only when
 * those are equal too: the same total order as comparing ids, without a string
 * comparison per tie (measured: re-sorting 100,000 tickets took 230 ms with
 * them, goal 150; test/bench/queue.bench.ts).
 */
function sortByUrgency(rows: readonly QueueRow[], nowMs: number): QueueRow[] {
  const n = rows.length;
  const keys = new Float64Array(n);
  const idTime = new Float64Array(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    keys[i] = ticketUrgency(rowClocks(r), nowMs) * 128 + Math.min(127, r.priorityRank);
    const t = Number.parseInt(r.id.slice(0, 8), 16) * 65536 + Number.parseInt(r.id.slice(9, 13), 16);
    // Not a UUID (hand-made ids in tests): every such tie goes to the string comparison.
    idTime[i] = Number.isFinite(t) ? t : 0;
    order[i] = i;
  }
  order.sort((a, b) => {
    const d = keys[a]! - keys[b]! || idTime[a]! - idTime[b]!;
    if (d !== 0) return d;
    const x = rows[a]!.id;
    const y = rows[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return order.map((i) => rows[i]!);
}

const isUrgencyOrder = (rules: readonly SortRule[]) =>
  rules.length === 2 && rules[0]!.id === 'urgency' && !rules[0]!.desc && rules[1]!.id === 'priority' && !rules[1]!.desc;

/** `nowMs` places each SLA clock in its group (breached, late...); the other keys ignore it. */
export function sortRows(rows: readonly QueueRow[], sorting: readonly SortRule[], nowMs: number): QueueRow[] {
  const rules = sorting.filter((s) => SORT_KEYS[s.id]);
  if (isUrgencyOrder(rules)) return sortByUrgency(rows, nowMs);
  // Keys are computed once per row, not once per comparison; the id breaks
  // ties so the order is total and the same on every render.
  const n = rows.length;
  const columns = [
    ...rules.map((s) => ({ key: SORT_KEYS[s.id]!, dir: s.desc ? -1 : 1 })),
    { key: ((r: QueueRow) => r.id) as Key, dir: 1 },
  ].map(({ key, dir }) => {
    const values = new Array<string | number>(n);
    for (let i = 0; i < n; i++) values[i] = key(rows[i]!, nowMs);
    return { values, dir };
  });
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    for (const { values, dir } of columns) {
      const x = values[a]!;
      const y = values[b]!;
      if (x < y) return -dir;
      if (x > y) return dir;
    }
    return 0;
  });
  return order.map((i) => rows[i]!);
}

export interface SlaWindow {
  nowMs: number;
  /** "Breaching soon": a limit within this many ms. */
  soonMs: number;
}

/** How many of the rows the other filters let through are in each SLA view. */
export interface SlaCounts {
  breachingSoon: number;
  breached: number;
}

/**
 * One pass in sorted order: the rows that pass every filter, and the SLA
 * views' counts among the rows that pass every filter but the SLA view.
 */
export function filterRows(
  sorted: readonly QueueRow[],
  f: QueueFilters,
  currentUserId: string | null,
  window: SlaWindow,
): { rows: QueueRow[]; counts: SlaCounts } {
  const assignee = f.view === 'mine' ? (currentUserId ?? 'nobody') : f.assignee;
  const words = searchWords(f.text);
  const out: QueueRow[] = [];
  const counts: SlaCounts = { breachingSoon: 0, breached: 0 };
  const { nowMs, soonMs } = window;
  for (const row of sorted) {
    if (!matchesStatus(row, f.status)) continue;
    if (!matchesPriority(row, f.priority)) continue;
    if (!matchesAssignee(row, assignee)) continue;
    if (words.length > 0 && !matchesText(row, words)) continue;
    const clocks = rowClocks(row);
    const breached = isBreached(clocks, nowMs);
    const soon = isBreachingSoon(clocks, nowMs, soonMs);
    if (breached) counts.breached++;
    if (soon) counts.breachingSoon++;
    if (f.sla === 'breached' ? !breached : f.sla === 'breaching-soon' ? !soon : false) continue;
    out.push(row);
  }
  return { rows: out, counts };
}
