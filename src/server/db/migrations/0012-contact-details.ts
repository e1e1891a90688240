import { sql, type Kysely } from 'kysely';
import { readPhones } from '../../../domain/contact-details';
import { rebuildWireColumn } from './0005-wire-text';

// Contacts gain several phone numbers (each read into E.164, the text as typed
// kept), several emails and an approval limit (docs/domain/contacts-and-approvals.md).
//
// Each existing `phone` is read here, as a US number when it has no + and a
// country code (every client so far is in the US). A number that does not read
// (it passed the old, looser check, e.g. "555-0142" without its area code) is
// not put in `phones`, whose numbers intake matches callers by; its text stays
// in `unparsed_phone`, on the server only, until someone saves the contact from
// the console, which asks for a number that reads. The migration says how many
// it kept that way. Emails are lower-cased. The change log's contact records
// are rewritten from the rows, and the wire text learns the new fields (see 0005-wire-text).
const CONTACT_FIELDS = ['id', 'clientId', 'name', 'phones', 'emails', 'role', 'approvalLimitCents'];
const CONTACT_FIELDS_BEFORE = ['id', 'clientId', 'name', 'email', 'phone', 'role'];
const BATCH = 1000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('contacts')
    .addColumn('phones', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('emails', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('approval_limit_cents', 'bigint')
    .addColumn('unparsed_phone', 'text')
    .execute();

  let unparsed = 0;
  for (let after = ''; ;) {
    const rows: { id: string; phone: string | null; email: string | null }[] = await db
      .selectFrom('contacts')
      .select(['id', 'phone', 'email'])
      .where(sql<boolean>`id::text > ${after}`)
      .orderBy(sql`id::text`)
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const converted = rows.map((r) => {
      const raw = r.phone?.trim() ?? '';
      const read = raw === '' ? null : readPhones([{ raw, label: 'work' }], 'US');
      if (read && !read.ok) unparsed++;
      return {
        id: r.id,
        phones: read?.ok ? read.phones : [],
        emails: r.email?.trim() ? [r.email.trim().toLowerCase()] : [],
        unparsed: read && !read.ok ? raw : null,
      };
    });
    await sql`update contacts k set phones = v.phones, emails = v.emails, unparsed_phone = v.unparsed
      from jsonb_to_recordset(${JSON.stringify(converted)}::jsonb) as v(id uuid, phones jsonb, emails jsonb, unparsed text)
      where k.id = v.id`.execute(db);
  }
  if (unparsed > 0)
    console.warn(`0012-contact-details: ${unparsed} contact phone number(s) did not read as a number; kept in contacts.unparsed_phone.`);

  await db.schema.alterTable('contacts').dropColumn('phone').dropColumn('email').execute();
  await sql`update changes c
    set data = (c.data - 'phone' - 'email') || jsonb_build_object('phones', k.phones, 'emails', k.emails, 'approvalLimitCents', k.approval_limit_cents)
    from contacts k
    where c.entity = 'contact' and c.op = 'upsert' and c.tenant_id = k.tenant_id and c.id = k.id`.execute(db);
  // A contact's last record always has its row; should one not, it reads as a contact with no numbers rather than an old-shaped record.
  await sql`update changes set data = (data - 'phone' - 'email') || '{"phones":[],"emails":[],"approvalLimitCents":null}'::jsonb
    where entity = 'contact' and op = 'upsert' and data ? 'phone'`.execute(db);
  await db
    .updateTable('wire_fields')
    .set({ fields: JSON.stringify(CONTACT_FIELDS) })
    .where('entity', '=', 'contact')
    .execute();
  await rebuildWireColumn(db);
}

// Going down keeps the first number (as typed, or the one that never read) and the first email; the rest, and limits, are lost.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('email', 'text').addColumn('phone', 'text').execute();
  await sql`update contacts set phone = coalesce(phones->0->>'raw', unparsed_phone), email = emails->>0`.execute(db);
  await sql`update changes c
    set data = (c.data - 'phones' - 'emails' - 'approvalLimitCents') || jsonb_build_object('email', k.email, 'phone', k.phone)
    from contacts k
    where c.entity = 'contact' and c.op = 'upsert' and c.tenant_id = k.tenant_id and c.id = k.id`.execute(db);
  await db.schema
    .alterTable('contacts')
    .dropColumn('phones')
    .dropColumn('emails')
    .dropColumn('approval_limit_cents')
    .dropColumn('unparsed_phone')
    .execute();
  await db
    .updateTable('wire_fields')
    .set({ fields: JSON.stringify(CONTACT_FIELDS_BEFORE) })
    .where('entity', '=', 'contact')
    .execute();
  await rebuildWireColumn(db);
}
