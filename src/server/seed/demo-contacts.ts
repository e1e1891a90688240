// Contacts for the demo clients: one of each contact role, so the console's
// "may this caller ask for this?" check has every case to show
// (docs/domain/contacts-and-approvals.md). Each has one work number and one
// email, no approval limit: a shape that survives migrating below 0012 and back.
import type { ContactPhone } from '../../domain/contact-details';
import type { ContactRole } from '../../protocol';

const FIRST = [
  'Rachel',
  'Owen',
  'Nadia',
  'Victor',
  'Hannah',
  'Ken',
  'Lucia',
  'Ben',
  'Farah',
  'Gabe',
  'Ingrid',
  'Jamal',
  'Keiko',
  'Leo',
  'Mira',
  'Noah',
];
const LAST = [
  'Adams',
  'Brooks',
  'Castillo',
  'Dunn',
  'Ellis',
  'Fischer',
  'Gupta',
  'Hayes',
  'Ibarra',
  'Jensen',
  'Kaur',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Osei',
  'Park',
];

export const DEMO_CONTACT_ROLES: readonly ContactRole[] = [
  'billing_contact',
  'backup_approver',
  'mac_only_requestor',
  'portal_admin',
  'none',
];

export function demoContact(clientName: string, clientIndex: number, roleIndex: number) {
  const n = clientIndex * DEMO_CONTACT_ROLES.length + roleIndex;
  const first = FIRST[n % FIRST.length]!;
  const last = LAST[(n * 7 + clientIndex) % LAST.length]!;
  const domain =
    clientName
      .toLowerCase()
      .replace(/[^a-z]+/g, '')
      .slice(0, 16) + '.example';
  // 555-0100 to 555-0199: the numbers set aside for fiction, all valid, so they read without a problem.
  const line = `01${String(n % 100).padStart(2, '0')}`;
  const phone: ContactPhone = { raw: `+1 312 555 ${line}`, e164: `+1312555${line}`, extension: null, label: 'work' };
  return {
    name: `${first} ${last}`,
    emails: JSON.stringify([`${first.toLowerCase()}.${last.toLowerCase()}@${domain}`]),
    phones: JSON.stringify([phone]),
    role: DEMO_CONTACT_ROLES[roleIndex]!,
    approval_limit_cents: null,
  };
}
