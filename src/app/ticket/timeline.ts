// A ticket's timeline: everything that happened to it, oldest first, built by
// a pure function from lists of records. Each kind of record has one mapper;
// a new kind (escalations, calls, approvals) joins by adding its list to
// TimelineSources and its mapper to MAPPERS, and the compiler asks for both.
import { findPriority } from '../../domain/priority-schemes';
import { STATUS_LABELS } from '../../domain/ticket';
import { formatDuration, WORK_TYPE_LABELS, entryLengthMs } from '../../domain/time-entries';
import { ESCALATION_ROLE_LABELS } from '../../domain/escalation';
import { CALL_OUTCOME_LABELS, callSeconds, formatCallDuration } from '../../domain/calls';
import type { CallRecord, EscalationRecord, NoteRecord, TicketEventRecord, TimeEntryRecord } from '../../protocol/records';

export type TimelineKind =
  | 'opened'
  | 'status'
  | 'priority'
  | 'public_reply'
  | 'internal_note'
  | 'resolution'
  | 'reopening'
  | 'time_entry'
  | 'escalation'
  | 'acknowledgement'
  | 'call';

export interface TimelineEntry {
  id: string;
  kind: TimelineKind;
  /** ISO instant it happened (the person's clock, as the server kept it). */
  at: string;
  /** Who did it; null when the record does not say (an event the server kept no actor for, or one stored before events carried it). */
  actorId: string | null;
  summary: string;
  body?: string;
  /** When it ended, for what lasts (a call); `at` is when it started. */
  endAt?: string;
}

export interface TimelineSources {
  events: readonly TicketEventRecord[];
  notes: readonly NoteRecord[];
  timeEntries: readonly TimeEntryRecord[];
  escalations: readonly EscalationRecord[];
  calls: readonly CallRecord[];
}

const NOTE_SUMMARIES: Record<NoteRecord['kind'], string> = {
  public_reply: 'Public reply',
  internal_note: 'Internal note',
  resolution: 'Closed with resolution',
  reopening: 'Reopened',
};

const priorityLabel = (key: string | undefined) => (key ? (findPriority(key)?.label ?? key) : 'unknown');

/** Events in the server's order, so a status change can say what it changed from. */
function mapEvents(events: readonly TicketEventRecord[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let status: string | undefined;
  let priority: string | undefined;
  for (const e of events) {
    const base = { id: e.id, at: e.at, actorId: e.actorId ?? null };
    if (e.type === 'opened') {
      out.push({ ...base, kind: 'opened', summary: `Opened at ${priorityLabel(e.priority)} priority` });
      status = e.status ?? 'new';
      priority = e.priority;
    } else if (e.type === 'status_changed' && e.status) {
      const from = status ? `${STATUS_LABELS[status as keyof typeof STATUS_LABELS]} → ` : '';
      out.push({ ...base, kind: 'status', summary: `Status: ${from}${STATUS_LABELS[e.status]}` });
      status = e.status;
    } else if (e.type === 'priority_changed') {
      const from = priority ? `${priorityLabel(priority)} → ` : '';
      out.push({ ...base, kind: 'priority', summary: `Priority: ${from}${priorityLabel(e.priority)}` });
      priority = e.priority;
    }
    // public_reply events mirror their note, which the notes mapper shows with its author and text.
  }
  return out;
}

const MAPPERS: { [K in keyof TimelineSources]: (records: TimelineSources[K]) => TimelineEntry[] } = {
  events: mapEvents,
  notes: (notes) =>
    notes.map((n) => ({
      id: n.id,
      kind: n.kind,
      at: n.performedAt,
      actorId: n.authorId || null,
      summary: NOTE_SUMMARIES[n.kind],
      body: n.body,
    })),
  timeEntries: (entries) =>
    entries.map((t) => ({
      id: t.id,
      kind: 'time_entry' as const,
      at: t.performedAt,
      actorId: t.authorId,
      summary: `Logged ${formatDuration(entryLengthMs(t))} ${WORK_TYPE_LABELS[t.workType].toLowerCase()}`,
      ...(t.note ? { body: t.note } : {}),
    })),
  // An escalation and, once someone takes it, its acknowledgement: two moments, each with its own person.
  escalations: (escalations) =>
    escalations.flatMap((x) => {
      const to = ESCALATION_ROLE_LABELS[x.toRole];
      const raised: TimelineEntry = {
        id: x.id,
        kind: 'escalation',
        at: x.escalatedAt,
        actorId: x.escalatedBy,
        summary: `Escalated to the ${to} (step ${x.level})`,
        body: x.reason,
      };
      if (!x.acknowledgedAt) return [raised];
      return [
        raised,
        {
          id: `${x.id}:ack`,
          kind: 'acknowledgement',
          at: x.acknowledgedAt,
          actorId: x.acknowledgedBy,
          summary: `Escalation acknowledged by the ${to}`,
        },
      ];
    }),
  calls: (calls) => calls.map(mapCall),
};

/** "Inbound call from Dana Whitfield, 4 min 05 s: Ticket opened"; the summary the person wrote is the body. */
function mapCall(c: CallRecord): TimelineEntry {
  const way = c.direction === 'inbound' ? `Inbound call from ${c.callerName}` : `Outbound call to ${c.callerName}`;
  return {
    id: c.id,
    kind: 'call',
    at: c.startedAt,
    endAt: c.endedAt,
    actorId: c.takenBy || null,
    summary: `${way}, ${formatCallDuration(callSeconds(c.startedAt, c.endedAt))}: ${CALL_OUTCOME_LABELS[c.outcome]}`,
    ...(c.summary ? { body: c.summary } : {}),
  };
}

/** Oldest first; entries at the same instant keep the order of their lists (an event before the note it mirrors). */
export function buildTimeline(sources: TimelineSources): TimelineEntry[] {
  const all = (Object.keys(MAPPERS) as (keyof TimelineSources)[]).flatMap((k) =>
    (MAPPERS[k] as (records: TimelineSources[typeof k]) => TimelineEntry[])(sources[k]),
  );
  return all
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => Date.parse(a.at) - Date.parse(b.at) || i - j)
    .map(([e]) => e);
}
