import { expect, type APIRequestContext } from '@playwright/test';
import { decodeSnapshotPage, type SnapshotWirePage } from '../../../src/protocol/pull';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../src/protocol/version';
import type { VisitRecord } from '../../../src/protocol/records';
import { DEMO_PASSWORD } from './sync-desk';

/** The server's copy of a visit, read as a desk downloads it (the snapshot from the visits on), signed in as `email`. */
export async function serverVisit(request: APIRequestContext, server: string, email: string, id: string): Promise<VisitRecord | null> {
  const login = await request.post(`${server}/api/auth/login`, { data: { workspace: 'demo', email, password: DEMO_PASSWORD } });
  expect(login.ok(), await login.text()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  let after: string | null = 'visit:0';
  while (after) {
    const res = await request.get(`${server}/api/sync/snapshot?after=${after}&limit=500`, {
      headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
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
