import { PRIORITY_SCHEMES } from '../../src/domain/priority-schemes';
import { appendSlaEvent, openedHistory } from '../../src/domain/sla-history';
import type { SlaEvent } from '../../src/domain/sla';
import { DEFAULT_ONSITE_BASE_FEE_CENTS, newClient } from '../../src/domain/client';
import { TICKET_STATUSES, CHANNELS, type Client, type StaffMember, type Ticket, type TicketStatus } from '../../src/domain/ticket';
import type { GeoPoint, TravelZone } from '../../src/domain/travel';
import { DEMO_CLIENTS, DEMO_REQUESTS, DEMO_STAFF } from './catalog';
import { createRandom, pick, uuidv7At } from './prng';

export interface DemoData {
  clients: Client[];
  staff: StaffMember[];
  tickets: Ticket[];
}

export interface DemoOptions {
  tickets: number;
  seed?: number;
  /** Tickets are opened over the 30 days before this instant. */
  now?: Date;
}

// Most of a real queue is open work; closed tickets are a minority once archived.
const STATUS_WEIGHTS: Record<TicketStatus, number> = { new: 0.2, open: 0.35, awaiting_reply: 0.15, on_hold: 0.1, closed: 0.2 };

function weightedStatus(random: () => number): TicketStatus {
  let r = random();
  for (const s of TICKET_STATUSES) {
    r -= STATUS_WEIGHTS[s];
    if (r <= 0) return s;
  }
  return 'open';
}

// Status paths a ticket took to reach where it is (docs/domain/ticket-workflow.md).
const PATHS: Record<TicketStatus, TicketStatus[]> = {
  new: [],
  open: ['open'],
  awaiting_reply: ['open', 'awaiting_reply'],
  on_hold: ['open', 'on_hold'],
  closed: ['open', 'closed'],
};

/**
 * The SLA history that led to the ticket's priority and status: one ticket in
 * eight triaged at another priority first, a public reply a second before each
 * step that waits on the customer or closes.
 */
function demoHistory(
  random: () => number,
  levels: readonly { key: string }[],
  t: Pick<Ticket, 'openedAt' | 'updatedAt' | 'priority' | 'status'>,
) {
  const opened = Date.parse(t.openedAt);
  const span = Math.max(60_000, Date.parse(t.updatedAt) - opened);
  const at = (fraction: number) => new Date(opened + Math.floor(span * fraction)).toISOString();
  const retriaged = random() < 0.125 && levels.length > 1;
  const others = levels.filter((l) => l.key !== t.priority);
  let sla: readonly SlaEvent[] = openedHistory(t.openedAt, retriaged ? others[Math.floor(random() * others.length)]!.key : t.priority);
  if (retriaged) sla = appendSlaEvent(sla, { type: 'priority_changed', at: at(0.1), priority: t.priority });
  PATHS[t.status].forEach((status, i, path) => {
    const when = Date.parse(at((i + 1) / (path.length + 1)));
    if (status !== 'open') sla = appendSlaEvent(sla, { type: 'public_reply', at: new Date(when - 1000).toISOString() });
    sla = appendSlaEvent(sla, { type: 'status_changed', at: new Date(when).toISOString(), status });
  });
  return sla;
}

const DEMO_STREETS = ['Harbor Way', 'Main Street', 'Lake Shore Drive', 'Beacon Street', 'Route 9', 'Elm Avenue', 'Pier 12', 'Redwood Road'];

/** The demo clients' main sites by client: mostly near the office, a few further out, one remote. */
const DEMO_SITE_ZONES: readonly TravelZone[] = ['local', 'regional', 'local', 'distant', 'local', 'regional', 'local', 'remote'];
/** Each zone's office (the MSP works from one per time zone) and how far out each travel zone lies, in degrees. */
const DEMO_OFFICES: Record<string, GeoPoint> = {
  'America/Chicago': { latitude: 41.8781, longitude: -87.6298 },
  'America/New_York': { latitude: 40.7128, longitude: -74.006 },
  'America/Los_Angeles': { latitude: 34.0522, longitude: -118.2437 },
};
const ZONE_DISTANCE_DEGREES: Record<TravelZone, number> = { local: 0.12, regional: 0.55, distant: 1.2, remote: 2.6 };

function demoLocation(timeZone: string, zone: TravelZone, i: number): GeoPoint {
  const office = DEMO_OFFICES[timeZone] ?? DEMO_OFFICES['America/Chicago']!;
  const angle = (i * 137.5 * Math.PI) / 180;
  const d = ZONE_DISTANCE_DEGREES[zone];
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return { latitude: round(office.latitude + d * Math.sin(angle)), longitude: round(office.longitude + d * Math.cos(angle)) };
}

/**
 * A demo client's sites, terms and onboarding: some clients fully onboarded, some
 * with gaps (no maintenance window, no authorization preferences), so the checklist has something to show.
 */
function serviceRecord(
  base: Pick<Client, 'id' | 'name' | 'timeZone' | 'prioritySchemeId'>,
  i: number,
  ms: number,
  random: () => number,
): Client {
  const client = newClient(base, uuidv7At(ms + 200 + i, random));
  const street = DEMO_STREETS[i % DEMO_STREETS.length]!;
  // Zones and coordinates from fixed tables, not the random stream, so every other generated value stays as it was.
  const zone = DEMO_SITE_ZONES[i % DEMO_SITE_ZONES.length]!;
  client.sites[0] = {
    ...client.sites[0]!,
    address: `${100 + i * 17} ${street}`,
    travelZone: zone,
    location: demoLocation(base.timeZone, zone, i),
  };
  // Every third client has a second site (a branch office, in the same zone).
  if (i % 3 === 0)
    client.sites.push({
      id: uuidv7At(ms + 300 + i, random),
      name: 'Branch office',
      address: `${20 + i} Depot Lane`,
      timeZone: base.timeZone,
      travelZone: 'local',
      location: demoLocation(base.timeZone, 'local', i + 5),
    });
  client.contract = {
    hourlyRateCents: 12_500 + (i % 4) * 2_500,
    onsiteBaseFeeCents: DEFAULT_ONSITE_BASE_FEE_CENTS,
    afterHoursBillable: i % 2 === 0 ? 'unless_critical' : 'always',
    afterHoursRateCents: i % 2 === 0 ? null : 22_500,
  };
  if (i % 4 !== 3) client.maintenanceWindow = { weekdays: i % 2 === 0 ? ['sat'] : ['tue', 'thu'], from: '22:00', to: '24:00' };
  if (i % 3 !== 2)
    client.onboarding = {
      afterHoursContactIds: [],
      authorizationPreferences: 'Work over two hours needs the Billing Contact’s written approval by email.',
      notes: i === 0 ? 'Front desk opens at 07:30; park behind the building.' : '',
    };
  return client;
}

/** Deterministic demo workspace: realistic clients, staff and N tickets. */
export function generateDemoData({ tickets: count, seed = 42, now = new Date() }: DemoOptions): DemoData {
  const random = createRandom(seed);
  // Histories draw from their own stream, so adding them left every ticket as it was.
  const historyRandom = createRandom(seed + 1);
  const base = Date.UTC(2026, 0, 1);
  // Service records draw from their own stream too, so tickets stay as they were before clients had them.
  const serviceRandom = createRandom(seed + 2);
  const clients: Client[] = DEMO_CLIENTS.map((c, i) => serviceRecord({ id: uuidv7At(base + i, random), ...c }, i, base, serviceRandom));
  const staff: StaffMember[] = DEMO_STAFF.map((s, i) => ({ id: uuidv7At(base + 100 + i, random), name: s.name, role: s.role }));
  const workers = staff.filter((s) => s.role === 'technician' || s.role === 'engineer');
  const end = now.getTime();
  const span = 30 * 24 * 3600 * 1000;

  const tickets: Ticket[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const client = pick(random, clients);
    const levels = PRIORITY_SCHEMES[client.prioritySchemeId].levels;
    // Urgent work is rarer than routine work.
    const level = levels[Math.min(levels.length - 1, Math.floor(Math.pow(random(), 0.6) * levels.length))]!;
    const request = pick(random, DEMO_REQUESTS);
    const opened = end - Math.floor(random() * span);
    const updated = Math.min(end, opened + Math.floor(random() * 3 * 24 * 3600 * 1000));
    const status = weightedStatus(random);
    const times = { openedAt: new Date(opened).toISOString(), updatedAt: new Date(updated).toISOString() };
    tickets[i] = {
      id: uuidv7At(opened, random),
      clientId: client.id,
      title: request.title,
      description: request.description,
      status,
      priority: level.key,
      channel: pick(random, CHANNELS),
      assigneeId: status === 'new' && random() < 0.6 ? null : pick(random, workers).id,
      ...times,
      sla: demoHistory(historyRandom, levels, { ...times, priority: level.key, status }),
    };
  }
  return { clients, staff, tickets };
}
