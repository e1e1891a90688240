// Onsite visits on this desk (docs/domain/onsite-visits.md): quoted, paid,
// booked, checked in and out, extended and cancelled offline through the
// outbox. Each step is checked here against the rows the desk holds, with the
// same domain rules the server runs again against its own rows and clock.
import { formatCentsForMessage } from '../domain/money';
import { baseFeeCents, quote, quoteProblems, prepaymentProblem, extraHoursProblem, extraTimeCents } from '../domain/onsite-pricing';
import { can, forbiddenMessage, LEAD_ROLES, type Action } from '../domain/staff-permissions';
import type { StaffMember, Ticket } from '../domain/ticket';
import { TRAVEL_ZONE_RULES } from '../domain/travel';
import { bookingEnd, maintenanceWindowProblem, slotProblem } from '../domain/visit-schedule';
import {
  authorizationState,
  checkInDayProblem,
  checkInProblem,
  checkOutProblem,
  prepaidCents,
  technicianProblem,
  visitQuote,
  visitStage,
  type PaymentMethod,
  type StatusOf,
  type VisitPart,
} from '../domain/visits';
import type { VisitRecord } from '../protocol/records';
import type { ApprovalRepository, ApprovalRequestDraft } from './approval-repository';
import type { SwitchboardDb } from './db';
import { newId } from './ids';
import { live, type Live } from './live';
import { readRow, syncTables } from './local-rows';
import { LocalMutationRefused, loadSyncState, recordMutation } from './outbox';
import { bookingClash, sortByCreated, sortByStart, statusOfIn, withApprovals, type VisitsWithApprovals } from './visit-reads';

export { statusOfIn, type VisitsWithApprovals } from './visit-reads';

export interface VisitDraft {
  ticketId: string;
  siteId: string;
  contactId: string;
  scope: string;
  needsDowntime: boolean;
  /** Added to the contract's base fee for the site's zone; must be the zone's own surcharge unless the site is remote. */
  zoneSurchargeCents: number;
  scopeSurchargeCents: number;
  surchargeReason: string;
  hourlyRateCents: number;
  estimateHours: number;
}

export interface PaymentDraft {
  amountCents: number;
  method: PaymentMethod;
  reference: string;
}

/** The approval request that holds onsite work (the visit, or more time on it): billable, asked by the visit's contact. */
function onsiteApproval(ticketId: string, contactId: string, hours: number, cents: number, description: string): ApprovalRequestDraft {
  return {
    ticketId,
    requesterContactId: contactId,
    callerName: null,
    callerPhone: null,
    kind: 'billable_work',
    work: 'break_fix',
    cause: 'none',
    onsite: true,
    afterHours: false,
    expectedMinutes: hours * 60,
    description,
    estimateMinutes: hours * 60,
    estimateCents: cents,
  };
}

export class VisitRepository {
  constructor(
    private readonly db: SwitchboardDb,
    private readonly approvals: ApprovalRepository,
  ) {}

  async #me(action: Action, doing: string): Promise<StaffMember> {
    const { userId } = await loadSyncState(this.db);
    const me = userId === null ? undefined : await this.db.staff.get(userId);
    if (!me) throw new LocalMutationRefused(`Sign in again: this desk does not know who you are, so it cannot ${doing}.`);
    if (!can(me.role, action)) throw new LocalMutationRefused(forbiddenMessage(me.role, action));
    return me;
  }

  async #visit(id: string): Promise<VisitRecord> {
    const visit = await this.db.visits.get(id);
    if (!visit) throw new LocalMutationRefused(`Visit ${id} is not on this desk; sync and try again.`);
    return visit;
  }

  async #statusOf(visit: VisitRecord): Promise<StatusOf> {
    return statusOfIn((await withApprovals(this.db, [visit])).approvals);
  }

  /**
   * Quotes a visit on a ticket and holds it for the client's approval: the
   * approval request (requester: the visit's contact) and the visit are queued
   * in one transaction, so both or neither reach the server.
   */
  async request(draft: VisitDraft, now: Date = new Date()): Promise<VisitRecord> {
    return this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#me('visit.request', 'quote the visit');
      const ticket = (await readRow(this.db, { entity: 'ticket', id: draft.ticketId })) as Ticket | null;
      if (!ticket) throw new LocalMutationRefused(`Ticket ${draft.ticketId} is not on this desk; sync and try again.`);
      const client = await this.db.clients.get(ticket.clientId);
      if (!client) throw new LocalMutationRefused(`The ticket's client is not on this desk; sync and try again.`);
      const site = client.sites.find((s) => s.id === draft.siteId);
      if (!site) throw new LocalMutationRefused(`Choose one of ${client.name}'s sites: that site is not theirs.`, 'siteId');
      const contact = await this.db.contacts.get(draft.contactId);
      if (!contact || contact.clientId !== client.id)
        throw new LocalMutationRefused(`Choose one of ${client.name}'s contacts to meet the technician.`, 'contactId');
      const zone = site.travelZone ?? 'local';
      const rule = TRAVEL_ZONE_RULES[zone];
      if (rule.surchargeCents !== null && draft.zoneSurchargeCents !== rule.surchargeCents)
        throw new LocalMutationRefused(
          `${site.name} is in the ${rule.label} zone: its surcharge is fixed by the zone.`,
          'zoneSurchargeCents',
        );
      const terms = {
        baseFeeCents: baseFeeCents({ ...draft, contractBaseFeeCents: client.contract.onsiteBaseFeeCents }),
        hourlyRateCents: draft.hourlyRateCents,
        estimateHours: draft.estimateHours,
      };
      const problem = quoteProblems(terms, client.contract.onsiteBaseFeeCents)[0];
      if (problem) throw new LocalMutationRefused(problem.message, problem.field);
      const q = quote(terms);
      const approval = await this.approvals.request(
        onsiteApproval(ticket.id, contact.id, draft.estimateHours, q.totalCents, `Onsite visit to ${site.name}: ${draft.scope.trim()}`),
        now,
      );
      const recorded = await recordMutation(
        this.db,
        {
          name: 'requestVisit',
          args: {
            id: newId(),
            ticketId: ticket.id,
            clientId: client.id,
            siteId: site.id,
            contactId: contact.id,
            scope: draft.scope,
            needsDowntime: draft.needsDowntime,
            contractBaseFeeCents: client.contract.onsiteBaseFeeCents,
            travelZone: zone,
            zoneSurchargeCents: draft.zoneSurchargeCents,
            scopeSurchargeCents: draft.scopeSurchargeCents,
            surchargeReason: draft.surchargeReason,
            hourlyRateCents: draft.hourlyRateCents,
            estimateHours: draft.estimateHours,
            approvalRequestId: approval.id,
          },
        },
        now,
      );
      return recorded.row as VisitRecord;
    });
  }

  /** Records the prepayment once the client has approved the quote; refused when it is not the base plus whole $25 increments covering the estimate. */
  async recordPrepayment(visitId: string, payment: PaymentDraft, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#me('visit.payment', 'record the payment');
      const visit = await this.#visit(visitId);
      const stage = visitStage(visit, await this.#statusOf(visit));
      if (stage === 'awaiting_approval')
        throw new LocalMutationRefused("The client has not approved this visit's quote yet: record their approval first (Held requests).");
      if (stage !== 'awaiting_prepayment')
        throw new LocalMutationRefused(
          prepaidCents(visit) > 0 ? 'This visit is already prepaid.' : `A ${stage.replace(/_/g, ' ')} visit takes no prepayment.`,
        );
      const problem = prepaymentProblem(payment.amountCents, visitQuote(visit));
      if (problem) throw new LocalMutationRefused(problem, 'amountCents');
      await recordMutation(
        this.db,
        { name: 'recordVisitPayment', args: { id: visit.id, paymentId: newId(), authorizationId: null, ...payment } },
        now,
      );
    });
  }

  /** Records the payment for approved more time: exactly its hours at the visit's rate. */
  async recordExtraPayment(visitId: string, authorizationId: string, payment: PaymentDraft, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#me('visit.payment', 'record the payment');
      const visit = await this.#visit(visitId);
      const authorization = visit.authorizations.find((a) => a.id === authorizationId);
      if (!authorization) throw new LocalMutationRefused('That request for more time is not on this visit; sync and try again.');
      const state = authorizationState(authorization, visit.payments, await this.#statusOf(visit));
      if (state !== 'awaiting_payment')
        throw new LocalMutationRefused(
          state === 'awaiting_approval'
            ? 'The client has not approved the extra time yet: record their approval first.'
            : state === 'authorized'
              ? 'The extra time is already paid.'
              : 'The client declined the extra time: there is nothing to pay.',
        );
      if (payment.amountCents !== authorization.amountCents)
        throw new LocalMutationRefused(
          `The extra ${authorization.hours} h at the agreed rate is ${formatCentsForMessage(authorization.amountCents)}: take exactly that amount.`,
          'amountCents',
        );
      await recordMutation(
        this.db,
        { name: 'recordVisitPayment', args: { id: visit.id, paymentId: newId(), authorizationId, ...payment } },
        now,
      );
    });
  }

  /**
   * Books (or moves) a prepaid visit to `technicianId` from `startsAt` for its
   * estimated hours. Refused when the technician is booked then on this desk's
   * copy; the server checks again against every desk's bookings.
   */
  async schedule(visitId: string, technicianId: string, startsAt: string, now: Date = new Date()): Promise<VisitRecord> {
    return this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#me('visit.schedule', 'book the visit');
      const visit = await this.#visit(visitId);
      const stage = visitStage(visit, await this.#statusOf(visit));
      if (stage !== 'to_schedule' && stage !== 'scheduled')
        throw new LocalMutationRefused(
          stage === 'awaiting_approval' || stage === 'awaiting_prepayment'
            ? 'Book a visit once the client has approved it and the prepayment is recorded.'
            : `This visit is ${stage.replace(/_/g, ' ')}: it cannot be booked.`,
        );
      const technician = await this.db.staff.get(technicianId);
      const who = technicianProblem(technician);
      if (who) throw new LocalMutationRefused(who, 'technicianId');
      const slot = slotProblem(startsAt, now.getTime());
      if (slot) throw new LocalMutationRefused(slot, 'startsAt');
      const client = await this.db.clients.get(visit.clientId);
      const site = client?.sites.find((s) => s.id === visit.siteId);
      const zone = site?.timeZone ?? client?.timeZone ?? 'UTC';
      const endsAt = bookingEnd(startsAt, visit.estimateHours);
      if (visit.needsDowntime && client) {
        const problem = maintenanceWindowProblem(client.maintenanceWindow, client.timeZone, startsAt, endsAt);
        if (problem) throw new LocalMutationRefused(problem, 'startsAt');
      }
      const clash = await bookingClash(this.db, { visitId: visit.id, technician: technician!, startsAt, endsAt, zone });
      if (clash) throw new LocalMutationRefused(clash, 'startsAt');
      const recorded = await recordMutation(
        this.db,
        { name: 'scheduleVisit', args: { id: visit.id, slot: { technicianId, startsAt } } },
        now,
      );
      return recorded.row as VisitRecord;
    });
  }

  /** Takes a booked visit off the board (the technician cannot go); it stays prepaid, to be booked again. */
  async unschedule(visitId: string, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#me('visit.schedule', 'take the visit off the board');
      const visit = await this.#visit(visitId);
      if (visit.status !== 'scheduled') throw new LocalMutationRefused('Only a booked visit, not yet started, can be taken off the board.');
      await recordMutation(this.db, { name: 'scheduleVisit', args: { id: visit.id, slot: null } }, now);
    });
  }

  async #work(visitId: string, doing: string): Promise<VisitRecord> {
    const me = await this.#me('visit.work', doing);
    const visit = await this.#visit(visitId);
    if (visit.technicianId !== me.id && !LEAD_ROLES.includes(me.role))
      throw new LocalMutationRefused('This visit is booked to another technician: only they (or a lead correcting it) can record it.');
    return visit;
  }

  async checkIn(visitId: string, at: string = new Date().toISOString(), now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      const visit = await this.#work(visitId, 'check in');
      if (visit.status !== 'scheduled')
        throw new LocalMutationRefused(
          visit.status === 'onsite'
            ? 'You are already checked in to this visit.'
            : `This visit is ${visit.status}: it cannot be checked in.`,
        );
      const problem = checkInProblem(at, now.getTime()) ?? checkInDayProblem(at, visit.startsAt!, visit.endsAt!);
      if (problem) throw new LocalMutationRefused(problem, 'at');
      await recordMutation(this.db, { name: 'checkInVisit', args: { id: visit.id, at } }, now);
    });
  }

  async checkOut(visitId: string, at: string = new Date().toISOString(), now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      const visit = await this.#work(visitId, 'check out');
      if (visit.status !== 'onsite' || !visit.checkedInAt) throw new LocalMutationRefused('Check in first: this visit has not started.');
      const problem = checkOutProblem(visit.checkedInAt, at, now.getTime());
      if (problem) throw new LocalMutationRefused(problem, 'at');
      await recordMutation(this.db, { name: 'checkOutVisit', args: { id: visit.id, at } }, now);
    });
  }

  /** Asks the client for more time onsite: an approval request and the visit's authorization, in one transaction. */
  async requestMoreTime(visitId: string, hours: number, reason: string, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      const visit = await this.#work(visitId, 'ask for more time');
      if (visit.status !== 'onsite') throw new LocalMutationRefused('More time is asked for onsite: check in first.');
      const statusOf = await this.#statusOf(visit);
      if (
        visit.authorizations.some((a) =>
          ['awaiting_approval', 'awaiting_payment'].includes(authorizationState(a, visit.payments, statusOf)),
        )
      )
        throw new LocalMutationRefused('A request for more time is already waiting for the client: wait for it before asking again.');
      const problem = extraHoursProblem(hours);
      if (problem) throw new LocalMutationRefused(problem, 'hours');
      const amount = extraTimeCents(hours, visit.hourlyRateCents);
      const approval = await this.approvals.request(
        onsiteApproval(visit.ticketId, visit.contactId, hours, amount, `More time onsite: ${hours} h at the agreed rate. ${reason.trim()}`),
        now,
      );
      await recordMutation(
        this.db,
        { name: 'requestVisitTime', args: { id: visit.id, authorizationId: newId(), approvalRequestId: approval.id, hours, reason } },
        now,
      );
    });
  }

  async recordWork(visitId: string, workNotes: string, parts: VisitPart[], now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      const visit = await this.#work(visitId, 'record the work');
      if (visit.status === 'requested' || visit.status === 'cancelled')
        throw new LocalMutationRefused('Notes and parts are recorded once the visit is booked.');
      await recordMutation(this.db, { name: 'recordVisitWork', args: { id: visit.id, workNotes, parts } }, now);
    });
  }

  async cancel(visitId: string, reason: string, now: Date = new Date()): Promise<void> {
    await this.db.transaction('rw', syncTables(this.db), async () => {
      await this.#me('visit.schedule', 'cancel the visit');
      const visit = await this.#visit(visitId);
      if (visit.status !== 'requested' && visit.status !== 'scheduled')
        throw new LocalMutationRefused(`This visit is ${visit.status}: only a visit not yet started can be cancelled.`);
      await recordMutation(this.db, { name: 'cancelVisit', args: { id: visit.id, reason } }, now);
    });
  }

  get(id: string): Live<VisitsWithApprovals> {
    return live(async () => {
      const visit = await this.db.visits.get(id);
      return withApprovals(this.db, visit ? [visit] : []);
    });
  }

  liveForTicket(ticketId: string): Live<VisitsWithApprovals> {
    return live(async () => withApprovals(this.db, sortByStart(await this.db.visits.where('ticketId').equals(ticketId).toArray())));
  }

  /** Visits booked to start in [fromIso, toIso): the board's week, every technician. */
  liveBooked(fromIso: string, toIso: string): Live<VisitsWithApprovals> {
    return live(async () => withApprovals(this.db, await this.db.visits.where('startsAt').between(fromIso, toIso, true, false).toArray()));
  }

  /** Visits not booked yet (quoted, approved or prepaid), oldest first: the board's waiting list and the visits screen. */
  liveUnbooked(): Live<VisitsWithApprovals> {
    return live(async () => withApprovals(this.db, sortByCreated(await this.db.visits.where('status').equals('requested').toArray())));
  }

  /** One technician's visits starting in [fromIso, toIso), and any still onsite from before: "my visits today". */
  liveFor(technicianId: string, fromIso: string, toIso: string): Live<VisitsWithApprovals> {
    return live(async () => {
      const starting = await this.db.visits
        .where('[technicianId+startsAt]')
        .between([technicianId, fromIso], [technicianId, toIso], true, false)
        .toArray();
      // A visit checked in before `fromIso` and still onsite (past midnight, in a late maintenance window) is
      // still to be checked out: it belongs to the list too.
      const carriedOver = (await this.db.visits.where('status').equals('onsite').toArray()).filter(
        (v) => v.technicianId === technicianId && v.startsAt !== null && v.startsAt < fromIso,
      );
      return withApprovals(this.db, [...carriedOver, ...starting]);
    });
  }

  /** A client's visits (the monthly billing file filters by month). */
  liveForClient(clientId: string): Live<VisitsWithApprovals> {
    return live(async () => withApprovals(this.db, sortByStart(await this.db.visits.where('clientId').equals(clientId).toArray())));
  }

  /** Every visit on the desk, for the Visits screen's lists. */
  liveAll(): Live<VisitsWithApprovals> {
    return live(async () => withApprovals(this.db, sortByCreated(await this.db.visits.toArray())));
  }
}
