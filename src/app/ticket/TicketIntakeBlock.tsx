// What intake recorded when the ticket was opened from a call
// (docs/domain/phone-intake.md, "The intake block"): who called and how to
// reach them, where, the priority guidance and what the caller was told after hours.
import { REQUEST_KIND_LABELS } from '../../domain/contact-authorization';
import type { IntakePhone } from '../../domain/intake';
import { formatPhone } from '../../domain/phone';
import { IMPACT_LABELS } from '../../domain/priority-guidance';
import { findPriority } from '../../domain/priority-schemes';
import type { Ticket } from '../../domain/ticket';
import type { ContactRecord } from '../../protocol/records';

const phoneText = (p: IntakePhone) => formatPhone(p.e164, p.extension);
const priorityText = (key: string) => findPriority(key)?.label ?? key;

export function TicketIntakeBlock({ ticket, contact }: { ticket: Ticket; contact: ContactRecord | undefined }) {
  const intake = ticket.intake;
  if (!intake) return null;
  const overridden = ticket.priority !== intake.suggestedPriority;
  return (
    <section className="ticket-intake" aria-labelledby="ticket-intake-heading" data-testid="ticket-intake">
      <h3 id="ticket-intake-heading">Phone intake</h3>
      <dl>
        <dt>Caller</dt>
        <dd data-testid="intake-caller">
          {intake.callerName}
          {intake.callerContactId === null ? (
            <span className="muted"> · not on the client&apos;s contact list</span>
          ) : contact ? null : (
            <span className="muted"> · a contact not on this desk</span>
          )}
        </dd>
        <dt>Callback number</dt>
        <dd data-testid="intake-callback">{phoneText(intake.callbackNumber)}</dd>
        {intake.callerEmail && (
          <>
            <dt>Email</dt>
            <dd>{intake.callerEmail}</dd>
          </>
        )}
        {intake.siteAddress && (
          <>
            <dt>Site</dt>
            <dd>{intake.siteAddress}</dd>
          </>
        )}
        {intake.systemNumber && (
          <>
            <dt>System&apos;s main number</dt>
            <dd>{phoneText(intake.systemNumber)}</dd>
          </>
        )}
        <dt>Caller wants to</dt>
        <dd>
          {REQUEST_KIND_LABELS[intake.requestKind]} · {IMPACT_LABELS[intake.impact]}
          {intake.workaround ? ' · has a workaround' : ''}
        </dd>
        <dt>Priority</dt>
        <dd data-testid="intake-priority">
          {overridden
            ? `${priorityText(ticket.priority)}, not the suggested ${priorityText(intake.suggestedPriority)}`
            : `${priorityText(intake.suggestedPriority)}, as suggested`}
          {overridden && intake.overrideReason ? `: ${intake.overrideReason}` : ''}
        </dd>
        {intake.afterHours && (
          <>
            <dt>After hours</dt>
            <dd data-testid="intake-after-hours">
              {intake.afterHours.told ? 'Told the work is billable' : 'Not told the work is billable'};{' '}
              {intake.afterHours.agreed ? 'agreed to the charge' : 'did not agree to the charge'}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
