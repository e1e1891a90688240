// Each queue row's SLA clocks, computed from the ticket's own compact history
// (never the full event log) once per change of the ticket, and kept by id so
// a change to one ticket recomputes one ticket, not the queue.
import type { PrioritySchemeId } from '../../domain/priority-schemes';
import { compileSlaPolicy, type SlaHistory, type SlaPolicy } from '../../domain/sla';
import type { TicketStatus } from '../../domain/ticket';
import { slaPolicyOf, ticketSla } from '../sla/ticket-sla';
import { planClock } from './sla-clock-plan';
import type { TicketClocks } from './sla-urgency';

/** What of a ticket its clocks depend on. */
export interface ClockSource {
  id: string;
  sla: SlaHistory;
  status: TicketStatus;
  updatedAt: string;
  prioritySchemeId: PrioritySchemeId | null;
  /** The client's custom policy; absent or null for its scheme's preset. */
  customPolicy?: SlaPolicy | null;
}

interface Entry {
  sla: SlaHistory;
  updatedAt: string;
  status: TicketStatus;
  /** The contract the clocks were computed under: a client that arrives (or changes contract) after its tickets recomputes them. */
  prioritySchemeId: PrioritySchemeId | null;
  customPolicy: SlaPolicy | null;
  clocks: TicketClocks | null;
  /** Why there are no clocks (a history the engine refused, an unknown client), for the cell's tooltip. */
  problem: string | null;
}

const cache = new Map<string, Entry>();

function compute(t: ClockSource): Entry {
  const customPolicy = t.customPolicy ?? null;
  const entry = { sla: t.sla, updatedAt: t.updatedAt, status: t.status, prioritySchemeId: t.prioritySchemeId, customPolicy };
  if (!t.prioritySchemeId) return { ...entry, clocks: null, problem: 'No SLA: the ticket’s client is unknown on this desk.' };
  const client = { prioritySchemeId: t.prioritySchemeId, customPolicy };
  try {
    const cp = compileSlaPolicy(slaPolicyOf(client));
    // Evaluated at the history's last event (computeSla never evaluates earlier):
    // the deadlines and a paused clock's counted time are the same at any later
    // instant, so the plan needs no "now" and stays valid until the ticket changes.
    const result = ticketSla(t, client, 0);
    const plan = (clock: 'firstResponse' | 'resolution') => {
      const c = result[clock];
      return c ? planClock(c, cp.calendar, cp.pause[clock].has(t.status)) : null;
    };
    return { ...entry, clocks: { firstResponse: plan('firstResponse')!, resolution: plan('resolution') }, problem: null };
  } catch (error) {
    return { ...entry, clocks: null, problem: `No SLA: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function entryOf(t: ClockSource): Entry {
  const hit = cache.get(t.id);
  // The same history object, or the same change of the ticket read again from the store.
  const same = hit && (hit.sla === t.sla || (hit.updatedAt === t.updatedAt && hit.status === t.status && hit.sla.length === t.sla.length));
  if (hit && same && hit.prioritySchemeId === t.prioritySchemeId && hit.customPolicy === (t.customPolicy ?? null)) {
    return hit;
  }
  const entry = compute(t);
  cache.set(t.id, entry);
  return entry;
}

/** The ticket's clocks; null when it has no SLA (see clocksProblem). */
export function rowClocks(t: ClockSource & { clocks?: TicketClocks | null }): TicketClocks | null {
  // A queue row keeps them once looked up: rows are rebuilt on every change of the data, the cache outlives them.
  if (t.clocks !== undefined) return t.clocks;
  const clocks = entryOf(t).clocks;
  if ('clocks' in t) t.clocks = clocks;
  return clocks;
}

export function clocksProblem(t: ClockSource): string | null {
  return entryOf(t).problem;
}
