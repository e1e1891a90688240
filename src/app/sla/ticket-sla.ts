// A ticket's SLA as the console shows it: its own compact history under its
// client's policy. Custom per-client policies come with the clients screen;
// until then a client's policy is the preset of its priority scheme.
import { SLA_PRESETS } from '../../../resources/sla-presets';
import { computeSla, SlaInputError, type SlaPolicy, type SlaResult } from '../../domain/sla';
import type { Client, Ticket } from '../../domain/ticket';

export function slaPolicyOf(client: Pick<Client, 'prioritySchemeId'>): SlaPolicy {
  return SLA_PRESETS[client.prioritySchemeId];
}

/**
 * The ticket's SLA, or why it cannot be computed (a history naming a priority
 * the client's contract does not have: data from before a contract change, or
 * from elsewhere). One ticket's bad data must not take the console down with it.
 */
export function ticketSlaOrReason(
  ticket: Pick<Ticket, 'sla'>,
  client: Pick<Client, 'prioritySchemeId'>,
  now: number | Date | string,
): { sla: SlaResult; reason: null } | { sla: null; reason: string } {
  try {
    return { sla: ticketSla(ticket, client, now), reason: null };
  } catch (error) {
    if (error instanceof SlaInputError) return { sla: null, reason: error.message };
    throw error;
  }
}

export function ticketSla(ticket: Pick<Ticket, 'sla'>, client: Pick<Client, 'prioritySchemeId'>, now: number | Date | string): SlaResult {
  return computeSla(slaPolicyOf(client), ticket.sla, now);
}
