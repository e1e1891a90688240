// One visit on "My visits": where, whom to meet, what to do, and what the
// technician can do now (check in; the clock, more time, notes, check out; or
// the time billed once checked out). Times are the site's, with its zone named.
import { useId } from 'react';
import type { Client } from '../../domain/client';
import { formatPhone } from '../../domain/phone';
import { describeSlot } from '../../domain/visit-schedule';
import { VISIT_STAGE_LABELS, visitStage, type StatusOf } from '../../domain/visits';
import type { ContactRecord, VisitRecord } from '../../protocol/records';
import { CheckInOutForm } from './CheckInOutForm';
import { MoreTimeForm } from './MoreTimeForm';
import { onsiteClock } from './onsite-clock';
import { OnsiteClockPanel } from './OnsiteClockPanel';
import { siteTime } from './site-time';
import { WorkForm } from './WorkForm';
import { useNavStore } from '../shell/nav-store';

export function VisitCard({
  visit,
  statusOf,
  client,
  contact,
  now,
}: {
  visit: VisitRecord;
  statusOf: StatusOf;
  client: Client | undefined;
  contact: ContactRecord | undefined;
  now: number;
}) {
  const id = useId();
  const openTicket = useNavStore((s) => s.openTicket);
  const site = client?.sites.find((s) => s.id === visit.siteId);
  const siteZone = site?.timeZone ?? client?.timeZone ?? 'UTC';
  const stage = visitStage(visit, statusOf);
  const clock = onsiteClock(visit, statusOf, now);
  const clientName = client?.name ?? 'Client not on this desk yet';

  return (
    <article
      className={`my-visit stage-${stage}`}
      aria-labelledby={`${id}-heading`}
      data-testid="my-visit"
      data-visit-id={visit.id}
      data-site-zone={siteZone}
    >
      <h3 id={`${id}-heading`}>
        {clientName}: {visit.startsAt && visit.endsAt ? describeSlot(visit.startsAt, visit.endsAt, siteZone) : 'not booked'}
      </h3>
      <p className="visit-stage" data-testid="visit-stage">
        {VISIT_STAGE_LABELS[stage]}{' '}
        <button type="button" className="link" onClick={() => openTicket(visit.ticketId)}>
          Open the ticket
        </button>
      </p>
      <dl className="visit-facts">
        <div>
          <dt>Site</dt>
          <dd>
            {site ? (
              <>
                {site.name}, {site.address}
              </>
            ) : (
              'Not on this desk yet: sync to see it.'
            )}
          </dd>
        </div>
        <div>
          <dt>Contact</dt>
          <dd>
            {contact ? (
              <>
                {contact.name}
                {contact.phones.map((p) => (
                  <span key={`${p.e164}-${p.extension ?? ''}`}>
                    {', '}
                    <a href={`tel:${p.e164}${p.extension ? `;ext=${p.extension}` : ''}`}>{formatPhone(p.e164, p.extension)}</a> ({p.label})
                  </span>
                ))}
              </>
            ) : (
              'Not on this desk yet: sync to see it.'
            )}
          </dd>
        </div>
        <div>
          <dt>Scope</dt>
          <dd>{visit.scope}</dd>
        </div>
        {visit.needsDowntime && (
          <div>
            <dt>Downtime</dt>
            <dd className="downtime-note">
              Takes systems down: booked inside the client's maintenance window. Warn the contact before you start.
            </dd>
          </div>
        )}
        <div>
          <dt>Estimate</dt>
          <dd>{visit.estimateHours} h onsite</dd>
        </div>
      </dl>
      {visit.status === 'scheduled' && <CheckInOutForm visit={visit} siteZone={siteZone} kind="in" />}
      {clock && visit.checkedInAt && (
        <>
          <OnsiteClockPanel clock={clock} checkedInAt={visit.checkedInAt} siteZone={siteZone} />
          <MoreTimeForm
            visit={visit}
            statusOf={statusOf}
            untilText={siteTime(clock.authorizedUntil, siteZone)}
            waiting={clock.waiting !== null}
          />
        </>
      )}
      {/* Recorded from arrival on: a booked visit's card stays short. */}
      {(visit.status === 'onsite' || visit.status === 'completed') && <WorkForm key={visit.id} visit={visit} />}
      {visit.status === 'onsite' && <CheckInOutForm visit={visit} siteZone={siteZone} kind="out" />}
      {visit.status === 'completed' && visit.checkedInAt && visit.checkedOutAt && (
        <dl className="visit-facts visit-done" data-testid="visit-done">
          <div>
            <dt>Checked in</dt>
            <dd>{siteTime(visit.checkedInAt, siteZone)}</dd>
          </div>
          <div>
            <dt>Checked out</dt>
            <dd>
              {siteTime(visit.checkedOutAt, siteZone)} ({siteZone})
            </dd>
          </div>
          <div>
            <dt>Minutes onsite</dt>
            <dd data-testid="done-minutes">{visit.onsiteMinutes}</dd>
          </div>
          <div>
            <dt>Billed hours</dt>
            <dd data-testid="done-billed-hours">{visit.billedHours}</dd>
          </div>
        </dl>
      )}
      {visit.status === 'cancelled' && <p>Cancelled{visit.cancelReason ? `: ${visit.cancelReason}` : ''}.</p>}
    </article>
  );
}
