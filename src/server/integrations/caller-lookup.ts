// Who is calling, for a phone system (docs/integrations/pbx.md): the contact of
// one workspace whose number the caller's is. The number has been read into
// E.164 already (src/domain/phone.ts). Contacts are matched on the whole E.164
// first; only when none has it, on its last 10 digits (the national number in
// North America and most of Europe), which finds a number stored under another
// country code. Never on fewer than 7 digits: a PBX opens what this returns
// without anyone choosing, so a guess would be worse than "not found".
import { sql, type Kysely } from 'kysely';
import { formatPhone } from '../../domain/phone';
import type { ContactPhone } from '../../domain/contact-details';
import type { PbxLookupResponse } from '../../protocol';
import type { Database } from '../db/schema';

export const TRAILING_DIGITS = 10;
export const MIN_TRAILING_DIGITS = 7;

export interface LookupLinks {
  /** The web console's origin, e.g. https://desk.example.com; null when not configured. */
  consoleOrigin: string | null;
}

export function callLinks(e164: string, links: LookupLinks): Pick<PbxLookupResponse, 'consoleUrl' | 'webUrl'> {
  // Encoded: a bare + in a query string reads as a space.
  const number = encodeURIComponent(e164);
  return {
    consoleUrl: `switchboard://call?from=${number}`,
    webUrl: links.consoleOrigin ? `${links.consoleOrigin}/?call=${number}` : null,
  };
}

interface Match {
  id: string;
  name: string;
  role: string;
  phones: ContactPhone[];
  emails: string[];
  client_id: string;
  client_name: string;
  matches: number;
}

async function firstMatch(db: Kysely<Database>, tenantId: string, e164: string, trailing: string | null): Promise<Match | undefined> {
  const phoneMatches = trailing
    ? sql<boolean>`exists (select 1 from jsonb_array_elements(contacts.phones) p where p->>'e164' like ${'%' + trailing})`
    : sql<boolean>`contacts.phones @> ${JSON.stringify([{ e164 }])}::jsonb`;
  // A direct line (no extension) before a shared main line's extensions, then by name.
  const direct = sql<boolean>`exists (select 1 from jsonb_array_elements(contacts.phones) p
    where p->>'e164' like ${'%' + (trailing ?? e164.slice(1))} and p->>'extension' is null)`;
  return db
    .selectFrom('contacts')
    .innerJoin('clients', (j) => j.onRef('clients.id', '=', 'contacts.client_id').onRef('clients.tenant_id', '=', 'contacts.tenant_id'))
    .select(['contacts.id', 'contacts.name', 'contacts.role', 'contacts.phones', 'contacts.emails', 'contacts.client_id'])
    .select(['clients.name as client_name', sql<number>`count(*) over ()`.as('matches')])
    .where('contacts.tenant_id', '=', tenantId)
    .where(phoneMatches)
    .orderBy(direct, 'desc')
    .orderBy('contacts.name')
    .orderBy('contacts.id')
    .limit(1)
    .executeTakeFirst();
}

export async function lookUpCaller(db: Kysely<Database>, tenantId: string, e164: string, links: LookupLinks): Promise<PbxLookupResponse> {
  const digits = e164.slice(1);
  let match = await firstMatch(db, tenantId, e164, null);
  if (!match && digits.length >= MIN_TRAILING_DIGITS) match = await firstMatch(db, tenantId, e164, digits.slice(-TRAILING_DIGITS));
  const urls = callLinks(e164, links);
  if (!match) return { found: false, contact: null, client: null, matches: 0, ...urls };
  const phone =
    match.phones.find((p) => p.e164 === e164 && p.extension === null) ??
    match.phones.find((p) => p.e164 === e164) ??
    match.phones.find((p) => p.e164.endsWith(digits.slice(-TRAILING_DIGITS)))!;
  return {
    found: true,
    contact: {
      id: match.id,
      name: match.name,
      role: match.role,
      phone: formatPhone(phone.e164, phone.extension),
      email: match.emails[0] ?? null,
    },
    client: { id: match.client_id, name: match.client_name },
    matches: Number(match.matches),
    ...urls,
  };
}
