// Saving a phone call (docs/domain/phone-intake.md, "The intake screen"): the
// new ticket with its intake block, the call on the log, and — when the
// request must wait — its approval request or the note saying why it is held,
// in ONE transaction with their outbox entries, so a crash leaves all or
// nothing. The form in progress is kept here too, on this desk only.
import { validateNewTicket } from '../domain/new-ticket';
import type { TicketIntake } from '../domain/intake';
import type { MutationArgs } from '../mutations';
import type { ApprovalRequestDraft, ApprovalRepository } from './approval-repository';
import type { CallbackDraft, CallbackRepository } from './callback-repository';
import type { CallbackRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { newId } from './ids';
import { syncTables } from './local-rows';
import { LocalMutationRefused, recordMutation } from './outbox';
import type { TicketBucket } from './ticket-buckets';
import type { TicketRepository } from './ticket-repository';

const DRAFT_ID = 'intake';

/** The call as the log records it (src/mutations/call.ts). */
export interface CallToLog {
  clientId: string;
  contactId: string | null;
  callerName: string;
  /** As typed or as the phone system passed it; null when withheld or unreadable. */
  callerNumber: string | null;
  startedAt: string;
  summary: string;
}

export interface NewTicketFromCall {
  ticket: {
    clientId: string;
    title: string;
    description: string;
    priority: string;
    requestTypeId?: string;
    requestParam?: number;
    customerWantedDate?: string;
  };
  intake: Omit<TicketIntake, 'callId'>;
  call: CallToLog;
  approval: Omit<ApprovalRequestDraft, 'ticketId'> | null;
  holdNote: string | null;
}

export type IntakeSaveResult =
  { ok: true; ticketId: string; callId: string; approvalStatus: string | null } | { ok: false; message: string; field: string | undefined };

export class IntakeRepository {
  constructor(
    private readonly db: SwitchboardDb,
    private readonly tickets: TicketRepository,
    private readonly approvals: ApprovalRepository,
    private readonly callbacks: CallbackRepository,
  ) {}

  /** Everything the call produced, or nothing: a refusal by any part writes none of it. */
  async openTicket(plan: NewTicketFromCall, now: Date = new Date()): Promise<IntakeSaveResult> {
    const ticketId = newId();
    const callId = newId();
    const buckets: TicketBucket[] = [];
    try {
      const approvalStatus = await this.db.transaction('rw', [...syncTables(this.db), this.db.drafts], async () => {
        const [clients, staff] = await Promise.all([this.db.clients.toArray(), this.db.staff.toArray()]);
        const checked = validateNewTicket(
          { ...plan.ticket, channel: 'phone', assigneeId: null },
          { clients: new Map(clients.map((c) => [c.id, c])), staffIds: new Set(staff.map((s) => s.id)), now: now.toISOString() },
        );
        if (!checked.ok) {
          const [field, message] = Object.entries(checked.errors)[0]!;
          throw new LocalMutationRefused(message, field);
        }
        const intake: TicketIntake = { ...plan.intake, callId };
        const args = { id: ticketId, ...plan.ticket, channel: 'phone' as const, assigneeId: null, intake };
        buckets.push(...(await recordMutation(this.db, { name: 'createTicket', args }, now)).buckets);
        await this.#logCall(callId, plan.call, ticketId, 'ticket_opened', null, now);
        if (plan.holdNote)
          buckets.push(
            ...(
              await recordMutation(
                this.db,
                { name: 'addNote', args: { id: newId(), ticketId, kind: 'internal_note', body: plan.holdNote } },
                now,
              )
            ).buckets,
          );
        const approval = plan.approval ? await this.approvals.request({ ...plan.approval, ticketId }, now) : null;
        await this.db.drafts.delete(DRAFT_ID);
        return approval?.status ?? null;
      });
      this.tickets.absorbCommitted(buckets);
      return { ok: true, ticketId, callId, approvalStatus };
    } catch (error) {
      if (error instanceof LocalMutationRefused) return { ok: false, message: error.message, field: error.field };
      throw error;
    }
  }

  /** A call about an open ticket: a note with what the caller said, and the call on that ticket's log. */
  async addToTicket(ticketId: string, call: CallToLog, note: string, now: Date = new Date()): Promise<IntakeSaveResult> {
    const callId = newId();
    const buckets: TicketBucket[] = [];
    try {
      await this.db.transaction('rw', [...syncTables(this.db), this.db.drafts], async () => {
        const body = note.trim() || `Call from ${call.callerName}.`;
        buckets.push(
          ...(await recordMutation(this.db, { name: 'addNote', args: { id: newId(), ticketId, kind: 'internal_note', body } }, now))
            .buckets,
        );
        await this.#logCall(callId, { ...call, summary: body }, ticketId, 'added_to_ticket', null, now);
        await this.db.drafts.delete(DRAFT_ID);
      });
      this.tickets.absorbCommitted(buckets);
      return { ok: true, ticketId, callId, approvalStatus: null };
    } catch (error) {
      if (error instanceof LocalMutationRefused) return { ok: false, message: error.message, field: error.field };
      throw error;
    }
  }

  /**
   * "Call back later": the callback and the call on the log in ONE transaction
   * (the callback's own checks run inside it), so a crash or a refusal leaves
   * neither a callback without its call nor a call pointing at no callback.
   * Throws LocalMutationRefused, with the callback's field, when its rules refuse it.
   */
  async promiseCallback(
    draft: CallbackDraft,
    call: CallToLog,
    now: Date = new Date(),
  ): Promise<{ callback: CallbackRecord; callId: string }> {
    const callId = newId();
    return this.db.transaction('rw', [...syncTables(this.db), this.db.drafts], async () => {
      // Dexie runs the repository's own transaction inside this one: its tables are among these.
      const callback = await this.callbacks.promise(draft, now);
      await this.#logCall(
        callId,
        { ...call, summary: `Callback promised: ${callback.reason}` },
        null,
        'callback_promised',
        callback.id,
        now,
      );
      await this.db.drafts.delete(DRAFT_ID);
      return { callback, callId };
    });
  }

  /** A call that ends without a ticket: nothing to log, or a callback promised (its id). */
  async endCall(
    call: CallToLog,
    outcome: 'no_ticket' | 'callback_promised',
    callbackId: string | null,
    now: Date = new Date(),
  ): Promise<IntakeSaveResult> {
    const callId = newId();
    try {
      await this.db.transaction('rw', [...syncTables(this.db), this.db.drafts], async () => {
        await this.#logCall(callId, call, null, outcome, callbackId, now);
        await this.db.drafts.delete(DRAFT_ID);
      });
      return { ok: true, ticketId: '', callId, approvalStatus: null };
    } catch (error) {
      if (error instanceof LocalMutationRefused) return { ok: false, message: error.message, field: error.field };
      throw error;
    }
  }

  async #logCall(
    id: string,
    call: CallToLog,
    ticketId: string | null,
    outcome: MutationArgs['logCall']['outcome'],
    callbackId: string | null,
    now: Date,
  ): Promise<void> {
    await recordMutation(
      this.db,
      {
        name: 'logCall',
        args: {
          id,
          clientId: call.clientId,
          ticketId,
          contactId: call.contactId,
          callerName: call.callerName,
          callerNumber: call.callerNumber,
          direction: 'inbound',
          startedAt: call.startedAt,
          endedAt: now.toISOString(),
          outcome,
          summary: call.summary,
          callbackId,
        },
      },
      now,
    );
  }

  /** The form in progress, as last typed; undefined when there is none. */
  async loadDraft(): Promise<unknown> {
    return (await this.db.drafts.get(DRAFT_ID))?.value;
  }

  async saveDraft(value: unknown, now: Date = new Date()): Promise<void> {
    await this.db.drafts.put({ id: DRAFT_ID, savedAt: now.toISOString(), value });
  }

  async clearDraft(): Promise<void> {
    await this.db.drafts.delete(DRAFT_ID);
  }
}
