import { describe, expect, it } from 'vitest';
import type { Client } from '../../domain/client';
import type { StaffMember } from '../../domain/ticket';
import type { VisitRecord } from '../../protocol/records';
import { boardDays } from './board-layout';
import { bookableTechnicians, buildBoardModel, indexPlaces } from './board-model';
import { confirmationText } from './confirmation';

const staff: StaffMember[] = [
  { id: 't-zed', name: 'Zed Okafor', role: 'technician' },
  { id: 't-ana', name: 'Ana Reed', role: 'engineer', active: true },
  { id: 't-gone', name: 'Bo Left', role: 'technician', active: false },
  { id: 'lead', name: 'Cy Lead', role: 'supervisor' },
  { id: 'sched', name: 'Jo Alvarez', role: 'scheduler' },
];

const clients = [
  {
    id: 'c1',
    name: 'Harbor Dental',
    timeZone: 'America/Chicago',
    sites: [{ id: 's1', name: 'Branch', address: '1 Elm St', timeZone: 'America/New_York' }],
  },
] as unknown as Client[];

const visit = (id: string, status: string, startsAt: string, refusal: string | null = null) =>
  ({
    id,
    clientId: 'c1',
    siteId: 's1',
    technicianId: 't-ana',
    status,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
    bookingRefusal: refusal ? { reason: refusal } : null,
  }) as unknown as VisitRecord;

describe('the board model', () => {
  it('has a row for each active technician and engineer, by name, and nobody else', () => {
    expect(bookableTechnicians(staff).map((t) => t.id)).toEqual(['t-ana', 't-zed']);
  });

  it('draws live bookings with times in the site zone, named, and leaves cancelled visits out', () => {
    const days = boardDays('week', Date.parse('2026-12-08T12:00:00Z'), 'America/Chicago');
    const model = buildBoardModel(
      [visit('booked', 'scheduled', '2026-12-08T15:00:00Z', 'Ana was taken'), visit('gone', 'cancelled', '2026-12-09T15:00:00Z')],
      days,
      staff,
      indexPlaces(clients),
    );
    expect([...model.chips.keys()]).toEqual(['booked']);
    expect(model.chips.get('booked')).toMatchObject({
      clientName: 'Harbor Dental',
      siteName: 'Branch',
      times: '10:00–12:00 EST',
      siteZone: 'America/New_York',
      refusal: 'Ana was taken',
      travel: null,
    });
    expect(model.cells.get('t-ana')![1]!.map((p) => p.visit.id)).toEqual(['booked']);
  });
});

describe('the confirmation for the customer', () => {
  it('gives the slot in the site zone, the technician, the site with its address and the scope', () => {
    const text = confirmationText({
      startsAt: '2026-12-08T15:00:00Z',
      endsAt: '2026-12-08T17:00:00Z',
      siteZone: 'America/New_York',
      technicianName: 'Ana Reed',
      siteName: 'Branch',
      address: ' 1 Elm St ',
      scope: 'Replace the printer. ',
    });
    expect(text).toContain('10:00');
    expect(text).toContain('(America/New_York)');
    expect(text).toMatch(/Ana Reed will come to Branch, 1 Elm St for: Replace the printer\.$/);
  });
});
