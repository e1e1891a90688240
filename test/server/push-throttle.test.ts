// Pushes are rate-limited per session, generously: an honest desk sending a
// week of offline work never meets the limit, a script pushing in a loop does.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/server/auth/sessions';
import { BACKENDS, createTestWorkspace, useTestServer } from './harness';
import { Desk, newTicketArgs } from './desk';

describe.each(BACKENDS)('push rate limit on %s', (backend) => {
  const server = useTestServer(backend);

  it('answers a session that pushes too much 429 with Retry-After, and only that session', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.scheduler.token);
    // Refused (a scheduler may not open tickets) and then repeated: cheap for the server, but each push counts.
    const batch = Array.from({ length: 500 }, () => desk.mutation('createTicket', newTicketArgs(ws.clients['four-tier'])));
    let refused: Awaited<ReturnType<Desk['pushRaw']>> | undefined;
    for (let push = 0; push < 100 && !refused; push++) {
      const res = await desk.pushRaw(batch);
      if (res.statusCode === 429) refused = res;
      else expect(res.statusCode).toBe(200);
    }
    expect(refused?.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/try again in \d+ s/) } });
    const wait = Number(refused?.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);

    // Another session of the same person is not held back.
    const other = new Desk(
      server().app,
      (await createSession(server().database.db, { id: ws.users.scheduler.id, tenantId: ws.tenantId }, server().clock.now(), 3600_000))
        .token,
    );
    other.clientId = desk.clientId;
    expect((await other.pushRaw(batch.slice(0, 1))).statusCode).toBe(200);

    // Refused again at once; taken after the wait it was told.
    expect((await desk.pushRaw(batch.slice(0, 1))).statusCode).toBe(429);
    server().clock.advance(wait * 1000);
    expect((await desk.pushRaw(batch.slice(0, 1))).statusCode).toBe(200);
  });
});
