// Migration 0012 on contacts written with one phone text and one email: each
// number is read into E.164 (as a US number when typed without +), one that
// does not read stays on the server in unparsed_phone, emails are lower-cased,
// desks download the new records, and going down gives the old ones back.
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePullPage, WIRE_FIELDS } from '../../src/protocol';
import { pullChanges } from '../../src/server/changes/pull';
import { migrateToLatest } from '../../src/server/db/migrate';
import { migrationProvider } from '../../src/server/db/migrations/index';
import type { Database } from '../../src/server/db/schema';
import { BACKENDS, openTestDatabase, stopTestCluster } from './harness';
import { uuidv7 } from './desk';

afterAll(() => stopTestCluster());

const BEFORE = '0010-ticket-event-actor';

async function pulledContacts(db: Kysely<Database>, tenantId: string) {
  const pulled = await pullChanges(db, tenantId, 0, 5000);
  if (!pulled.ok) throw new Error(pulled.message);
  // Later migrations add rows of their own to the log (0014's request types): only contacts are this test's.
  const changes = decodePullPage(JSON.parse(pulled.json)).changes.filter((c) => c.entity === 'contact');
  return new Map(changes.map((c) => [c.id, c.data]));
}

describe.each(BACKENDS)('migration 0012 on %s', (backend) => {
  it('reads each phone into E.164, keeps one that does not read on the server, lower-cases emails, and goes down again', async () => {
    const database = await openTestDatabase(backend, { upTo: BEFORE });
    // Typed before 0012: the database has the old columns, so these go in as SQL.
    const db = database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    try {
      const tenantId = uuidv7();
      const clientId = uuidv7();
      await db.insertInto('tenants').values({ id: tenantId, slug: 'm12', name: 'M12', change_seq: 5, purged_seq: 0 }).execute();
      await db
        .insertInto('clients')
        .values({ id: clientId, tenant_id: tenantId, name: 'Harbor', time_zone: 'America/Chicago', priority_scheme_id: 'four-tier' })
        .execute();
      const old = [
        { name: 'Typed', phone: '(913) 555-0142', email: 'Rachel.Adams@Harbor.example' },
        { name: 'Extension', phone: '+1 312 555 0100 ext. 204', email: null },
        { name: 'No area code', phone: '555-0142', email: 'owen@harbor.example' },
        { name: 'Email only', phone: null, email: 'nadia@harbor.example' },
        { name: 'Nothing', phone: null, email: null },
      ].map((c) => ({ id: uuidv7(), tenant_id: tenantId, client_id: clientId, role: 'portal_admin', ...c }));
      await db.insertInto('contacts').values(old).execute();
      await db
        .insertInto('changes')
        .values(
          old.map((c, i) => ({
            tenant_id: tenantId,
            entity: 'contact',
            id: c.id,
            seq: i + 1,
            op: 'upsert',
            changed_at: new Date(),
            data: JSON.stringify({ id: c.id, clientId, name: c.name, email: c.email, phone: c.phone, role: c.role }),
          })),
        )
        .execute();
      const before = await db.selectFrom('changes').select(['id', 'data']).where('tenant_id', '=', tenantId).execute();

      await migrateToLatest(database.db);
      const fields = await database.db.selectFrom('wire_fields').select('fields').where('entity', '=', 'contact').executeTakeFirstOrThrow();
      expect(fields.fields).toEqual(WIRE_FIELDS.contact);
      const record = (c: (typeof old)[number], phones: unknown[], emails: string[]) => ({
        id: c.id,
        clientId,
        name: c.name,
        phones,
        emails,
        role: 'portal_admin',
        approvalLimitCents: null,
      });
      const [typed, extension, noAreaCode, emailOnly, nothing] = old as [(typeof old)[number], ...(typeof old)[number][]];
      expect(await pulledContacts(database.db, tenantId)).toEqual(
        new Map([
          [
            typed.id,
            record(
              typed,
              [{ raw: '(913) 555-0142', e164: '+19135550142', extension: null, label: 'work' }],
              ['rachel.adams@harbor.example'],
            ),
          ],
          [
            extension!.id,
            record(extension!, [{ raw: '+1 312 555 0100 ext. 204', e164: '+13125550100', extension: '204', label: 'work' }], []),
          ],
          [noAreaCode!.id, record(noAreaCode!, [], ['owen@harbor.example'])],
          [emailOnly!.id, record(emailOnly!, [], ['nadia@harbor.example'])],
          [nothing!.id, record(nothing!, [], [])],
        ]),
      );
      const kept = await database.db
        .selectFrom('contacts')
        .select(['id', 'unparsed_phone'])
        .where('unparsed_phone', 'is not', null)
        .execute();
      expect(kept).toEqual([{ id: noAreaCode!.id, unparsed_phone: '555-0142' }]);

      const { error } = await new Migrator({ db: database.db, provider: migrationProvider }).migrateTo(BEFORE);
      expect(error).toBeUndefined();
      // The old shape back; only the emails stay lower-cased.
      const lowered = new Map([[typed.id, 'rachel.adams@harbor.example']]);
      const after = await db.selectFrom('changes').select(['id', 'data']).where('tenant_id', '=', tenantId).execute();
      expect(after).toEqual(
        before.map((c) => {
          const data = c.data as Record<string, unknown>;
          return { id: c.id, data: lowered.has(c.id as string) ? { ...data, email: lowered.get(c.id as string) } : data };
        }),
      );
      const rows = await sql<{ phone: string | null }>`select phone from contacts where id = ${noAreaCode!.id}`.execute(database.db);
      expect(rows.rows).toEqual([{ phone: '555-0142' }]);
    } finally {
      await database.close();
    }
  });
});
