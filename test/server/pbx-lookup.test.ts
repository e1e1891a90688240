// A phone system asking who is calling (docs/integrations/pbx.md): found by
// the number however the PBX wrote it, only in the key's workspace, only with
// a live key, at most so many times a minute, and a clear 4xx for anything else.
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { CreatedIntegrationKeyResponse, MutationArgs, PbxLookupResponse } from '../../src/protocol';
import { Desk, uuidv7 } from './desk';
import { BACKENDS, createTestWorkspace, useTestServer, type TestServer, type TestWorkspace } from './harness';

async function newKey(app: FastifyInstance, ws: TestWorkspace, label = '3CX main office'): Promise<CreatedIntegrationKeyResponse> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/admin/integrations',
    headers: { authorization: `Bearer ${ws.users.admin.token}` },
    payload: { label },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function addContact(server: TestServer, ws: TestWorkspace, overrides: Partial<MutationArgs['upsertContact']>) {
  const args: MutationArgs['upsertContact'] = {
    id: uuidv7(),
    clientId: ws.clients['four-tier'],
    name: 'Rachel Adams',
    phones: [{ raw: '913-555-0142', label: 'work' }],
    emails: [],
    role: 'billing_contact',
    approvalLimitCents: null,
    ...overrides,
  };
  expect(await new Desk(server.app, ws.users.service_coordinator.token).apply('upsertContact', args)).toMatchObject({ status: 'applied' });
  return args;
}

/** The query string as a PBX sends it: the number as is, nothing encoded but what must be. */
const lookupUrl = (number: string, key?: string) =>
  `/api/pbx/lookup?number=${number.replaceAll('/', '%2F').replaceAll(' ', '%20')}${key ? `&key=${key}` : ''}`;

describe.each(BACKENDS)('PBX caller lookup on %s', (backend) => {
  const server = useTestServer(backend, { consoleOrigin: 'https://desk.example.com' });

  const lookup = (number: string, secret: string) =>
    server().app.inject({ method: 'GET', url: lookupUrl(number), headers: { authorization: `Bearer ${secret}` } });

  it('finds a phone-only contact and its client by the number in any of the ways it is written', async () => {
    const ws = await createTestWorkspace(server());
    const contact = await addContact(server(), ws, {});
    const { secret } = await newKey(server().app, ws);
    // "+1…" unencoded reaches the server as " 1…": a PBX that does not encode its URL still finds the caller.
    for (const written of ['913-555-0142', '(913) 555 0142', '+1 913 555 0142', '913/555-0142', '+19135550142', '%2B19135550142']) {
      const res = await lookup(written, secret);
      expect(res.statusCode, written).toBe(200);
      expect(res.json<PbxLookupResponse>(), written).toEqual({
        found: true,
        contact: { id: contact.id, name: 'Rachel Adams', role: 'billing_contact', phone: '(913) 555-0142', email: null },
        client: { id: ws.clients['four-tier'], name: 'four-tier client' },
        matches: 1,
        consoleUrl: 'switchboard://call?from=%2B19135550142',
        webUrl: 'https://desk.example.com/?call=%2B19135550142',
      });
    }
  });

  it('takes the key from ?key= too, as a 3CX template sends it', async () => {
    const ws = await createTestWorkspace(server());
    await addContact(server(), ws, {});
    const { secret } = await newKey(server().app, ws);
    const res = await server().app.inject({ method: 'GET', url: lookupUrl('9135550142', secret) });
    expect(res.statusCode).toBe(200);
    expect(res.json<PbxLookupResponse>()).toMatchObject({ found: true, contact: { name: 'Rachel Adams' } });
  });

  it('answers an unknown caller as not found, with the links that start a call for them', async () => {
    const ws = await createTestWorkspace(server());
    const { secret } = await newKey(server().app, ws);
    const res = await lookup('+44 20 7946 0958', secret);
    expect(res.statusCode).toBe(200);
    expect(res.json<PbxLookupResponse>()).toEqual({
      found: false,
      contact: null,
      client: null,
      matches: 0,
      consoleUrl: 'switchboard://call?from=%2B442079460958',
      webUrl: 'https://desk.example.com/?call=%2B442079460958',
    });
  });

  it('counts everyone on a shared number and answers a direct line first; the whole number beats its last digits', async () => {
    const ws = await createTestWorkspace(server());
    await addContact(server(), ws, { name: 'Aaron Main', phones: [{ raw: '(913) 555-0100 ext. 12', label: 'work' }] });
    const direct = await addContact(server(), ws, {
      name: 'Zoe Direct',
      phones: [{ raw: '(913) 555-0100', label: 'work' }],
      emails: ['zoe@harbor.example'],
      clientId: ws.clients['five-priority'],
    });
    await addContact(server(), ws, { name: 'Ben Main', phones: [{ raw: '913 555 0100 x 14', label: 'work' }] });
    const { secret } = await newKey(server().app, ws);
    expect((await lookup('9135550100', secret)).json<PbxLookupResponse>()).toMatchObject({
      found: true,
      contact: { id: direct.id, phone: '(913) 555-0100', email: 'zoe@harbor.example' },
      client: { id: ws.clients['five-priority'], name: 'five-priority client' },
      matches: 3,
    });

    const uk = await addContact(server(), ws, { name: 'London Office', phones: [{ raw: '+44 20 7946 0958', label: 'work' }] });
    // Stored under another country code: found by the last 10 digits when no one has the whole number…
    expect((await lookup('+1 207 946 0958', secret)).json<PbxLookupResponse>()).toMatchObject({
      found: true,
      contact: { id: uk.id, phone: '+44 20 7946 0958' },
      matches: 1,
    });
    // …and not once someone does.
    const maine = await addContact(server(), ws, { name: 'Maine Office', phones: [{ raw: '207-946-0958', label: 'work' }] });
    expect((await lookup('+1 207 946 0958', secret)).json<PbxLookupResponse>()).toMatchObject({
      contact: { id: maine.id },
      matches: 1,
    });
  });

  it('never answers another workspace’s caller', async () => {
    const mine = await createTestWorkspace(server());
    const theirs = await createTestWorkspace(server());
    await addContact(server(), theirs, { name: 'Their Caller', phones: [{ raw: '816-555-0177', label: 'work' }] });
    const { secret: myKey } = await newKey(server().app, mine);
    const { secret: theirKey } = await newKey(server().app, theirs);
    expect((await lookup('816-555-0177', myKey)).json<PbxLookupResponse>()).toMatchObject({ found: false, contact: null, matches: 0 });
    // The same number with its own workspace's key: the caller is there, so "not found" above was the scope.
    expect((await lookup('816-555-0177', theirKey)).json<PbxLookupResponse>()).toMatchObject({
      found: true,
      contact: { name: 'Their Caller' },
    });
  });

  it('refuses a missing, wrong or revoked key with 401 and a message', async () => {
    const ws = await createTestWorkspace(server());
    await addContact(server(), ws, {});
    const { app } = server();
    const none = await app.inject({ method: 'GET', url: lookupUrl('9135550142') });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.message).toContain('no integration key');

    const { secret, key } = await newKey(app, ws);
    const wrong = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    for (const res of [await lookup('9135550142', wrong), await lookup('9135550142', 'not-a-key')]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('not known') });
    }

    const revoked = await app.inject({
      method: 'POST',
      url: `/api/admin/integrations/${key.id}/revoke`,
      headers: { authorization: `Bearer ${ws.users.admin.token}` },
    });
    expect(revoked.statusCode).toBe(200);
    const after = await lookup('9135550142', secret);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toContain('was revoked');
    expect(JSON.stringify(after.json())).not.toContain('Rachel');
  });

  it('refuses a number that is not one with 400, naming the field, and never fails with a 500', async () => {
    const ws = await createTestWorkspace(server());
    const { secret } = await newKey(server().app, ws);
    for (const [url, field] of [
      [lookupUrl('call-me-maybe'), 'number:'],
      [lookupUrl('12'), 'number:'],
      [lookupUrl('9'.repeat(80)), 'number:'],
      [lookupUrl('%00%FF'), 'number'],
      ['/api/pbx/lookup', 'number'],
      ['/api/pbx/lookup?number=9135550142&number=9135550143', 'number'],
      [lookupUrl('x'.repeat(300)), 'number'],
    ] as const) {
      const res = await server().app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message, url).toContain(field);
    }
  });

  it('answers a Zammad-style newCall with the lookup, as JSON or a form, and acknowledges the other events', async () => {
    const ws = await createTestWorkspace(server());
    const contact = await addContact(server(), ws, {});
    const { secret } = await newKey(server().app, ws);
    const post = (payload: string | object, contentType = 'application/json') =>
      server().app.inject({
        method: 'POST',
        url: `/api/pbx/events?key=${secret}`,
        headers: { 'content-type': contentType },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
    const call = { event: 'newCall', from: '+19135550142', to: '+18165550100', direction: 'in', callId: 'c-1', user: ['Alice'] };

    const json = await post(call);
    expect(json.statusCode).toBe(200);
    expect(json.json<PbxLookupResponse>()).toMatchObject({
      found: true,
      contact: { id: contact.id },
      client: { id: ws.clients['four-tier'] },
    });

    const form = await post(
      'event=newCall&from=%2B19135550142&to=%2B18165550100&direction=in&callId=c-2&user%5B%5D=Alice&user%5B%5D=Bob&queue=support',
      'application/x-www-form-urlencoded',
    );
    expect(form.statusCode).toBe(200);
    expect(form.json<PbxLookupResponse>()).toMatchObject({ found: true, contact: { id: contact.id } });

    for (const other of [
      { ...call, event: 'answer' },
      { ...call, event: 'hangup', cause: 'normalClearing' },
      { ...call, direction: 'out' },
    ]) {
      const res = await post(other);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
    }

    for (const [bad, field] of [
      [{ ...call, event: 'ring' }, 'event'],
      [{ ...call, direction: 'sideways' }, 'direction'],
      [{ ...call, from: 'anonymous-caller' }, 'from:'],
      [{ ...call, callId: undefined }, 'callId'],
    ] as const) {
      const res = await post(bad);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.message, field).toContain(field);
    }
    const broken = await post('{"event":', 'application/json');
    expect(broken.statusCode).toBe(400);
  });
});

describe.each(BACKENDS)('PBX lookup rate limit on %s', (backend) => {
  const server = useTestServer(backend, { integrationKeyRate: { perMinute: 3 } });

  it('answers 429 with Retry-After past the limit, for that key only, and again once a token is back', async () => {
    const ws = await createTestWorkspace(server());
    const { secret } = await newKey(server().app, ws, 'busy PBX');
    const { secret: other } = await newKey(server().app, ws, 'quiet PBX');
    const lookup = (key: string) => server().app.inject({ method: 'GET', url: lookupUrl('9135550142', key) });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await lookup(secret)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await lookup(secret);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await lookup(other)).statusCode).toBe(200);
    server().clock.advance(Number(limited.headers['retry-after']) * 1000);
    expect((await lookup(secret)).statusCode).toBe(200);
  });
});
