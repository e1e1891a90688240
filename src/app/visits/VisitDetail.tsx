// One visit on the Visits screen (docs/domain/onsite-visits.md): who and
// where, the quote line by line, the client's approval, the prepayment, more
// time and its payments, the booking in the site's zone (with the server's
// refusal if another booking got there first), and after completion what the
// time onsite costs against what was paid. Every step goes through
// repos.visits, so it works offline.
import { useMemo, useState } from 'react';
import { contactReach } from '../../domain/approval-requests';
import type { Client, StaffMember } from '../../domain/ticket';
import { CONTACT_ROLE_LABELS } from '../../domain/contact-authorization';
import { formatCents } from '../../domain/money';
import { TRAVEL_ZONE_RULES } from '../../domain/travel';
import { bookingEnd, describeSlot } from '../../domain/visit-schedule';
import {
  authorizationState,
  PAYMENT_METHOD_LABELS,
  visitQuote,
  visitReconciliation,
  VISIT_STAGE_LABELS,
  type StatusOf,
  type VisitStage,
} from '../../domain/visits';
import type { VisitRecord } from '../../protocol/records';
import { useLive } from '../hooks/useLive';
import { formatInClientZone } from '../queue/format-instant';
import { useServices } from '../services';
import { useCan } from '../session/use-can';
import { useNavStore } from '../shell/nav-store';
import { ApprovalAnswer } from './ApprovalAnswer';
import { CancelVisitForm } from './CancelVisitForm';
import { PaymentForm } from './PaymentForm';
import { QuoteBreakdown } from './QuoteBreakdown';
import { balanceText, minutesText } from './quote-text';

const AUTHORIZATION_STATE_LABELS = {
  awaiting_approval: 'Waiting for the client’s approval',
  awaiting_payment: 'Approved: waiting for payment',
  authorized: 'Authorized: approved and paid',
  declined: 'Declined by the client',
} as const;

export interface VisitDetailProps {
  visit: VisitRecord;
  stage: VisitStage;
  statusOf: StatusOf;
  clients: readonly Client[];
  staff: readonly StaffMember[];
  /** The invoice of a completed visit; the invoice part of the console supplies it (absent: no invoice button). */
  onOpenInvoice?(visitId: string): void;
}

export function VisitDetail({ visit, stage, statusOf, clients, staff, onOpenInvoice }: VisitDetailProps) {
  const { repos } = useServices();
  const ticket = useLive(useMemo(() => repos.tickets.liveOne(visit.ticketId), [repos, visit.ticketId]));
  const contacts = useLive(useMemo(() => repos.approvals.liveContacts(visit.clientId), [repos, visit.clientId]));
  const openTicket = useNavStore((s) => s.openTicket);
  const mayPay = useCan('visit.payment');
  const mayCancel = useCan('visit.schedule');
  const [acting, setActing] = useState<string | null>(null);
  const client = clients.find((c) => c.id === visit.clientId);
  const site = client?.sites.find((s) => s.id === visit.siteId);
  const zone = site?.timeZone ?? client?.timeZone ?? 'UTC';
  const contact = contacts?.find((c) => c.id === visit.contactId);
  const staffName = (id: string | null) => staff.find((s) => s.id === id)?.name ?? 'someone no longer on staff';
  const at = (iso: string) => formatInClientZone(iso, zone);
  const q = visitQuote(visit);
  const reconciliation = visitReconciliation(visit);
  const done = () => setActing(null);

  return (
    <article className="visit-detail" aria-labelledby={`visit-${visit.id}-heading`} data-testid="visit-detail">
      <header>
        <h2 id={`visit-${visit.id}-heading`}>
          {client?.name ?? 'Unknown client'}, {site?.name ?? 'unknown site'}
        </h2>
        <p>
          <strong className={`visit-stage stage-${stage}`} data-testid="visit-stage">
            {VISIT_STAGE_LABELS[stage]}
          </strong>
        </p>
      </header>

      <section aria-label="Ticket, site and contact">
        <dl>
          <dt>Ticket</dt>
          <dd>
            <button type="button" className="link" onClick={() => openTicket(visit.ticketId)}>
              {ticket?.title ?? 'Open the ticket'}
            </button>
          </dd>
          <dt>Site</dt>
          <dd>
            {site ? `${site.name}, ${site.address || 'no address on file'}` : 'A site no longer on the client’s list'}
            <span className="muted">
              {' '}
              · {TRAVEL_ZONE_RULES[visit.travelZone].label} · times in {zone}
            </span>
          </dd>
          <dt>Contact onsite</dt>
          <dd>{contact ? `${contact.name} (${CONTACT_ROLE_LABELS[contact.role]}), ${contactReach(contact)}` : 'Not on this desk'}</dd>
          <dt>Scope</dt>
          <dd>
            {visit.scope}
            {visit.needsDowntime && <span className="muted"> · takes systems down: inside the maintenance window</span>}
          </dd>
        </dl>
      </section>

      <section aria-labelledby={`visit-${visit.id}-quote`}>
        <h3 id={`visit-${visit.id}-quote`}>Quote</h3>
        <QuoteBreakdown
          testId="visit-quote"
          quote={q}
          parts={{
            contractBaseFeeCents: visit.contractBaseFeeCents,
            zoneLabel: TRAVEL_ZONE_RULES[visit.travelZone].label,
            zoneSurchargeCents: visit.zoneSurchargeCents,
            scopeSurchargeCents: visit.scopeSurchargeCents,
            surchargeReason: visit.surchargeReason,
          }}
        />
        <ApprovalAnswer approvalRequestId={visit.approvalRequestId} ticketId={visit.ticketId} clientId={visit.clientId} />
      </section>

      <section aria-labelledby={`visit-${visit.id}-payments`}>
        <h3 id={`visit-${visit.id}-payments`}>Payments</h3>
        {visit.payments.length === 0 ? (
          <p className="muted">No payment recorded.</p>
        ) : (
          <ul data-testid="visit-payments">
            {visit.payments.map((p) => (
              <li key={p.id}>
                {formatCents(p.amountCents)} {p.authorizationId === null ? 'prepayment' : 'for more time'} by{' '}
                {PAYMENT_METHOD_LABELS[p.method].toLowerCase()}, reference {p.reference}, {at(p.recordedAt)}, taken by{' '}
                {staffName(p.recordedBy)}
              </li>
            ))}
          </ul>
        )}
        {stage === 'awaiting_prepayment' &&
          (!mayPay ? (
            <p className="muted">A lead or the scheduler records the prepayment.</p>
          ) : acting === 'prepay' ? (
            <PaymentForm
              label="Record prepayment"
              initialCents={q.prepaymentCents}
              onSave={(p) => repos.visits.recordPrepayment(visit.id, p)}
              onDone={done}
            />
          ) : (
            <button type="button" onClick={() => setActing('prepay')}>
              Record prepayment…
            </button>
          ))}
      </section>

      {visit.authorizations.length > 0 && (
        <section aria-labelledby={`visit-${visit.id}-more-time`}>
          <h3 id={`visit-${visit.id}-more-time`}>More time</h3>
          <ul className="visit-authorizations">
            {visit.authorizations.map((a) => {
              const state = authorizationState(a, visit.payments, statusOf);
              return (
                <li key={a.id} data-testid="visit-authorization">
                  <p>
                    <strong>{AUTHORIZATION_STATE_LABELS[state]}</strong>: {a.hours} h for {formatCents(a.amountCents)}, asked by{' '}
                    {staffName(a.requestedBy)} {at(a.requestedAt)}: {a.reason}
                  </p>
                  {state === 'awaiting_approval' && (
                    <ApprovalAnswer approvalRequestId={a.approvalRequestId} ticketId={visit.ticketId} clientId={visit.clientId} />
                  )}
                  {state === 'awaiting_payment' &&
                    mayPay &&
                    (acting === a.id ? (
                      <PaymentForm
                        label="Record payment"
                        initialCents={a.amountCents}
                        onSave={(p) => repos.visits.recordExtraPayment(visit.id, a.id, p)}
                        onDone={done}
                      />
                    ) : (
                      <button type="button" onClick={() => setActing(a.id)}>
                        Record payment…
                      </button>
                    ))}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby={`visit-${visit.id}-booking`}>
        <h3 id={`visit-${visit.id}-booking`}>Booking</h3>
        {visit.bookingRefusal && (
          <div className="booking-refusal" role="alert" data-testid="booking-refusal">
            <strong>Booking refused:</strong> {visit.bookingRefusal.reason}{' '}
            <span className="muted">
              ({staffName(visit.bookingRefusal.technicianId)},{' '}
              {describeSlot(visit.bookingRefusal.startsAt, bookingEnd(visit.bookingRefusal.startsAt, visit.estimateHours), zone)}, tried by{' '}
              {staffName(visit.bookingRefusal.attemptedBy)})
            </span>
          </div>
        )}
        {visit.technicianId && visit.startsAt && visit.endsAt ? (
          <p data-testid="visit-booking">
            {staffName(visit.technicianId)}, {describeSlot(visit.startsAt, visit.endsAt, zone)}
          </p>
        ) : (
          <p className="muted">Not booked.</p>
        )}
        {visit.checkedInAt && (
          <p>
            Checked in {at(visit.checkedInAt)}
            {visit.checkedOutAt && <>, checked out {at(visit.checkedOutAt)}</>}
          </p>
        )}
      </section>

      {reconciliation && (
        <section aria-labelledby={`visit-${visit.id}-reconciliation`}>
          <h3 id={`visit-${visit.id}-reconciliation`}>Reconciliation</h3>
          <dl data-testid="visit-reconciliation">
            <dt>Time onsite</dt>
            <dd>{minutesText(reconciliation.onsiteMinutes)}</dd>
            <dt>Billed hours</dt>
            <dd>{reconciliation.billedHours} h</dd>
            <dt>Charge</dt>
            <dd>{formatCents(reconciliation.chargeCents)}</dd>
            <dt>Paid</dt>
            <dd>{formatCents(reconciliation.paidCents)}</dd>
          </dl>
          <p data-testid="visit-balance">
            <strong>{balanceText(reconciliation)}</strong>
          </p>
        </section>
      )}

      {visit.status === 'cancelled' && (
        <p data-testid="visit-cancelled">
          Cancelled{visit.cancelledAt ? ` ${at(visit.cancelledAt)}` : ''} by {staffName(visit.cancelledBy)}: {visit.cancelReason}
        </p>
      )}

      <div className="form-actions">
        {/* INVOICE: the invoice part of the console passes onOpenInvoice (wired at merge); until then there is no button. */}
        {visit.status === 'completed' && onOpenInvoice && (
          <button type="button" onClick={() => onOpenInvoice(visit.id)} data-testid="open-invoice">
            Invoice…
          </button>
        )}
        {(visit.status === 'requested' || visit.status === 'scheduled') && mayCancel && acting !== 'cancel' && (
          <button type="button" onClick={() => setActing('cancel')}>
            Cancel visit…
          </button>
        )}
      </div>
      {acting === 'cancel' && <CancelVisitForm visitId={visit.id} onDone={done} />}
    </article>
  );
}
