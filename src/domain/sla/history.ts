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
  /** Parallel arrays: what, when, and the event index (ties keep event order). */
  priorityKey: string[];
  priorityIdx: number[];
  statusAt: number[];
  /** Each status as a bit (see statusMask), so pause rules are tested without a set lookup. */
  statusBit: number[];
  statusIdx: number[];
  firstReplyIdx: number;
  firstReplyAt: number;
}

const STATUS_BIT: ReadonlyMap<unknown, number> = new Map(TICKET_STATUSES.map((s, i) => [s, 1 << i]));
export const NEW_BIT = 1 << TICKET_STATUSES.indexOf('new');
export const CLOSED_BIT = 1 << TICKET_STATUSES.indexOf('closed');

function statusOfBit(bit: number): TicketStatus {
  return TICKET_STATUSES[31 - Math.clz32(bit)]!;
}

/** A set of statuses as a bit mask over TICKET_STATUSES, to test against Timeline.statusBit. */
export function statusMask(statuses: Iterable<TicketStatus>): number {
  let mask = 0;
  for (const s of statuses) mask |= STATUS_BIT.get(s)!;
  return mask;
}

export function readInstant(field: string, value: unknown): number {
  const ms = typeof value === 'string' ? parseIsoInstant(value) : NaN;
  if (ms !== ms) throw badInstant(field, value);
  return ms;
}

function badInstant(field: string, value: unknown): SlaInputError {
  return new SlaInputError(field, value, 'expected an ISO-8601 instant with a zone, e.g. "2026-03-02T15:00:00.000Z"');
}

/**
 * Checks and reads a history. `knownPriority` says whether the policy has
 * targets for a key; `priorityList` is for the message when it does not.
 */
export function readHistory(history: SlaHistory, knownPriority: (key: string) => boolean, priorityList: () => string): Timeline {
  if (!Array.isArray(history) || history.length === 0)
    throw new SlaInputError('history', history, "expected a list of events starting with the 'opened' event");
  const t: Timeline = {
    openedAt: 0,
    lastAt: 0,
    priorityKey: [],
    priorityIdx: [],
    statusAt: [],
    statusBit: [],
    statusIdx: [],
    firstReplyIdx: -1,
    firstReplyAt: NaN,
  };
  let prev = -Infinity;
  for (let i = 0; i < history.length; i++) {
    const e = history[i] as SlaEvent | undefined;
    if (typeof e !== 'object' || e === null) throw new SlaInputError(`history[${i}]`, e, 'expected an event object { type, at, ... }');
    // Read inline: the field name is only spelled out for an error.
    const at = typeof e.at === 'string' ? parseIsoInstant(e.at) : NaN;
    if (at !== at) throw badInstant(`history[${i}].at`, e.at);
    if (i === 0) {
      if (e.type !== 'opened')
        throw new SlaInputError(
          'history[0].type',
          e.type,
          "the first event must be 'opened': no event can come before the ticket is opened",
        );
    } else if (at < prev) {
      throw new SlaInputError(
        `history[${i}].at`,
        e.at,
        `is earlier than history[${i - 1}].at (${history[i - 1]!.at}): events must be in time order`,
      );
    }
    prev = at;
    switch (e.type) {
      case 'opened': {
        if (i !== 0) throw new SlaInputError(`history[${i}].type`, e.type, 'a ticket is opened once, by the first event');
        t.openedAt = at;
        pushPriority(t, e, i, knownPriority, priorityList);
        const status = e.status ?? 'new';
        const bit = STATUS_BIT.get(status);
        if (bit === undefined) throw badStatus(i, status);
        t.statusAt.push(at);
        t.statusBit.push(bit);
        t.statusIdx.push(i);
        break;
      }
      case 'priority_changed':
        pushPriority(t, e, i, knownPriority, priorityList);
        break;
      case 'status_changed': {
        const bit = STATUS_BIT.get(e.status);
        if (bit === undefined) throw badStatus(i, e.status);
        t.statusAt.push(at);
        t.statusBit.push(bit);
        t.statusIdx.push(i);
        break;
      }
      case 'public_reply':
        if (t.firstReplyIdx < 0) {
          t.firstReplyIdx = i;
          t.firstReplyAt = at;
        }
        break;
      default:
        throw new SlaInputError(
          `history[${i}].type`,
          (e as { type: unknown }).type,
          "expected 'opened', 'priority_changed', 'status_changed' or 'public_reply'",
        );
    }
  }
  t.lastAt = prev;
  return t;
}

function pushPriority(t: Timeline, e: SlaEvent, i: number, known: (key: string) => boolean, list: () => string): void {
  if (typeof e.priority !== 'string' || !known(e.priority)) {
    throw new SlaInputError(`history[${i}].priority`, e.priority, `unknown priority: this policy has targets for ${list()}`);
  }
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
 * Intervals spent in the statuses of `pausedMask` (see statusMask) between
 * the opening and `until`, as a flat [s0, e0, ...] list (sorted, never
 * overlapping: statuses follow one another). `labels`, when given, receives
 * the status each was spent in.
 */
export function pauseIntervals(t: Timeline, pausedMask: number, until: number, labels?: TicketStatus[]): number[] {
  const flat: number[] = [];
  const n = t.statusBit.length;
  for (let k = 0; k < n; k++) {
    if ((t.statusBit[k]! & pausedMask) === 0) continue;
    const a = t.statusAt[k]!;
    const b = Math.min(k + 1 < n ? t.statusAt[k + 1]! : until, until);
    if (b <= a) continue;
    flat.push(a, b);
    labels?.push(statusOfBit(t.statusBit[k]!));
  }
  return flat;
}
