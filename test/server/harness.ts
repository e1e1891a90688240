// Every server suite runs against PGlite and a real PostgreSQL (a private cluster per test file).
import type { FastifyInstance } from 'fastify';
import { Migrator } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { STAFF_ROLES, type StaffRole } from '../../src/domain/ticket';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/protocol';
import { buildServer, type ServerOptions } from '../../src/server/app';
import { hashPassword } from '../../src/server/auth/password';
import { createSession } from '../../src/server/auth/sessions';
import { migrateToLatest } from '../../src/server/db/migrate';
import { migrationProvider } from '../../src/server/db/migrations/index';
import { openDatabase, type Backend, type OpenDatabase } from '../../src/server/db/open-database';
import { appendChanges, type ChangeWrite } from '../../src/server/changes/changes';
import { clientRecord, userRecord } from '../../src/server/changes/records';
import type { PrioritySchemeId } from '../../src/domain/priority-schemes';
import { postgresAvailable, startPostgresCluster, type PostgresCluster } from '../setup/postgres-cluster';

export const BACKENDS: Backend[] = postgresAvailable() ? ['pglite', 'postgres'] : ['pglite'];

let cluster: Promise<PostgresCluster> | undefined;

/** `upTo`: stop after that migration (to test the next one); default: all. */
async function migrate(database: OpenDatabase, upTo: string | undefined): Promise<void> {
  if (upTo === undefined) return migrateToLatest(database.db);
  const { error } = await new Migrator({ db: database.db, provider: migrationProvider }).migrateTo(upTo);
  if (error) throw error;
}

/** A fresh, migrated database; PostgreSQL databases share this file's cluster. */
export async function openTestDatabase(backend: Backend, options: { upTo?: string } = {}): Promise<OpenDatabase & { url?: string }> {
  if (backend === 'pglite') {
    const database = await openDatabase();
    await migrate(database, options.upTo);
    return database;
  }
  cluster ??= startPostgresCluster();
  const url = await (await cluster).createDatabase();
  const database = await openDatabase({ databaseUrl: url, onBackgroundError: () => {} });
  await migrate(database, options.upTo);
  return { ...database, url };
}

export async function stopTestCluster(): Promise<void> {
  if (!cluster) return;
  const running = cluster;
  cluster = undefined;
  await (await running).stop();
}

export class FakeClock {
  #ms = Date.now();
  now = () => new Date(this.#ms);
  advance(ms: number) {
    this.#ms += ms;
  }
  /** Moves forward to `at` (never back: the server's clock only runs forward); sessions made before may expire. */
  advanceTo(at: Date) {
    if (at.getTime() < this.#ms) throw new Error(`The fake clock cannot go back from ${this.now().toISOString()} to ${at.toISOString()}.`);
    this.#ms = at.getTime();
  }
}

/** Listens on a free loopback port, for tests that need real sockets; returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

export interface TestServer {
  app: FastifyInstance;
  database: OpenDatabase;
  clock: FakeClock;
}

/** The web console's origin in tests: servers built here allow it, as `npm run start:web` does for its own. */
export const CONSOLE_ORIGIN = 'http://localhost:5173';

/** Registers beforeAll/afterAll for one server on `backend`; read the returned getter inside tests. */
export function useTestServer(backend: Backend, options: Omit<ServerOptions, 'database' | 'now'> = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    const database = await openTestDatabase(backend);
    const clock = new FakeClock();
    const app = await buildServer({ allowedOrigins: ['app://switchboard', CONSOLE_ORIGIN], ...options, database, now: clock.now });
    await app.ready();
    server = { app, database, clock };
  });
  afterAll(async () => {
    await server?.app.close();
    await server?.database.close();
    await stopTestCluster();
  });
  return () => {
    if (!server) throw new Error('test server not started');
    return server;
  };
}

/** What a console of the server's own protocol sends with every /api/sync/* request. */
export const PROTOCOL_HEADERS: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };

export const PASSWORD = 'correct horse battery staple';

export interface TestWorkspace {
  tenantId: string;
  slug: string;
  /** One member of staff per role, each with a live session token. */
  users: Record<StaffRole, { id: string; email: string; token: string }>;
  clients: Record<PrioritySchemeId, string>;
}

let workspaces = 0;
// scrypt is deliberately slow; fixtures hash the shared test password once.
let passwordHash: Promise<string> | undefined;

/** A workspace with staff of every role (signed in) and one client per priority scheme. */
export async function createTestWorkspace(server: { database: OpenDatabase; clock?: FakeClock }): Promise<TestWorkspace> {
  const { db } = server.database;
  const slug = `ws-${process.pid}-${++workspaces}`;
  const now = server.clock?.now() ?? new Date();
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const tenantId = uuidv7();
  const clients = { 'four-tier': uuidv7(), 'four-severity': uuidv7(), 'five-priority': uuidv7() } satisfies Record<
    PrioritySchemeId,
    string
  >;
  const staff = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tenants')
      .values({ id: tenantId, slug, name: `Workspace ${workspaces}`, change_seq: 0, purged_seq: 0 })
      .execute();
    const userRows = await trx
      .insertInto('users')
      .values(
        STAFF_ROLES.map((role) => ({
          id: uuidv7(),
          tenant_id: tenantId,
          email: `${role}@${slug}.example`,
          name: `${role} person`,
          role,
          password_hash: hash,
        })),
      )
      .returningAll()
      .execute();
    const clientRows = await trx
      .insertInto('clients')
      .values(
        Object.entries(clients).map(([scheme, id]) => ({
          id,
          tenant_id: tenantId,
          name: `${scheme} client`,
          time_zone: 'America/Chicago',
          priority_scheme_id: scheme,
        })),
      )
      .returningAll()
      .execute();
    await appendChanges(
      trx,
      tenantId,
      [
        ...userRows.map((r): ChangeWrite => ({ entity: 'user', id: r.id, op: 'upsert', data: userRecord(r) })),
        ...clientRows.map((r): ChangeWrite => ({ entity: 'client', id: r.id, op: 'upsert', data: clientRecord(r) })),
      ],
      now,
    );
    return userRows;
  });
  const users = {} as TestWorkspace['users'];
  for (const user of staff) {
    const { token } = await createSession(db, { id: user.id, tenantId }, now, 24 * 3600 * 1000);
    users[user.role as StaffRole] = { id: user.id, email: user.email, token };
  }
  return { tenantId, slug, users, clients };
}
