// Time entries on the desk: a ticket's entries, logging one (checked like the
// server checks it, before anything is queued), and the running timer, kept in
// the store so a reload or a crash does not lose the time it has counted.
import type { PolicySource } from '../domain/client-policy';
import type { Ticket } from '../domain/ticket';
import {
  approvalDecision,
  timeSpanProblem,
  type ApprovalDecision,
  type WorkApproval,
  type WorkCause,
  type WorkType,
} from '../domain/time-entries';
import { isConfirmationOnly } from '../domain/approval-requests';
import { approvalSetting } from '../mutations';
import { MAX_CLOCK_AHEAD_MS } from '../protocol/clock';
import type { TimeEntryRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { newId } from './ids';
import { live, type Live } from './live';
import { readRow, syncTables } from './local-rows';
import { LocalMutationRefused, recordMutation } from './outbox';

/** The timer a person started on a ticket; at most one per console. */
export interface RunningTimer {
  ticketId: string;
  /** ISO instant the timer started. */
  startedAt: string;
  userId: string | null;
}

export const RUNNING_TIMER_KEY = 'runningTimer';

export interface TimeEntryDraft {
  ticketId: string;
  startedAt: string;
  endedAt: string;
  workType: WorkType;
  cause: WorkCause;
  note: string;
}

export type LogTimeResult = { ok: true; entry: TimeEntryRecord } | { ok: false; message: string; field?: string };

export class TimeRepository {
  constructor(private readonly db: SwitchboardDb) {}

  forTicket(ticketId: string): Promise<TimeEntryRecord[]> {
    return this.db.timeEntries.where('ticketId').equals(ticketId).sortBy('startedAt');
  }

  liveForTicket(ticketId: string): Live<TimeEntryRecord[]> {
    return live(() => this.forTicket(ticketId));
  }

  /**
   * Whether `draft` could be logged now, by the approval rule alone (for the
   * panel to warn before the person saves, and say whom to call).
   */
  async approvalFor(draft: TimeEntryDraft): Promise<ApprovalDecision | null> {
    const ticket = (await readRow(this.db, { entity: 'ticket', id: draft.ticketId })) as Ticket | null;
    const client = ticket ? await this.db.clients.get(ticket.clientId) : undefined;
    if (!ticket || !client) return null;
    return this.#decide(ticket, client, draft);
  }

  /** The approval rule over this store's rows: the ticket's entries, its approval requests, its client's contacts. */
  async #decide(ticket: Ticket, client: PolicySource, draft: TimeEntryDraft): Promise<ApprovalDecision> {
    const [entries, requests, contacts] = await Promise.all([
      this.db.timeEntries.where('ticketId').equals(ticket.id).toArray(),
      this.db.approvalRequests.where('ticketId').equals(ticket.id).toArray(),
      this.db.contacts.where('clientId').equals(ticket.clientId).toArray(),
    ]);
    // In the order they were made, as the server reads them: the first with enough hours left is the one counted against.
    const approvals = requests
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
      .map((r): WorkApproval => ({
        id: r.id,
        status: r.status,
        approvedMinutes: r.approvedMinutes,
        confirmationOnly: isConfirmationOnly(r),
      }));
    return approvalDecision(entries, draft, approvalSetting(client, ticket.priority), approvals, contacts);
  }

  /**
   * Logs an entry, or says why not and writes nothing. The same checks as the
   * server's (which makes them again): the span, then the approval rule over
   * the ticket's entries and approval requests in this store; billable time is
   * logged against the approved request the rule picked.
   */
  log(draft: TimeEntryDraft, now: Date = new Date()): Promise<LogTimeResult> {
    return this.#log(draft, now, false);
  }

  /** Logs the running timer's entry and stops the timer, together: a crash cannot log it twice or lose it. */
  stopTimerAndLog(draft: TimeEntryDraft, now: Date = new Date()): Promise<LogTimeResult> {
    return this.#log(draft, now, true);
  }

  async #log(draft: TimeEntryDraft, now: Date, stopsTimer: boolean): Promise<LogTimeResult> {
    return this.db.transaction('rw', syncTables(this.db), async (): Promise<LogTimeResult> => {
      const span = timeSpanProblem(draft.startedAt, draft.endedAt, now.getTime() + MAX_CLOCK_AHEAD_MS);
      if (span) return { ok: false, message: `${span} Nothing was logged.`, field: 'endedAt' };
      const ticket = (await readRow(this.db, { entity: 'ticket', id: draft.ticketId })) as Ticket | null;
      if (!ticket) return { ok: false, message: `Ticket ${draft.ticketId} is not in the local store; sync and try again.` };
      const client = await this.db.clients.get(ticket.clientId);
      if (!client) return { ok: false, message: `The ticket's client is not in the local store; sync and try again.` };
      const decision = await this.#decide(ticket, client, draft);
      if (!decision.ok) return { ok: false, message: decision.message };
      const against = decision.approvalRequestId === null ? {} : { approvalRequestId: decision.approvalRequestId };
      try {
        const recorded = await recordMutation(this.db, { name: 'logTime', args: { id: newId(), ...draft, ...against } }, now);
        if (stopsTimer) await this.db.meta.delete(RUNNING_TIMER_KEY);
        return { ok: true, entry: recorded.row as TimeEntryRecord };
      } catch (error) {
        if (!(error instanceof LocalMutationRefused)) throw error;
        return { ok: false, message: error.message, ...(error.field ? { field: error.field } : {}) };
      }
    });
  }

  async runningTimer(): Promise<RunningTimer | null> {
    return ((await this.db.meta.get(RUNNING_TIMER_KEY))?.value as RunningTimer | undefined) ?? null;
  }

  liveTimer(): Live<RunningTimer | null> {
    return live(() => this.runningTimer());
  }

  /** Starts the console's timer on a ticket; refused while one runs (stop it first, so its time is not lost). */
  async startTimer(ticketId: string, userId: string | null, now: Date = new Date()): Promise<RunningTimer> {
    return this.db.transaction('rw', this.db.meta, async () => {
      const running = await this.runningTimer();
      if (running) {
        throw new Error(
          running.ticketId === ticketId
            ? 'The timer is already running on this ticket.'
            : 'A timer is already running on another ticket: stop it and log its time first.',
        );
      }
      const timer: RunningTimer = { ticketId, startedAt: now.toISOString(), userId };
      await this.db.meta.put({ key: RUNNING_TIMER_KEY, value: timer });
      return timer;
    });
  }

  /** Forgets the timer (after its time was logged, or to discard it). */
  async clearTimer(): Promise<void> {
    await this.db.meta.delete(RUNNING_TIMER_KEY);
  }
}
