// Failed sign-ins: a burst on one account is throttled over real HTTP while
// everyone else carries on, and the counter's rules on their own.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, FailureCounter, SignInThrottle } from '../../src/server/auth/sign-in-throttle';
import { BACKENDS, createTestWorkspace, listen, PASSWORD, useTestServer } from './harness';

const BURST = 40;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { error?: { code: string; message: string }; token?: string };
}

describe.each(BACKENDS)('sign-in throttling over HTTP on %s', (backend) => {
  const server = useTestServer(backend);
  let base = '';
  beforeAll(async () => {
    base = await listen(server().app);
  });

  async function login(workspace: string, email: string, password: string): Promise<Answer> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspace, email, password }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
  }

  it('answers a wrong-password burst on one account with 429 and Retry-After while another account signs in and /api/me answers', async () => {
    const ws = await createTestWorkspace(server());
    const target = ws.users.technician.email;
    const burst = Promise.all(Array.from({ length: BURST }, (_, i) => login(ws.slug, target, `guess number ${i}`)));
    const bystanders = Promise.all([
      login(ws.slug, ws.users.intake.email, PASSWORD),
      fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${ws.users.engineer.token}` } }).then((r) => r.status),
    ]);
    const [answers, [intake, me]] = await Promise.all([burst, bystanders]);

    const throttled = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status !== 429 && a.status !== 401)).toEqual([]);
    expect(throttled.length).toBeGreaterThan(BURST / 2);
    for (const answer of throttled) {
      expect(answer.retryAfter).toMatch(/^[1-9]\d*$/);
      expect(answer.body.error).toEqual({
        code: 'rate_limited',
        message: expect.stringMatching(/^Too many failed sign-ins for this account\. Wait \d+ seconds? and try again/),
      });
    }
    expect(intake.status).toBe(200);
    expect(me).toBe(200);

    // The right password does not get through the lockout either.
    const right = await login(ws.slug, target, PASSWORD);
    expect(right.status).toBe(429);

    // Once the wait is over it does, and the success starts the count afresh.
    server().clock.advance(Number(right.retryAfter) * 1000);
    expect((await login(ws.slug, target, PASSWORD)).status).toBe(200);
    for (let i = 0; i < ACCOUNT_POLICY.freeFailures; i++) expect((await login(ws.slug, target, 'still wrong')).status).toBe(401);
    expect((await login(ws.slug, target, 'still wrong')).status).toBe(401);
    expect((await login(ws.slug, target, 'still wrong')).status).toBe(429);
  });

  it('throttles an unknown account exactly like a known one', async () => {
    const ws = await createTestWorkspace(server());
    // From an address of its own, so the earlier test's failures do not count here.
    const statuses = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < ACCOUNT_POLICY.freeFailures + 2; i++) {
        const res = await server().app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '192.0.2.7',
          payload: { workspace: ws.slug, email, password: 'wrong' },
        });
        out.push(res.statusCode);
      }
      return out;
    };
    expect(await statuses(`nobody@${ws.slug}.example`)).toEqual(await statuses(ws.users.scheduler.email));
  });
});

describe('sign-in throttling per address', () => {
  const server = useTestServer('pglite', { signInThrottle: { address: { freeFailures: 8 } } });
  let base = '';
  beforeAll(async () => {
    base = await listen(server().app);
  });

  it('throttles one address trying many accounts', async () => {
    const ws = await createTestWorkspace(server());
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 10; i++) {
      last = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspace: ws.slug, email: `guess${i}@${ws.slug}.example`, password: 'wrong' }),
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 429]);
    expect(last!.headers.get('retry-after')).toBe('1');
    expect(((await last!.json()) as { error: { message: string } }).error.message).toMatch(
      /for this network address\. Wait 1 second and try again/,
    );
  });
});

describe('FailureCounter', () => {
  const policy = { freeFailures: 2, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000, maxKeys: 3 };

  it('is free for the first failures, then doubles the wait up to the cap', () => {
    const counter = new FailureCounter(policy);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      counter.fail('k', 0);
      waits.push(counter.waitMs('k', 0));
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(counter.waitMs('k', 7999)).toBe(1);
    expect(counter.waitMs('k', 8000)).toBe(0);
  });

  it('forgets a key after forgetAfterMs without a failure', () => {
    const counter = new FailureCounter(policy);
    for (let i = 0; i < 4; i++) counter.fail('k', 0);
    counter.fail('k', 60_000);
    expect(counter.waitMs('k', 60_000)).toBe(0);
  });

  it('keeps at most maxKeys keys, dropping the one whose last failure is oldest', () => {
    const counter = new FailureCounter(policy);
    for (let i = 0; i < 3; i++) counter.fail('a', i);
    counter.fail('b', 10);
    counter.fail('c', 11);
    counter.fail('d', 12);
    expect(counter.size).toBe(3);
    expect(counter.waitMs('a', 12)).toBe(0);
    for (let i = 0; i < 1000; i++) counter.fail(`spray${i}`, 13);
    expect(counter.size).toBe(3);
  });

  it('refuses a policy that could forget a locked key', () => {
    expect(() => new FailureCounter({ ...policy, forgetAfterMs: 1000 })).toThrow(/forgetAfterMs/);
  });
});

describe('SignInThrottle', () => {
  it('clears the account on success but not the address', () => {
    const throttle = new SignInThrottle({ account: { freeFailures: 1 }, address: { freeFailures: 1 } });
    const keys = { account: 'ws\u0000a@example.com', address: '10.0.0.1' };
    throttle.failed(keys, 0);
    throttle.failed(keys, 0);
    expect(throttle.check(keys, 0)).toEqual({ ok: false, scope: 'account', waitMs: 1000 });
    throttle.succeeded(keys);
    expect(throttle.check(keys, 0)).toEqual({ ok: false, scope: 'address', waitMs: 1000 });
    expect(throttle.check({ ...keys, address: '10.0.0.2' }, 0)).toEqual({ ok: true });
  });
});
