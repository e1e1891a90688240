// A client's service record (docs/domain/clients.md): where it is served
// (sites), the SLA it is owed (its priority scheme's preset or a custom
// policy), what its work costs (contract terms, integer cents), when routine
// maintenance may run, and what onboarding still has to collect.
import type { PrioritySchemeId } from './priority-schemes';
import type { SlaPolicy, TimeOfDay, Weekday } from './sla/policy-types';
import type { GeoPoint, TravelZone } from './travel';

/** A place work is done; onsite visits name their site by id. */
export interface Site {
  id: string;
  name: string;
  address: string;
  /** IANA zone the site's local times are read in. */
  timeZone: string;
  /** Raises an onsite visit's base fee by the zone's surcharge (src/domain/travel.ts); absent: local. */
  travelZone?: TravelZone;
  /** For travel time between visits; absent or null: unknown, and the board says so. */
  location?: GeoPoint | null;
}

/** After-hours work: billed unless the ticket is at the contract's most urgent priority, or always. */
export const AFTER_HOURS_BILLING = ['unless_critical', 'always'] as const;
export type AfterHoursBilling = (typeof AFTER_HOURS_BILLING)[number];
export const AFTER_HOURS_BILLING_LABELS: Record<AfterHoursBilling, string> = {
  unless_critical: 'Billable, except Critical (most urgent) tickets',
  always: 'Always billable',
};

export interface ContractTerms {
  hourlyRateCents: number;
  onsiteBaseFeeCents: number;
  afterHoursBillable: AfterHoursBilling;
  /** null: after-hours work is billed at the hourly rate. */
  afterHoursRateCents: number | null;
}

/** Routine maintenance may run on these weekdays between from and to, in the client's time zone. */
export interface MaintenanceWindow {
  weekdays: Weekday[];
  from: TimeOfDay;
  to: TimeOfDay;
}

export interface Onboarding {
  /** Contacts (of this client) to call out of hours. */
  afterHoursContactIds: string[];
  /** How the client wants work authorised, in its own words. */
  authorizationPreferences: string;
  notes: string;
}

export interface Client {
  id: string;
  name: string;
  /** IANA zone the client's dates are shown in. */
  timeZone: string;
  prioritySchemeId: PrioritySchemeId;
  /** At least one. */
  sites: Site[];
  /** null: the preset of the client's priority scheme (see clientPolicy). */
  customPolicy: SlaPolicy | null;
  contract: ContractTerms;
  maintenanceWindow: MaintenanceWindow | null;
  onboarding: Onboarding;
}

/** $350.00: the onsite base fee of the standard contract. */
export const DEFAULT_ONSITE_BASE_FEE_CENTS = 35_000;
export const DEFAULT_HOURLY_RATE_CENTS = 15_000;
/** $100,000.00: no hourly rate or fee is above it; a larger figure is a typing slip (cents entered as dollars). */
export const MAX_RATE_CENTS = 10_000_000;

export const DEFAULT_CONTRACT: ContractTerms = {
  hourlyRateCents: DEFAULT_HOURLY_RATE_CENTS,
  onsiteBaseFeeCents: DEFAULT_ONSITE_BASE_FEE_CENTS,
  afterHoursBillable: 'unless_critical',
  afterHoursRateCents: null,
};

export const EMPTY_ONBOARDING: Onboarding = { afterHoursContactIds: [], authorizationPreferences: '', notes: '' };

/** A client as first created: one site (its main office, in the client's zone), the scheme's preset, the standard terms. */
export function newClient(base: Pick<Client, 'id' | 'name' | 'timeZone' | 'prioritySchemeId'>, siteId: string): Client {
  return {
    ...base,
    sites: [{ id: siteId, name: 'Main office', address: '', timeZone: base.timeZone }],
    customPolicy: null,
    contract: DEFAULT_CONTRACT,
    maintenanceWindow: null,
    onboarding: EMPTY_ONBOARDING,
  };
}
