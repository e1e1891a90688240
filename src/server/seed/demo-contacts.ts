// Contacts for the demo clients: one of each contact role, so the console's
// "may this caller ask for this?" check has every case to show
// (docs/domain/contacts-and-approvals.md).
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

export const DEMO_CONTACT_ROLES: readonly ContactRole[] = ['billing_contact', 'backup_approver', 'mac_only_requestor', 'portal_admin'];

export function demoContact(clientName: string, clientIndex: number, roleIndex: number) {
  const n = clientIndex * DEMO_CONTACT_ROLES.length + roleIndex;
  const first = FIRST[n % FIRST.length]!;
  const last = LAST[(n * 7 + clientIndex) % LAST.length]!;
  const domain =
    clientName
      .toLowerCase()
      .replace(/[^a-z]+/g, '')
      .slice(0, 16) + '.example';
  return {
    name: `${first} ${last}`,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@${domain}`,
    phone: `+1 312 555 01${String(n).padStart(2, '0')}`,
    role: DEMO_CONTACT_ROLES[roleIndex]!,
  };
}
