// Bodies are UTF-8 JSON sent as is: any other declared charset or a
// Content-Encoding is refused with 415 and nothing is applied.
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestWorkspace, listen, PASSWORD, PROTOCOL_HEADERS, useTestServer } from './harness';
import { Desk, newTicketArgs } from './desk';

describe.each(BACKENDS)('request body encodings on %s', (backend) => {
  const server = useTestServer(backend);
  let base = '';
  beforeAll(async () => {
    base = await listen(server().app);
  });

  async function push(token: string, headers: Record<string, string>, body: string | Buffer) {
    const res = await fetch(`${base}/api/sync/push`, {
      method: 'POST',
      headers: { ...PROTOCOL_HEADERS, authorization: `Bearer ${token}`, ...headers },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  async function ticketCount(tenantId: string) {
    const rows = await server().database.db.selectFrom('tickets').select('id').where('tenant_id', '=', tenantId).execute();
    return rows.length;
  }

  it.each([
    ['UTF-16', { 'content-type': 'application/json; charset=utf-16' }, (json: string) => Buffer.from(json, 'utf16le'), /charset=utf-16/],
    [
      'a UTF-16LE label on UTF-8 bytes',
      { 'content-type': 'application/json; charset=UTF-16LE' },
      (json: string) => json,
      /charset=utf-16le/,
    ],
    ['Latin-1, quoted', { 'content-type': 'application/json;charset="ISO-8859-1"' }, (json: string) => json, /charset=iso-8859-1/],
    [
      'gzip',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      (json: string) => gzipSync(json),
      /Content-Encoding: gzip/,
    ],
    [
      'gzip, plain bytes',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      (json: string) => json,
      /Content-Encoding: gzip/,
    ],
    ['deflate', { 'content-type': 'application/json', 'content-encoding': 'deflate' }, (json: string) => json, /Content-Encoding: deflate/],
  ])('refuses a push in %s with 415 and applies nothing', async (_, headers, encode, says) => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const json = JSON.stringify({ mutations: [desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier']))] });
    const res = await push(ws.users.technician.token, headers, encode(json));
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ error: { code: 'unsupported_media_type', message: expect.stringMatching(says) } });
    expect(await ticketCount(ws.tenantId)).toBe(0);
  });

  it('refuses a compressed sign-in the same way', async () => {
    const ws = await createTestWorkspace(server());
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: new Uint8Array(gzipSync(JSON.stringify({ workspace: ws.slug, email: ws.users.intake.email, password: PASSWORD }))),
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  it.each([
    ['no charset', { 'content-type': 'application/json' }],
    ['charset=utf-8', { 'content-type': 'application/json; charset=utf-8' }],
    ['charset="UTF-8"', { 'content-type': 'application/json; charset="UTF-8"' }],
    ['Content-Encoding: identity', { 'content-type': 'application/json', 'content-encoding': 'identity' }],
  ])('accepts UTF-8 JSON with %s', async (_, headers) => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    const res = await push(
      ws.users.technician.token,
      headers,
      JSON.stringify({
        mutations: [desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier'], { title: 'Drucker offline — Empfang' }))],
      }),
    );
    expect(res.status).toBe(200);
    expect(await ticketCount(ws.tenantId)).toBe(1);
  });
});
