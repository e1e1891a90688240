import { describe, expect, it } from 'vitest';
import { EMPTY_ONBOARDING } from './client';
import { onboardingGaps, type ContactRole, type OnboardingSource } from './onboarding';

const C = 'client-1';
const window = { weekdays: ['sat' as const], from: '22:00', to: '24:00' };
const complete: OnboardingSource = {
  id: C,
  onboarding: { afterHoursContactIds: ['k-night'], authorizationPreferences: 'Email the office manager first.', notes: '' },
  maintenanceWindow: window,
};
const contacts: ContactRole[] = [
  { id: 'k-bill', clientId: C, role: 'billing_contact' },
  { id: 'k-portal', clientId: C, role: 'portal_admin' },
  { id: 'k-night', clientId: C, role: 'backup_approver' },
];

// The onboarding checklist (docs/domain/clients.md): one case per thing that can be missing.
describe('onboarding gaps', () => {
  it('a client with everything collected has none', () => {
    expect(onboardingGaps(complete, contacts)).toEqual([]);
  });

  it.each([
    ['no Billing Contact', complete, contacts.filter((c) => c.role !== 'billing_contact'), ['billing_contact']],
    ['no Portal Admin', complete, contacts.filter((c) => c.role !== 'portal_admin'), ['portal_admin']],
    [
      'a Billing Contact of another client only',
      complete,
      contacts.map((c) => (c.role === 'billing_contact' ? { ...c, clientId: 'other' } : c)),
      ['billing_contact'],
    ],
    [
      'no after-hours contact chosen',
      { ...complete, onboarding: { ...complete.onboarding, afterHoursContactIds: [] } },
      contacts,
      ['after_hours_contact'],
    ],
    ['an after-hours contact since removed', complete, contacts.filter((c) => c.id !== 'k-night'), ['after_hours_contact']],
    [
      'blank authorization preferences',
      { ...complete, onboarding: { ...complete.onboarding, authorizationPreferences: '   ' } },
      contacts,
      ['authorization_preferences'],
    ],
    ['no maintenance window', { ...complete, maintenanceWindow: null }, contacts, ['maintenance_window']],
    [
      'a new client with nothing',
      { id: C, onboarding: EMPTY_ONBOARDING, maintenanceWindow: null },
      [],
      ['billing_contact', 'after_hours_contact', 'authorization_preferences', 'portal_admin', 'maintenance_window'],
    ],
  ] as const)('%s: %j missing', (_case, client, list, expected) => {
    const gaps = onboardingGaps(client, list);
    expect(gaps.map((g) => g.key)).toEqual(expected);
    for (const g of gaps) expect(g.message).toMatch(/: /);
  });
});
