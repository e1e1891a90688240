// Thousands of hostile requests (fixed seed, bounded count): every one must get
// a 4xx in the documented error shape, nothing may be written, and the server
// must still serve afterwards.
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  apiErrorBodySchema,
  compareProtocol,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pullQuerySchema,
  snapshotQuerySchema,
  type Mutation,
} from '../../src/protocol';
import { BACKENDS, PASSWORD, PROTOCOL_HEADERS, createTestWorkspace, useTestServer, type TestServer, type TestWorkspace } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

const RUNS_PER_BACKEND = 1000;
const TABLES = [
  'tenants',
  'users',
  'sessions',
  'clients',
  'contacts',
  'tickets',
  'ticket_events',
  'notes',
  'sync_clients',
  'client_mutations',
  'changes',
] as const;

async function snapshot(server: TestServer) {
  const { db } = server.database;
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { n } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(n);
  }
  const seqs = await db.selectFrom('tenants').select(['id', 'change_seq']).orderBy('id').execute();
  return { counts, seqs };
}

/** Text PostgreSQL cannot store: a NUL or an unpaired surrogate somewhere in any Unicode. */
const unstorable = fc
  .tuple(
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom('\u0000', '\ud800x', 'x\udc00'),
    fc.string({ unit: 'binary', maxLength: 8 }),
  )
  .map(([a, bad, b]) => a + bad + b);

const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

const pad = (n: number) => String(n).padStart(2, '0');

/** A mutation broken in exactly one way the schema must catch. */
function brokenMutation(valid: Mutation): fc.Arbitrary<unknown> {
  const args = valid.args as Record<string, unknown>;
  const corruptions: fc.Arbitrary<unknown>[] = [
    fc
      .constantFrom('clientId', 'seq', 'name', 'args', 'performedAt')
      .map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))),
    fc
      .oneof(fc.constantFrom('dropTables', '__proto__', 'constructor', 'createticket', ''), fc.string())
      .filter((n) => !['createTicket', 'updateTicket', 'setStatus', 'addNote', 'upsertContact', 'deleteContact'].includes(n))
      .map((name) => ({ ...valid, name })),
    fc
      .oneof(
        fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, '1', null),
        junk.filter((v) => typeof v !== 'number'),
      )
      .map((seq) => ({ ...valid, seq })),
    fc
      .oneof(fc.constantFrom('yesterday', '2026-13-45T00:00:00Z', '', '1700000000'), fc.string())
      .filter((s) => Number.isNaN(Date.parse(s)) || !s.includes('T'))
      .map((performedAt) => ({ ...valid, performedAt })),
    // Instants the format allows but PostgreSQL or the world does not: year 0, before 2000, offsets past ±14:00.
    fc
      .oneof(
        fc.constantFrom(
          '0000-01-01T00:00:00Z',
          '0001-01-01T00:00:00Z',
          '1999-12-31T23:59:59Z',
          '0000-02-29T12:00:00+14:00',
          '2026-03-01T09:30:00+23:59',
        ),
        fc
          .tuple(fc.integer({ min: 0, max: 1999 }), fc.constantFrom('Z', '+00:00', '-05:00', '+14:00'))
          .map(([year, zone]) => `${String(year).padStart(4, '0')}-06-15T12:00:00${zone}`),
        fc
          .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 14 * 60 + 1, max: 24 * 60 - 1 }))
          .map(([sign, minutes]) => `2026-03-01T09:30:00${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`),
      )
      .map((performedAt) => ({ ...valid, performedAt })),
    fc
      .oneof(fc.constantFrom('', 'a b', 'short', 'x'.repeat(101), '../../etc'), fc.string({ maxLength: 7 }))
      .map((clientId) => ({ ...valid, clientId })),
    junk.map((extra) => ({ ...valid, extra })),
    junk.map((extra) => ({ ...valid, args: { ...args, extra } })),
    // Values no argument accepts: not a string, or longer than any field allows.
    fc
      .tuple(fc.constantFrom(...Object.keys(args)), fc.constantFrom(42, {}, [], true, 'x'.repeat(20_001)))
      .map(([key, v]) => ({ ...valid, args: { ...args, [key]: v } })),
    junk.map((a) => ({ ...valid, args: a })),
    fc
      .tuple(
        fc.constantFrom(...['title', 'description', 'body', 'name', 'priority', 'email'].filter((k) => k in args), 'title'),
        unstorable,
      )
      .map(([key, v]) => ({ ...valid, args: { ...args, [key]: v } })),
  ];
  return fc.oneof(...corruptions);
}

function requests(ws: TestWorkspace, validMutations: Mutation[]): fc.Arbitrary<InjectOptions> {
  const token = ws.users.admin.token;
  const auth = { ...PROTOCOL_HEADERS, authorization: `Bearer ${token}` };
  const forged = fc.oneof(
    fc.string(),
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    fc.constant(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')),
  );
  const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) });
  const json = (payload: unknown): InjectOptions['payload'] => JSON.stringify(payload);
  const anyMutation = fc.constantFrom(...validMutations);

  const push: fc.Arbitrary<InjectOptions>[] = [
    fc.anything().map((body) => ({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: json(body) ?? 'null',
    })),
    anyMutation.chain(brokenMutation).chain((bad) =>
      fc.array(anyMutation, { maxLength: 3 }).map((good) => ({
        method: 'POST' as const,
        url: '/api/sync/push',
        headers: { ...auth, 'content-type': 'application/json' },
        payload: json({ mutations: [...good, bad] }),
      })),
    ),
    fc
      .constantFrom({ mutations: [] }, { mutations: 'all' }, { mutations: null }, {}, [], { mutations: Array(501).fill(validMutations[0]) })
      .map((body) => ({ method: 'POST' as const, url: '/api/sync/push', headers: auth, payload: json(body) })),
    fc.string().map((text) => ({
      method: 'POST' as const,
      url: '/api/sync/push',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: `{${text}`,
    })),
    fc
      .tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/xml', ''), fc.string())
      .map(([type, text]) => ({
        method: 'POST' as const,
        url: '/api/sync/push',
        headers: { ...auth, 'content-type': type },
        payload: text,
      })),
    // A valid push the server must not read: declared in another charset, or compressed.
    fc
      .tuple(
        anyMutation,
        fc.constantFrom(
          'application/json; charset=utf-16',
          'application/json; charset=UTF-16LE',
          'application/json;charset="latin1"',
          'application/json; charset=us-ascii',
          'application/json; charset=',
        ),
      )
      .map(([m, type]) => ({
        method: 'POST' as const,
        url: '/api/sync/push',
        headers: { ...auth, 'content-type': type },
        payload: json({ mutations: [m] }),
      })),
    fc.tuple(anyMutation, fc.constantFrom('gzip', 'deflate', 'br', 'x-gzip', 'zstd', 'gzip, identity', 'GZIP')).map(([m, encoding]) => ({
      method: 'POST' as const,
      url: '/api/sync/push',
      headers: { ...auth, 'content-type': 'application/json', 'content-encoding': encoding },
      payload: json({ mutations: [m] }),
    })),
  ];
  const pull = fc
    .record(
      {
        cursor: fc.oneof(printable, fc.constantFrom('-1', '1.5', '1e3', '99999999999999999999', '')),
        limit: fc.oneof(printable, fc.constantFrom('0', '1001', '-5')),
        extra: fc.option(printable, { nil: undefined }),
      },
      { requiredKeys: [] },
    )
    // Judged as sent: an absent option is no parameter at all, not an unexpected one.
    .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Record<string, string>)
    .filter((q) => !pullQuerySchema.safeParse(q).success)
    .map((q) => ({ method: 'GET' as const, url: `/api/sync/pull?${new URLSearchParams(q)}`, headers: auth }));
  const snapshotPages = fc
    .record(
      {
        after: fc.oneof(
          printable,
          fc.constantFrom('ticket', 'ticket:', 'invoice:12', 'ticket:-1', 'ticket:1.5', `ticket:${'9'.repeat(16)}`),
        ),
        limit: fc.oneof(printable, fc.constantFrom('0', '5001', '-5')),
        extra: fc.option(printable, { nil: undefined }),
      },
      { requiredKeys: [] },
    )
    // Judged as sent: an absent option is no parameter at all, not an unexpected one.
    .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Record<string, string>)
    .filter((q) => !snapshotQuerySchema.safeParse(q).success)
    .map((q) => ({ method: 'GET' as const, url: `/api/sync/snapshot?${new URLSearchParams(q)}`, headers: auth }));
  const login = fc
    .oneof(
      fc.anything(),
      fc.record({
        workspace: fc.oneof(fc.constant(ws.slug), fc.string()),
        email: fc.oneof(fc.constant(ws.users.admin.email), fc.string()),
        password: fc.string(),
      }),
      fc.record({
        workspace: fc.oneof(fc.constant(ws.slug), unstorable),
        email: fc.oneof(fc.constant(ws.users.admin.email), unstorable),
        password: unstorable,
      }),
      fc.record({
        workspace: fc.constant(ws.slug),
        email: fc.constant(ws.users.admin.email),
        password: fc.constant(PASSWORD),
        extra: junk,
      }),
    )
    .map((body) => ({
      method: 'POST' as const,
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: json(body) ?? 'null',
    }));
  const encodedLogin = fc
    .constantFrom(
      { 'content-type': 'application/json; charset=utf-16' },
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    )
    .map((headers) => ({
      method: 'POST' as const,
      url: '/api/auth/login',
      headers,
      payload: json({ workspace: ws.slug, email: ws.users.admin.email, password: PASSWORD }),
    }));
  const forgedAuth = fc
    .tuple(
      fc.constantFrom(
        ['GET', '/api/me'],
        ['POST', '/api/auth/logout'],
        ['GET', '/api/sync/pull'],
        ['GET', '/api/sync/snapshot'],
        ['POST', '/api/sync/push'],
        ['GET', '/api/sync/events'],
      ),
      forged,
      fc.boolean(),
    )
    .map(
      ([[method, url], bad, inQuery]) =>
        (inQuery
          ? { method, url: `${url}?token=${encodeURIComponent(bad)}`, headers: PROTOCOL_HEADERS }
          : { method, url, headers: { ...PROTOCOL_HEADERS, authorization: `Bearer ${bad}` } }) as InjectOptions,
    );
  // A valid push from a console of another protocol version, or one that says none readable.
  const otherVersion = fc
    .tuple(fc.option(fc.oneof(printable, fc.constantFrom('1', '3', '02', '-2', '2.0', '99999999999')), { nil: undefined }), anyMutation)
    .filter(([version]) => compareProtocol(version, PROTOCOL_VERSION) !== 'same')
    .map(([version, mutation]) => ({
      method: 'POST' as const,
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${token}`, ...(version === undefined ? {} : { [PROTOCOL_HEADER]: version }) },
      payload: { mutations: [mutation] },
    }));
  const unknown = fc
    .tuple(
      fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH'),
      fc.constantFrom('/api/sync/push', '/api/auth/login', '/api/admin', '/api/sync/pull/../../etc/passwd', '/'),
    )
    .map(([method, url]) => ({ method, url, headers: auth }) as InjectOptions);
  const oversized = fc.constant({
    method: 'POST' as const,
    url: '/api/sync/push',
    headers: { ...auth, 'content-type': 'application/json' },
    payload: json({ mutations: [{ ...validMutations[0], args: { ...validMutations[0]!.args, description: 'x'.repeat(1_100_000) } }] }),
  });
  return fc.oneof(
    { arbitrary: fc.oneof(...push), weight: 6 },
    { arbitrary: pull, weight: 2 },
    { arbitrary: snapshotPages, weight: 1 },
    { arbitrary: login, weight: 2 },
    { arbitrary: encodedLogin, weight: 1 },
    { arbitrary: forgedAuth, weight: 2 },
    { arbitrary: unknown, weight: 1 },
    { arbitrary: otherVersion, weight: 1 },
    { arbitrary: oversized, weight: 0 + 1 },
  );
}

describe.each(BACKENDS)('fuzz on %s', (backend) => {
  const server = useTestServer(backend);

  it(`answers ${RUNS_PER_BACKEND} hostile requests with a clear 4xx and writes nothing`, async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.admin.token);
    const ticket = newTicketArgs(ws.clients['four-tier']);
    const valid: Mutation[] = [
      desk.mutation('createTicket', ticket),
      desk.mutation('updateTicket', { id: ticket.id, title: 'New title', assigneeId: null }),
      desk.mutation('setStatus', { id: ticket.id, status: 'open' }),
      desk.mutation('addNote', { id: uuidv7(), ticketId: ticket.id, kind: 'public_reply', body: 'Hello' }),
      desk.mutation('upsertContact', {
        id: uuidv7(),
        clientId: ws.clients['four-tier'],
        name: 'Lucia Fischer',
        phones: [{ raw: '913-555-0142', label: 'work' }],
        emails: [],
        approvalLimitCents: null,
        role: 'portal_admin',
      }),
      desk.mutation('deleteContact', { id: uuidv7() }),
    ];
    desk.seq = 0;
    const before = await snapshot(server());

    await fc.assert(
      fc.asyncProperty(requests(ws, valid), async (request) => {
        const res = await server().app.inject(request);
        expect(res.statusCode, `${request.method} ${request.url} -> ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        const body = apiErrorBodySchema.safeParse(res.json());
        expect(body.success, res.body.slice(0, 300)).toBe(true);
        expect(body.data!.error.message.length).toBeGreaterThan(20);
      }),
      { seed: 0x5b0a7d, numRuns: RUNS_PER_BACKEND },
    );

    expect(await snapshot(server())).toEqual(before);
    // Still serving: the valid outbox applies in full.
    expect((await server().app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const { status, body } = await desk.push(valid.slice(0, 5));
    expect(status).toBe(200);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
  });
});
