// The one answer to "which SLA policy does this client get?": its custom
// policy when it has one, otherwise the preset of its priority scheme. Every
// deadline (queue clocks, ticket view, previews, the approval rule's business
// calendar, on the desk and on the server) goes through here.
import { SLA_PRESETS } from '../../resources/sla-presets';
import type { Client } from './client';
import type { SlaPolicy } from './sla/policy-types';

export type PolicySource = Pick<Client, 'prioritySchemeId'> & { customPolicy?: SlaPolicy | null };

export function clientPolicy(client: PolicySource): SlaPolicy {
  return client.customPolicy ?? SLA_PRESETS[client.prioritySchemeId];
}
