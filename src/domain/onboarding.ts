// What a client's onboarding has yet to collect (docs/domain/clients.md):
// someone who approves billing, someone to call out of hours, how the client
// wants work authorised, someone to run its portal, and when maintenance may run.
import type { Client } from './client';

export const ONBOARDING_GAPS = [
  'billing_contact',
  'after_hours_contact',
  'authorization_preferences',
  'portal_admin',
  'maintenance_window',
] as const;
export type OnboardingGapKey = (typeof ONBOARDING_GAPS)[number];

export interface OnboardingGap {
  key: OnboardingGapKey;
  /** What is missing and what to do about it. */
  message: string;
}

const MESSAGES: Record<OnboardingGapKey, string> = {
  billing_contact: 'No Billing Contact: give one contact the Billing Contact role; billable work needs their approval.',
  after_hours_contact: 'No after-hours contact: choose at least one of the client’s contacts to call out of hours.',
  authorization_preferences: 'No authorization preferences: write down how the client wants work authorised.',
  portal_admin: 'No Portal Admin: give one contact the Portal Admin role.',
  maintenance_window: 'No maintenance window: agree when routine maintenance may run.',
};

/** The contacts of the client, by role (any role name the contact record knows). */
export interface ContactRole {
  id: string;
  clientId: string;
  role: string;
}

export interface OnboardingSource {
  id: string;
  onboarding: { readonly afterHoursContactIds: readonly string[]; readonly authorizationPreferences: string; readonly notes?: string };
  maintenanceWindow: Client['maintenanceWindow'];
}

/** Every gap, in checklist order; an empty list means onboarding is complete. */
export function onboardingGaps(client: OnboardingSource, contacts: readonly ContactRole[]): OnboardingGap[] {
  const own = contacts.filter((c) => c.clientId === client.id);
  const ownIds = new Set(own.map((c) => c.id));
  const missing: Record<OnboardingGapKey, boolean> = {
    billing_contact: !own.some((c) => c.role === 'billing_contact'),
    // A removed contact (or another client's) does not answer this client's calls.
    after_hours_contact: !client.onboarding.afterHoursContactIds.some((id) => ownIds.has(id)),
    authorization_preferences: client.onboarding.authorizationPreferences.trim() === '',
    portal_admin: !own.some((c) => c.role === 'portal_admin'),
    maintenance_window: client.maintenanceWindow === null,
  };
  return ONBOARDING_GAPS.filter((key) => missing[key]).map((key) => ({ key, message: MESSAGES[key] }));
}
