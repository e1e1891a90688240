// A ticket's history as the SLA engine reads it, checked event by event. The
// same events the ticket log stores; no counters, nothing derived is kept.
import { TICKET_STATUSES, type TicketStatus } from '../ticket';
import { parseIsoInstant } from './civil-date';
import { SlaInputError } from './errors';

export type SlaEventType = 'opened' | 'priority_changed' | 'status_changed' | 'public_reply';

export interface SlaEvent {
  type: SlaEventType;
  /** ISO-8601 instant with a zone, e.g. "2026-03-02T15:00:00.000Z". */
  at: string;
  /** Required on 'opened' and 'priority_changed'. */
  priority?: string;
  /** Required on 'status_changed'; on 'opened' it defaults to 'new'. */
  status?: TicketStatus;
}

export type SlaHistory = readonly SlaEvent[];

/** The history as numbers, in event order. */
export interface Timeline {
  openedAt: number;
  lastAt: number;
  /** Parallel arrays: when, what, and the event index (ties keep event order). */
  priorityAt: number[];
  priorityKey: string[];
  priorityIdx: number[];
  statusAt: number[];
  status: TicketStatus[];
  statusIdx: number[];
  firstReplyIdx: number;
}

const STATUS_SET: ReadonlySet<string> = new Set(TICKET_STATUSES);

export function readInstant(field: string, value: unknown): number {
  const ms = typeof value === 'string' ? parseIsoInstant(value) : NaN;
  if (ms !== ms) throw new SlaInputError(field, value, 'expected an ISO-8601 instant with a zone, e.g. "2026-03-02T15:00:00.000Z"');
  return ms;
}

/**
 * Checks and reads a history. `knownPriority` says whether the policy has
 * targets for a key; `priorityList` is for the message when it does not.
 */
export function readHistory(history: SlaHistory, knownPriority: (key: string) => boolean, priorityList: () => string): Timeline {
  if (!Array.isArray(history) || history.length === 0) throw new SlaInputError('history', history, "expected a list of events starting with the 'opened' event");
  const t: Timeline = { openedAt: 0, lastAt: 0, priorityAt: [], priorityKey: [], priorityIdx: [], statusAt: [], status: [], statusIdx: [], firstReplyIdx: -1 };
  let prev = -Infinity;
  for (let i = 0; i < history.length; i++) {
    const e = history[i] as SlaEvent | undefined;
    if (typeof e !== 'object' || e === null) throw new SlaInputError(`history[${i}]`, e, 'expected an event object { type, at, ... }');
    const at = readInstant(`history[${i}].at`, e.at);
    if (i === 0) {
      if (e.type !== 'opened') throw new SlaInputError('history[0].type', e.type, "the first event must be 'opened': no event can come before the ticket is opened");
    } else if (at < prev) {
      throw new SlaInputError(`history[${i}].at`, e.at, `is earlier than history[${i - 1}].at (${history[i - 1]!.at}): events must be in time order`);
    }
    prev = at;
    switch (e.type) {
      case 'opened': {
        if (i !== 0) throw new SlaInputError(`history[${i}].type`, e.type, 'a ticket is opened once, by the first event');
        t.openedAt = at;
        pushPriority(t, e, i, knownPriority, priorityList, at);
        const status = e.status ?? 'new';
        if (!STATUS_SET.has(status)) throw badStatus(i, status);
        t.statusAt.push(at);
        t.status.push(status);
        t.statusIdx.push(i);
        break;
      }
      case 'priority_changed':
        pushPriority(t, e, i, knownPriority, priorityList, at);
        break;
      case 'status_changed':
        if (typeof e.status !== 'string' || !STATUS_SET.has(e.status)) throw badStatus(i, e.status);
        t.statusAt.push(at);
        t.status.push(e.status);
        t.statusIdx.push(i);
        break;
      case 'public_reply':
        if (t.firstReplyIdx < 0) t.firstReplyIdx = i;
        break;
      default:
        throw new SlaInputError(`history[${i}].type`, (e as { type: unknown }).type, "expected 'opened', 'priority_changed', 'status_changed' or 'public_reply'");
    }
  }
  t.lastAt = prev;
  return t;
}

function pushPriority(t: Timeline, e: SlaEvent, i: number, known: (key: string) => boolean, list: () => string, at: number): void {
  if (typeof e.priority !== 'string' || !known(e.priority)) {
    throw new SlaInputError(`history[${i}].priority`, e.priority, `unknown priority: this policy has targets for ${list()}`);
  }
  t.priorityAt.push(at);
  t.priorityKey.push(e.priority);
  t.priorityIdx.push(i);
}

function badStatus(i: number, value: unknown): SlaInputError {
  return new SlaInputError(`history[${i}].status`, value, `expected a ticket status: ${TICKET_STATUSES.join(', ')}`);
}

/** The priority in force just after event `idx`. */
export function priorityAfter(t: Timeline, idx: number): string {
  let key = t.priorityKey[0]!;
  for (let k = 0; k < t.priorityIdx.length && t.priorityIdx[k]! <= idx; k++) key = t.priorityKey[k]!;
  return key;
}

/**
 * Intervals spent in `paused` statuses between the opening and `until`, as a
 * flat [s0, e0, ...] list (sorted, never overlapping: statuses follow one
 * another) with a parallel list of the status each was spent in.
 */
export function pauseIntervals(t: Timeline, paused: ReadonlySet<TicketStatus>, until: number): { flat: number[]; labels: TicketStatus[] } {
  const flat: number[] = [];
  const labels: TicketStatus[] = [];
  const n = t.status.length;
  for (let k = 0; k < n; k++) {
    const s = t.status[k]!;
    if (!paused.has(s)) continue;
    const a = t.statusAt[k]!;
    const b = Math.min(k + 1 < n ? t.statusAt[k + 1]! : until, until);
    if (b <= a) continue;
    flat.push(a, b);
    labels.push(s);
  }
  return { flat, labels };
}
