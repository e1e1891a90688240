// PGlite is one connection, so the dialect must hand it out to one lease at a
// time: push sends BEGIN ... COMMIT as separate statements on its lease while
// other requests run. The concurrency suite cannot tell, since under PGlite its
// pushes happen not to overlap; these tests make two leases overlap on purpose.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { PGliteDialect } from '../../src/server/db/pglite-dialect';

interface Scratch {
  t: { v: string };
}

describe('PGlite dialect', () => {
  let pglite: PGlite | undefined;
  afterEach(async () => {
    await pglite?.close();
    pglite = undefined;
  });

  async function open(): Promise<Kysely<Scratch>> {
    pglite = await PGlite.create();
    const db = new Kysely<Scratch>({ dialect: new PGliteDialect({ pglite }) });
    await sql`create table t (v text)`.execute(db);
    return db;
  }

  it("keeps a second lease's statement out of an open transaction", async () => {
    const db = await open();
    const order: string[] = [];
    let other: Promise<unknown> | undefined;
    await db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      await sql`insert into t values ('first')`.execute(conn);
      other = db
        .connection()
        .execute((c) => sql`insert into t values ('second')`.execute(c))
        .then(() => order.push('second wrote'));
      // Give the other lease every chance to slip in: a broken dialect lets it
      // finish inside this transaction, a sound one keeps it waiting for the release.
      await Promise.race([other, new Promise((resolve) => setTimeout(resolve, 100))]);
      await sql`rollback`.execute(conn);
      order.push('first rolled back');
    });
    await other;
    expect(order).toEqual(['first rolled back', 'second wrote']);
    const rows = await db.selectFrom('t').select('v').execute();
    expect(rows.map((r) => r.v)).toEqual(['second']);
  });

  it('releases the connection when a lease fails', async () => {
    const db = await open();
    await expect(
      db.connection().execute(async (conn) => {
        await sql`insert into t values ('kept')`.execute(conn);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    const rows = await db.selectFrom('t').select('v').execute();
    expect(rows.map((r) => r.v)).toEqual(['kept']);
  });
});
