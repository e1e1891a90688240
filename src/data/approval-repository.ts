// Approval requests on this desk (docs/domain/contacts-and-approvals.md,
// "Approval requests"): requested, confirmed, approved and declined offline
// through the outbox, each checked here against the rows the desk holds before
// anything is written; the server checks again against its own.
import {
  approvalProblem,
  billableTriggers,
  confirmationProblem,
  declineProblem,
  holdProblem,
  HELD_STATUSES,
  initialStatus,
  isHeld,
  type ContactChannel,
  type ContactFacts,
  type RequestFacts,
  type RequestState,
  type TriggerFound,
} from '../domain/approval-requests';
import type { RequestKind } from '../domain/contact-authorization';
import { can, forbiddenMessage } from '../domain/staff-permissions';
import type { Ticket } from '../domain/ticket';
import { approvalSetting } from '../mutations';
import type { ApprovalRequestRecord, ContactRecord } from '../protocol/records';
import type { SwitchboardDb } from './db';
import { newId } from './ids';
import { live, type Live } from './live';
import { readRow, syncTables } from './local-rows';
import { LocalMutationRefused, loadSyncState, recordMutation } from './outbox';

export interface ApprovalRequestDraft extends RequestFacts {
  ticketId: string;
  /** One of the client's contacts, or null for a caller not on the list (then callerName). */
  requesterContactId: string | null;
  callerName: string | null;
  callerPhone: string | null;
  kind: RequestKind;
  description: string;
  estimateMinutes: number | null;
  estimateCents: number | null;
}

const facts = (c: ContactRecord): ContactFacts => ({ clientId: c.clientId, name: c.name, role: c.role });
const stateOf = (r: ApprovalRequestRecord): RequestState => ({
  clientId: r.clientId,
  kind: r.kind,
  status: r.status,
  estimateMinutes: r.estimateMinutes,
  estimateCents: r.estimateCents,
});
const byCreatedAt = (a: ApprovalRequestRecord, b: ApprovalRequestRecord) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;

export class ApprovalRepository {
  constructor(private readonly db: SwitchboardDb) {}

  /** The request's triggers with their reasons, as the form changes; null when the ticket is not on this desk. */
  async triggersFor(ticketId: string, f: RequestFacts): Promise<TriggerFound[] | null> {
    const found = await this.#ticket(ticketId);
    return found ? billableTriggers(f, { critical: found.critical }) : null;
  }

  async #ticket(ticketId: string): Promise<{ ticket: Ticket; critical: boolean } | null> {
    const ticket = (await readRow(this.db, { entity: 'ticket', id: ticketId })) as Ticket | null;
    const client = ticket ? await this.db.clients.get(ticket.clientId) : undefined;
    if (!ticket || !client) return null;
    return { ticket, critical: approvalSetting(client, ticket.priority).critical };
  }

  /** Requests approval; throws LocalMutationRefused (nothing written) when the rules refuse it. */
  async request(draft: ApprovalRequestDraft, now: Date = new Date()): Promise<ApprovalRequestRecord> {
    return this.db.transaction('rw', syncTables(this.db), async () => {
      const found = await this.#ticket(draft.ticketId);
      if (!found) throw new LocalMutationRefused(`Ticket ${draft.ticketId} is not on this desk; sync and try again.`);
      const { ticket, critical } = found;
      let requester: ContactFacts | null = null;
      if (draft.requesterContactId !== null) {
        const contact = await this.db.contacts.get(draft.requesterContactId);
        if (!contact || contact.clientId !== ticket.clientId)
          throw new LocalMutationRefused("Choose the requester from this ticket's client's contacts, or the caller not on the list.");
        requester = facts(contact);
      }
      const triggers = billableTriggers(draft, { critical });
      const problem = holdProblem(requester !== null, triggers.length, { minutes: draft.estimateMinutes, cents: draft.estimateCents });
      if (problem) throw new LocalMutationRefused(problem);
      const { status } = initialStatus(requester, draft.kind);
      const recorded = await recordMutation(
        this.db,
        {
          name: 'requestApproval',
          args: {
            id: newId(),
            ticketId: ticket.id,
            clientId: ticket.clientId,
            requesterContactId: draft.requesterContactId,
            callerName: draft.requesterContactId === null ? draft.callerName : null,
            callerPhone: draft.requesterContactId === null ? draft.callerPhone : null,
            kind: draft.kind,
            work: draft.work,
            cause: draft.cause,
            onsite: draft.onsite,
            afterHours: draft.afterHours,
            description: draft.description,
            estimateMinutes: draft.estimateMinutes,
            estimateCents: draft.estimateCents,
            triggers: triggers.map((t) => t.trigger),
            status: status === 'awaiting_approval' ? 'awaiting_approval' : 'awaiting_confirmation',
          },
        },
        now,
      );
      return recorded.row as ApprovalRequestRecord;
    });
  }

  async #held(id: string): Promise<ApprovalRequestRecord> {
    const request = await this.db.approvalRequests.get(id);
    if (!request) throw new LocalMutationRefused(`Approval request ${id} is not on this desk; sync and try again.`);
    return request;
  }

  /** Intake may not record a client's answer (the server refuses it too): refused here before anything is queued. */
  async #requireRecorder(): Promise<void> {
    const { userId } = await loadSyncState(this.db);
    const me = userId === null ? undefined : await this.db.staff.get(userId);
    if (!me) throw new LocalMutationRefused("Sign in again: this desk does not know who you are, so it cannot record the client's answer.");
    if (!can(me.role, 'approval.record')) throw new LocalMutationRefused(forbiddenMessage(me.role, 'approval.record'));
  }

  async #contact(id: string): Promise<ContactFacts | null> {
    const contact = await this.db.contacts.get(id);
    return contact ? facts(contact) : null;
  }

  async confirm(id: string, contactId: string, via: ContactChannel, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#requireRecorder();
      const problem = confirmationProblem(stateOf(await this.#held(id)), await this.#contact(contactId));
      if (problem) throw new LocalMutationRefused(problem);
      await recordMutation(this.db, { name: 'confirmRequest', args: { id, contactId, via } }, now);
    });
  }

  async approve(
    id: string,
    contactId: string,
    via: ContactChannel,
    amount: { minutes: number | null; cents: number | null },
    now: Date = new Date(),
  ): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#requireRecorder();
      const problem = approvalProblem(stateOf(await this.#held(id)), await this.#contact(contactId), amount);
      if (problem) throw new LocalMutationRefused(problem);
      await recordMutation(
        this.db,
        { name: 'recordApproval', args: { id, contactId, via, approvedMinutes: amount.minutes, approvedCents: amount.cents } },
        now,
      );
    });
  }

  async decline(id: string, reason: string, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#requireRecorder();
      const problem = declineProblem(await this.#held(id));
      if (problem) throw new LocalMutationRefused(problem);
      await recordMutation(this.db, { name: 'declineApproval', args: { id, reason } }, now);
    });
  }

  liveForTicket(ticketId: string): Live<ApprovalRequestRecord[]> {
    return live(async () => (await this.db.approvalRequests.where('ticketId').equals(ticketId).toArray()).sort(byCreatedAt));
  }

  /** Every held request, oldest first: the longest wait is called first. */
  liveHeld(): Live<ApprovalRequestRecord[]> {
    return live(async () => (await this.db.approvalRequests.toArray()).filter((r) => isHeld(r.status)).sort(byCreatedAt));
  }

  /** Ids of tickets with a held request, for the queue's marker. */
  liveHeldTickets(): Live<ReadonlySet<string>> {
    return live(
      async () => new Set((await this.db.approvalRequests.where('status').anyOf(HELD_STATUSES).toArray()).map((r) => r.ticketId)),
    );
  }

  /** A client's contacts, by name: requesters and approvers are picked from them. */
  liveContacts(clientId: string): Live<ContactRecord[]> {
    return live(async () =>
      (await this.db.contacts.where('clientId').equals(clientId).toArray()).sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  /** Every contact, for the held requests screen's whom-to-call. */
  liveAllContacts(): Live<ContactRecord[]> {
    return live(() => this.db.contacts.toArray());
  }
}
