import { expect, type APIRequestContext } from '@playwright/test';
import { decodeSnapshotPage, type SnapshotWirePage } from '../../../src/protocol/pull';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../src/protocol/version';
import type { VisitRecord } from '../../../src/protocol/records';
import { DEMO_PASSWORD } from './sync-desk';

async function signInToken(request: APIRequestContext, server: string, email: string): Promise<string> {
  const login = await request.post(`${server}/api/auth/login`, { data: { workspace: 'demo', email, password: DEMO_PASSWORD } });
  expect(login.ok(), await login.text()).toBe(true);
  return ((await login.json()) as { token: string }).token;
}

const headers = (token: string) => ({ authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) });

/** Pushes one mutation as `email` from a device of its own, as a desk would; returns the server's result. */
export async function pushAs(request: APIRequestContext, server: string, email: string, name: string, args: unknown): Promise<unknown> {
  const token = await signInToken(request, server, email);
  const mutation = { clientId: `e2e-${Date.now().toString(36)}`, seq: 1, performedAt: new Date().toISOString(), name, args };
  const res = await request.post(`${server}/api/sync/push`, { headers: headers(token), data: { mutations: [mutation] } });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { results: unknown[] }).results[0];
}

/** The server's copy of a visit, read as a desk downloads it (the snapshot from the visits on), signed in as `email`. */
export async function serverVisit(request: APIRequestContext, server: string, email: string, id: string): Promise<VisitRecord | null> {
  const token = await signInToken(request, server, email);
  let after: string | null = 'visit:0';
  while (after) {
    const res = await request.get(`${server}/api/sync/snapshot?after=${after}&limit=500`, {
      headers: headers(token),
    });
    expect(res.ok(), await res.text()).toBe(true);
    const page = decodeSnapshotPage((await res.json()) as SnapshotWirePage);
    for (const change of page.changes) if (change.entity === 'visit' && change.id === id) return change.data as VisitRecord;
    // Visits come first from `after`: once a page holds other kinds, every visit was on it or before it.
    if (page.changes.some((c) => c.entity !== 'visit')) return null;
    after = page.next;
  }
  return null;
}
