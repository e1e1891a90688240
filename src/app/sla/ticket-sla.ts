// A ticket's SLA as the console shows it: its own compact history under its
// client's policy (clientPolicy: the client's custom policy or its scheme's preset).
import { clientPolicy, type PolicySource } from '../../domain/client-policy';
import { computeSla, SlaInputError, type SlaPolicy, type SlaResult } from '../../domain/sla';
import type { Ticket } from '../../domain/ticket';

export function slaPolicyOf(client: PolicySource): SlaPolicy {
  return clientPolicy(client);
}

/**
 * The ticket's SLA, or why it cannot be computed (a history naming a priority
 * the client's contract does not have: data from before a contract change, or
 * from elsewhere). One ticket's bad data must not take the console down with it.
 */
export function ticketSlaOrReason(
  ticket: Pick<Ticket, 'sla'>,
  client: PolicySource,
  now: number | Date | string,
): { sla: SlaResult; reason: null } | { sla: null; reason: string } {
  try {
    return { sla: ticketSla(ticket, client, now), reason: null };
  } catch (error) {
    if (error instanceof SlaInputError) return { sla: null, reason: error.message };
    throw error;
  }
}

export function ticketSla(ticket: Pick<Ticket, 'sla'>, client: PolicySource, now: number | Date | string): SlaResult {
  return computeSla(slaPolicyOf(client), ticket.sla, now);
}
