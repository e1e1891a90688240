import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ApprovalStatus } from '../../domain/approval-requests';
import { newClient } from '../../domain/client';
import type { ContactRecord, VisitRecord } from '../../protocol/records';
import { ServicesProvider, type Services } from '../services';
import { VisitCard } from './VisitCard';

const client = {
  ...newClient(
    { id: '00000000-0000-4000-8000-000000000001', name: 'Acme Dental', timeZone: 'America/Chicago', prioritySchemeId: 'four-tier' },
    's1',
  ),
  sites: [{ id: 's1', name: 'Denver clinic', address: '1 Main St, Denver', timeZone: 'America/Denver' }],
};
const contact: ContactRecord = {
  id: 'c1',
  clientId: client.id,
  name: 'Dana Office',
  phones: [{ raw: '312 555 0101', e164: '+13125550101', extension: null, label: 'work' }],
  emails: [],
  role: 'none',
  approvalLimitCents: null,
};

// Booked 09:00–11:00 in Denver (UTC−7 in March): 16:00–18:00 UTC. Base $150, then $100 an hour.
function visit(over: Partial<VisitRecord>): VisitRecord {
  return {
    id: 'v1',
    ticketId: 't1',
    clientId: client.id,
    siteId: 's1',
    contactId: 'c1',
    scope: 'Replace the failed switch in the server closet',
    needsDowntime: true,
    travelZone: 'local',
    contractBaseFeeCents: 15_000,
    zoneSurchargeCents: 0,
    scopeSurchargeCents: 0,
    surchargeReason: '',
    baseFeeCents: 15_000,
    hourlyRateCents: 10_000,
    estimateHours: 2,
    approvalRequestId: 'appr-visit',
    status: 'scheduled',
    technicianId: 'tech',
    startsAt: '2026-03-04T16:00:00.000Z',
    endsAt: '2026-03-04T18:00:00.000Z',
    scheduledBy: 'lead',
    scheduledAt: '2026-03-01T10:00:00.000Z',
    bookingRefusal: null,
    checkedInAt: null,
    checkedInBy: null,
    checkedOutAt: null,
    checkedOutBy: null,
    onsiteMinutes: null,
    billedHours: null,
    payments: [],
    authorizations: [],
    workNotes: '',
    parts: [],
    cancelReason: null,
    cancelledAt: null,
    cancelledBy: null,
    createdBy: 'lead',
    createdAt: '2026-03-01T09:00:00.000Z',
    ...over,
  };
}
const statusOf = (id: string): ApprovalStatus | null =>
  id === 'appr-visit' ? 'approved' : id === 'appr-extra' ? 'awaiting_approval' : null;
// The forms only reach the repositories when submitted; a static render never does.
const services = { repos: {}, bridge: {}, sync: null } as unknown as Services;
const render = (v: VisitRecord, now: string) =>
  renderToStaticMarkup(
    <ServicesProvider services={services}>
      <VisitCard visit={v} statusOf={statusOf} client={client} contact={contact} now={Date.parse(now)} />
    </ServicesProvider>,
  ).replace(/<!-- -->/g, '');

describe('VisitCard', () => {
  it("shows a booked visit in the site's zone, named, with whom to meet, the scope, the downtime note and Check in", () => {
    const html = render(visit({}), '2026-03-04T15:00:00.000Z');
    expect(html).toContain('9:00');
    expect(html).toContain('(America/Denver)');
    expect(html).toContain('Denver clinic, 1 Main St, Denver');
    expect(html).toContain('href="tel:+13125550101"');
    expect(html).toContain('Replace the failed switch');
    expect(html).toContain('Takes systems down');
    expect(html).toContain('Check in now');
    expect(html).not.toContain('data-testid="onsite-clock"');
  });

  it('runs the clock onsite and says STOP once the estimate is used, with the waiting request', () => {
    const onsite = visit({ status: 'onsite', checkedInAt: '2026-03-04T16:05:00.000Z', checkedInBy: 'tech' });
    const before = render(onsite, '2026-03-04T17:35:00.000Z');
    expect(before).toContain('data-testid="clock-minutes">90<');
    expect(before).toContain('data-testid="clock-billed-hours">2<');
    expect(before).toContain('09:05 MST');
    expect(before).not.toContain('data-testid="stop-banner"');
    expect(before).toContain('Check out now');

    const asked = {
      ...onsite,
      authorizations: [
        {
          id: 'a1',
          approvalRequestId: 'appr-extra',
          hours: 1,
          amountCents: 10_000,
          reason: 'Second switch',
          requestedBy: 'tech',
          requestedAt: '2026-03-04T18:00:00.000Z',
        },
      ],
    };
    const after = render(asked, '2026-03-04T18:05:00.000Z');
    expect(after).toContain('data-testid="stop-banner"');
    expect(after).toContain('STOP: the authorized time ended at 11:05 MST');
    expect(after).toContain('Waiting for the client&#x27;s approval.');
    // No second request while one waits.
    expect(after).not.toContain('Ask the client for more time');
  });

  it('shows the raw minutes and the billed hours after check-out', () => {
    const html = render(
      visit({
        status: 'completed',
        checkedInAt: '2026-03-04T16:05:00.000Z',
        checkedOutAt: '2026-03-04T17:36:00.000Z',
        onsiteMinutes: 91,
        billedHours: 2,
      }),
      '2026-03-04T18:00:00.000Z',
    );
    expect(html).toContain('data-testid="done-minutes">91<');
    expect(html).toContain('data-testid="done-billed-hours">2<');
    expect(html).not.toContain('Check out now');
  });
});
