// Device ids: each names one desk's outbox, and belongs to the person who first
// pushed under it. Another person's push under it is refused whole (before,
// their changes took the owner's sequence numbers, and the owner's own were
// then answered 'duplicate' and lost). A person keeps at most
// MAX_DEVICES_PER_USER ids; past that the least recently used is recycled.
// Its mutation records stay (they are the audit trail), and if its desk comes
// back the row is rebuilt from them: same owner, same last sequence, so its
// repeats still get their stored answers. See docs/sync-protocol.md.
import { sql, type Kysely } from 'kysely';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db/schema';
import { ApiError } from '../http/errors';

export const MAX_DEVICES_PER_USER = 20;

/** The device's row as the push's first statement claims it. */
export interface ClaimedDevice {
  /** The last applied sequence. */
  last_seq: number;
  owner: string;
  /** The latest time its applied changes count at (ISO), or null. */
  acted_until: string | null;
  /** Made by this claim: the person may now be over the cap. */
  created: boolean;
}

/**
 * Creates the device's row on first contact (or rebuilds a recycled one from its
 * records) and locks it. Its owner is whoever pushed under it first; the caller
 * refuses the push when that is someone else, which rolls the claim back.
 */
export function claimDevice(auth: SessionUser, clientId: string, now: Date) {
  const tenant = sql`${auth.tenantId}::uuid`;
  return sql`
    insert into sync_clients (tenant_id, client_id, last_seq, user_id, updated_at)
    select ${tenant}, ${clientId}, coalesce(p.seq, 0), coalesce(p.user_id, ${auth.userId}::uuid), ${now.toISOString()}::timestamptz
    from (select) as one left join lateral (
      select m.seq, m.user_id from client_mutations m
      where m.tenant_id = ${tenant} and m.client_id = ${clientId}
        and not exists (select from sync_clients s where s.tenant_id = ${tenant} and s.client_id = ${clientId})
      order by m.seq desc limit 1
    ) as p on true
    on conflict (tenant_id, client_id) do update set updated_at = excluded.updated_at
    returning last_seq, user_id as owner, acted_until, xmax = 0 as created`;
}

export function requireOwner(device: ClaimedDevice, auth: SessionUser): void {
  if (device.owner === auth.userId) return;
  throw new ApiError(
    403,
    'device_in_use',
    'This device id belongs to another person of this workspace (someone else signed in on this console before you and synced). Nothing was changed: the console takes a new device id and sends your changes again.',
  );
}

/** Forgets the person's device ids beyond the most recently used MAX_DEVICES_PER_USER. */
export async function recycleDevices(db: Kysely<Database>, auth: SessionUser): Promise<void> {
  await sql`
    delete from sync_clients
    where tenant_id = ${auth.tenantId}::uuid and user_id = ${auth.userId}::uuid and client_id in (
      select client_id from sync_clients
      where tenant_id = ${auth.tenantId}::uuid and user_id = ${auth.userId}::uuid
      order by updated_at desc, client_id offset ${MAX_DEVICES_PER_USER}
    )`.execute(db);
}
