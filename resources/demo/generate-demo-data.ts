import { PRIORITY_SCHEMES } from '../../src/domain/priority-schemes';
import { TICKET_STATUSES, CHANNELS, type Client, type StaffMember, type Ticket, type TicketStatus } from '../../src/domain/ticket';
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

/** Deterministic demo workspace: realistic clients, staff and N tickets. */
export function generateDemoData({ tickets: count, seed = 42, now = new Date() }: DemoOptions): DemoData {
  const random = createRandom(seed);
  const base = Date.UTC(2026, 0, 1);
  const clients: Client[] = DEMO_CLIENTS.map((c, i) => ({ id: uuidv7At(base + i, random), ...c }));
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
    tickets[i] = {
      id: uuidv7At(opened, random),
      clientId: client.id,
      title: request.title,
      description: request.description,
      status,
      priority: level.key,
      channel: pick(random, CHANNELS),
      assigneeId: status === 'new' && random() < 0.6 ? null : pick(random, workers).id,
      openedAt: new Date(opened).toISOString(),
      updatedAt: new Date(updated).toISOString(),
    };
  }
  return { clients, staff, tickets };
}
