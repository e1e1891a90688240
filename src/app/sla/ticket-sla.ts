// A ticket's SLA as the console shows it: its own compact history under its
// client's policy. Custom per-client policies come with the clients screen;
// until then a client's policy is the preset of its priority scheme.
import { SLA_PRESETS } from '../../../resources/sla-presets';
import { computeSla, type SlaPolicy, type SlaResult } from '../../domain/sla';
import type { Client, Ticket } from '../../domain/ticket';

export function slaPolicyOf(client: Pick<Client, 'prioritySchemeId'>): SlaPolicy {
  return SLA_PRESETS[client.prioritySchemeId];
}

export function ticketSla(ticket: Pick<Ticket, 'sla'>, client: Pick<Client, 'prioritySchemeId'>, now: number | Date | string): SlaResult {
  return computeSla(slaPolicyOf(client), ticket.sla, now);
}
