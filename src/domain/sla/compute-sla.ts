// computeSla: replay a ticket's history against a policy and say, for each
// clock, where it stands. Pure: the same (policy, history, now) gives the same
// answer on every machine.
import type { TicketStatus } from '../ticket';
import { BusinessCalendar } from './business-calendar';
import { walk, type Measure } from './business-time';
import { SlaInputError } from './errors';
import { explain, type SlaExplanation } from './explanation';
import {
  CLOSED_BIT,
  NEW_BIT,
  pauseIntervals,
  priorityAfter,
  readHistory,
  readInstant,
  statusMask,
  type SlaHistory,
  type Timeline,
} from './history';
import { parseSlaPolicy } from './policy-checks';
import { DEFAULT_PAUSE_STATUSES, type PriorityTargets, type SlaPolicy, type TargetSpec } from './policy-types';
import { resolveTarget } from './targets';

export type SlaState = 'running' | 'paused' | 'met' | 'late' | 'breached';
export type SlaClockName = 'firstResponse' | 'resolution';

/** What one computeSla call read, kept by its clocks so they can explain themselves later. */
interface Replay {
  cp: CompiledSlaPolicy;
  t: Timeline;
  nowMs: number;
  /** The ticket was opened outside business hours. */
  outside: boolean;
}

/** What JSON.stringify shows of a clock: its fields and getters, in this order. */
const CLOCK_FIELDS = [
  'clock',
  'state',
  'priority',
  'basis',
  'measure',
  'startedAt',
  'stoppedAt',
  'targetAt',
  'limitAt',
  'targetMs',
  'limitMs',
  'consumedMs',
  'remainingMs',
  'limitRemainingMs',
  'explanation',
] as const satisfies readonly (keyof SlaClock)[];

/**
 * One clock's standing. Instants are epoch ms (`...Ms` fields) with ISO-8601
 * twins computed on read, and the explanation is computed on first read: a
 * queue recomputes every visible ticket each tick and rarely looks at either.
 * JSON.stringify gives the plain data with ISO instants and the explanation.
 */
export class SlaClock {
  private explained: SlaExplanation | undefined;

  constructor(
    readonly clock: SlaClockName,
    /**
     * met/late/breached on a stopped clock say when it stopped; on a running
     * clock late and breached say it is past its target or limit.
     */
    readonly state: SlaState,
    /** The priority whose targets apply: the current one, or the one in force when the clock stopped. */
    readonly priority: string,
    /** 'after-hours' when the clock started outside business hours and the policy has an after-hours target for it. */
    readonly basis: 'business-hours' | 'after-hours',
    readonly measure: Measure,
    readonly startedAtMs: number,
    readonly stoppedAtMs: number | null,
    /** Late after this instant, breached after limitAtMs. While paused, projected as if resumed now. */
    readonly targetAtMs: number,
    readonly limitAtMs: number,
    /** Counted time (business or wall, per `measure`), ms. */
    readonly targetMs: number,
    readonly limitMs: number,
    readonly consumedMs: number,
    private readonly replay: Replay,
    /** The target as written in the policy, for the explanation. */
    private readonly spec: TargetSpec,
  ) {}

  /** targetMs - consumedMs: negative once past the target. */
  get remainingMs(): number {
    return this.targetMs - this.consumedMs;
  }
  get limitRemainingMs(): number {
    return this.limitMs - this.consumedMs;
  }
  get startedAt(): string {
    return iso(this.startedAtMs);
  }
  get stoppedAt(): string | null {
    return this.stoppedAtMs === null ? null : iso(this.stoppedAtMs);
  }
  get targetAt(): string {
    return iso(this.targetAtMs);
  }
  get limitAt(): string {
    return iso(this.limitAtMs);
  }
  get explanation(): SlaExplanation {
    this.explained ??= this.explain();
    return this.explained;
  }

  private explain(): SlaExplanation {
    const { cp, t, nowMs, outside } = this.replay;
    const labels: TicketStatus[] = [];
    const flat = pauseIntervals(t, cp.pauseMask[this.clock], this.stoppedAtMs ?? nowMs, labels);
    return explain({
      calendar: cp.calendar,
      measure: this.measure,
      clock: this.clock,
      priority: this.priority,
      basis: this.basis,
      spec: this.spec,
      openedAt: this.startedAtMs,
      openedOutsideHours: outside,
      targetAt: this.targetAtMs,
      limitAt: this.limitAtMs,
      targetMs: this.targetMs,
      limitMs: this.limitMs,
      pauses: { flat, labels },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(CLOCK_FIELDS.map((k) => [k, this[k]]));
  }
}

export class SlaResult {
  constructor(
    readonly policyId: string,
    /** The ticket's current priority. */
    readonly priority: string,
    readonly openedAtMs: number,
    /** `now`, or the last event if `now` is earlier (client clocks are data, never order). */
    readonly evaluatedAtMs: number,
    readonly firstResponse: SlaClock,
    /** null when the policy sets no resolution target for the priority. */
    readonly resolution: SlaClock | null,
  ) {}

  get openedAt(): string {
    return iso(this.openedAtMs);
  }
  get evaluatedAt(): string {
    return iso(this.evaluatedAtMs);
  }

  toJSON(): Record<string, unknown> {
    const { policyId, priority, openedAt, evaluatedAt, firstResponse, resolution } = this;
    return { policyId, priority, openedAt, evaluatedAt, firstResponse, resolution };
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export interface CompiledSlaPolicy {
  policy: SlaPolicy;
  calendar: BusinessCalendar;
  pause: Record<SlaClockName, ReadonlySet<TicketStatus>>;
  /** `pause` as bit masks over TICKET_STATUSES (see statusMask). */
  pauseMask: Record<SlaClockName, number>;
  /** `policy.priorities` as a map: looked up once or twice per call, with keys from the history. */
  targets: ReadonlyMap<string, PriorityTargets>;
  knownPriority: (key: string) => boolean;
  priorityList: () => string;
}

const compiledPolicies = new WeakMap<object, CompiledSlaPolicy>();

/** Validates once and caches per policy object; treat policies as immutable. */
export function compileSlaPolicy(policy: SlaPolicy): CompiledSlaPolicy {
  const hit = compiledPolicies.get(policy);
  if (hit) return hit;
  const p = parseSlaPolicy(policy);
  const keys = Object.keys(p.priorities);
  const targets = new Map(keys.map((k) => [k, p.priorities[k]!]));
  const pause = {
    firstResponse: new Set(p.pauseStatuses?.firstResponse ?? DEFAULT_PAUSE_STATUSES.firstResponse),
    // A reopened ticket's time spent closed does not count either.
    resolution: new Set([...(p.pauseStatuses?.resolution ?? DEFAULT_PAUSE_STATUSES.resolution), 'closed' as const]),
  };
  const compiled: CompiledSlaPolicy = {
    policy: p,
    calendar: new BusinessCalendar(p.calendar),
    pause,
    pauseMask: { firstResponse: statusMask(pause.firstResponse), resolution: statusMask(pause.resolution) },
    targets,
    knownPriority: (key) => targets.has(key),
    priorityList: () => keys.map((k) => `'${k}'`).join(', ') + ` (policy '${p.id}')`,
  };
  compiledPolicies.set(policy, compiled);
  return compiled;
}

function readNow(now: string | number | Date): number {
  const ms = typeof now === 'number' ? now : now instanceof Date ? now.getTime() : readInstant('now', now);
  if (!Number.isFinite(ms)) throw new SlaInputError('now', now, 'expected an ISO-8601 instant, epoch milliseconds or a valid Date');
  return ms;
}

/** Status-list position where the ticket first left 'new', or -1. */
function firstAnswer(t: Timeline): number {
  for (let k = 0; k < t.statusBit.length; k++) if (t.statusBit[k] !== NEW_BIT) return k;
  return -1;
}

/** Status-list position where the ticket was last closed, if it is closed now, else -1. */
function resolutionStop(t: Timeline): number {
  let k = t.statusBit.length - 1;
  if (t.statusBit[k] !== CLOSED_BIT) return -1;
  while (k > 0 && t.statusBit[k - 1] === CLOSED_BIT) k--;
  return k;
}

function clockOf(r: Replay, clock: SlaClockName, stopIdx: number, stopAt: number): SlaClock | null {
  const { cp, t, nowMs, outside } = r;
  const priority = stopIdx >= 0 ? priorityAfter(t, stopIdx) : t.priorityKey[t.priorityKey.length - 1]!;
  const targets = cp.targets.get(priority)!;
  const first = clock === 'firstResponse';
  const spec = first ? targets.firstResponse : targets.resolution;
  if (!spec) return null;
  const cal = cp.calendar;
  const opened = t.openedAt;
  const after = outside ? targets.afterHours : undefined;
  const afterHours = after ? (first ? after.firstResponse : after.resolution) : undefined;
  const chosen = afterHours ?? spec;
  // Without an after-hours target, a clock started while closed starts at the next opening.
  const resolved = resolveTarget(chosen, cal, opened, afterHours ? opened : cal.nextOpening(opened));
  const stopped = stopIdx >= 0;
  const evalAt = stopped ? stopAt : nowMs;
  const paused = cp.pauseMask[clock];
  const pauses = pauseIntervals(t, paused, evalAt);
  const w = walk(resolved.measure === 'wall' ? null : cal, opened, resolved.target, resolved.limit, pauses, evalAt);
  let state: SlaState;
  if (stopped) state = stopAt <= w.targetAt ? 'met' : stopAt <= w.limitAt ? 'late' : 'breached';
  else if (nowMs > w.limitAt) state = 'breached';
  else if (nowMs > w.targetAt) state = 'late';
  else state = (t.statusBit[t.statusBit.length - 1]! & paused) !== 0 ? 'paused' : 'running';
  const basis = afterHours ? 'after-hours' : 'business-hours';
  return new SlaClock(
    clock,
    state,
    priority,
    basis,
    resolved.measure,
    opened,
    stopped ? stopAt : null,
    w.targetAt,
    w.limitAt,
    resolved.target,
    resolved.limit,
    w.consumedAtEval,
    r,
    chosen,
  );
}

/**
 * Replays `history` (oldest first, starting with 'opened') against `policy`
 * at `now`. Throws SlaPolicyError for an invalid policy and SlaInputError,
 * naming the field and value, for a bad history or `now`.
 */
export function computeSla(policy: SlaPolicy, history: SlaHistory, now: string | number | Date): SlaResult {
  const cp = compileSlaPolicy(policy);
  const t = readHistory(history, cp.knownPriority, cp.priorityList);
  const nowMs = Math.max(readNow(now), t.lastAt);
  const r: Replay = { cp, t, nowMs, outside: !cp.calendar.isOpenAt(t.openedAt) };
  // First response stops at the first public reply or the first move out of 'new', whichever came first.
  const fk = firstAnswer(t);
  const byStatus = fk >= 0 && (t.firstReplyIdx < 0 || t.statusIdx[fk]! < t.firstReplyIdx);
  const firstResponse = byStatus
    ? clockOf(r, 'firstResponse', t.statusIdx[fk]!, t.statusAt[fk]!)!
    : clockOf(r, 'firstResponse', t.firstReplyIdx, t.firstReplyAt)!;
  const rk = resolutionStop(t);
  const resolution = clockOf(r, 'resolution', rk >= 0 ? t.statusIdx[rk]! : -1, rk >= 0 ? t.statusAt[rk]! : NaN);
  return new SlaResult(cp.policy.id, t.priorityKey[t.priorityKey.length - 1]!, t.openedAt, nowMs, firstResponse, resolution);
}
