import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { newClient } from '../domain/client';
import type { Client, StaffMember, Ticket } from '../domain/ticket';
import type {
  ApprovalRequestRecord,
  CallbackRecord,
  CallRecord,
  ContactRecord,
  EscalationRecord,
  NoteRecord,
  RequestTypeRecord,
  TicketEventRecord,
  TimeEntryRecord,
  VisitRecord,
} from '../protocol/records';
import { emptyStoreFirstScreen, type FirstScreenRecord } from './first-screen';
import type { SlaEvent } from '../domain/sla';
import { readPhones } from '../domain/contact-details';
import { SYNC_STATE_KEY, type OutboxEntry, type RejectionRow, type ShadowRow, type SyncState } from './sync-rows';
import type { BucketTable } from './record-buckets';
import { groupByBucket, type TicketBucket } from './ticket-buckets';
import { timelineBucketsOf, type TimelineBucket } from './timeline-index';

export interface MetaRow {
  key: string;
  value: unknown;
}

export type SwitchboardDb = Dexie & {
  ticketBuckets: EntityTable<TicketBucket, 'id'>;
  clients: EntityTable<Client, 'id'>;
  staff: EntityTable<StaffMember, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  rejections: EntityTable<RejectionRow, 'id'>;
  shadows: EntityTable<ShadowRow, 'key'>;
  contacts: EntityTable<ContactRecord, 'id'>;
  noteBuckets: BucketTable<NoteRecord>;
  eventBuckets: BucketTable<TicketEventRecord>;
  firstScreen: EntityTable<FirstScreenRecord, 'id'>;
  timeEntries: EntityTable<TimeEntryRecord, 'id'>;
  escalations: EntityTable<EscalationRecord, 'id'>;
  timelineBuckets: EntityTable<TimelineBucket, 'id'>;
  requestTypes: EntityTable<RequestTypeRecord, 'id'>;
  approvalRequests: EntityTable<ApprovalRequestRecord, 'id'>;
  calls: EntityTable<CallRecord, 'id'>;
  callbacks: EntityTable<CallbackRecord, 'id'>;
  drafts: EntityTable<DraftRow, 'id'>;
  visits: EntityTable<VisitRecord, 'id'>;
};

/** A form in progress, kept on this desk only (never synced): the intake form's call survives a reload or a crash. */
export interface DraftRow {
  id: string;
  savedAt: string;
  value: unknown;
}

export const DEFAULT_DB_NAME = 'switchboard';

/**
 * Schema history. Never edit a shipped version: add a new one, with an
 * upgrade that carries every existing row forward (tested in db-upgrade.test).
 */
export function declareSchema(db: Dexie): void {
  // v1: the first local queue, one record per ticket.
  db.version(1).stores({
    tickets: 'id, clientId, status, priority, assigneeId, openedAt, updatedAt',
  });
  // v2: clients and staff become local reference data, so the queue can show
  // names offline; tickets gain a channel (docs/domain/ticket-workflow.md) — v1 tickets were all
  // logged by phone intake, so that is what they are backfilled with.
  db.version(2)
    .stores({
      tickets: 'id, clientId, status, priority, assigneeId, openedAt, updatedAt, [assigneeId+status]',
      clients: 'id, name',
      staff: 'id, name',
      meta: 'key',
    })
    .upgrade((tx) =>
      tx
        .table('tickets')
        .toCollection()
        .modify((t: Partial<Ticket>) => {
          t.channel ??= 'phone';
          t.description ??= '';
          t.assigneeId ??= null;
        }),
    );
  // v3: tickets move into buckets (see ticket-buckets.ts for the measurements);
  // the queue filters and sorts in memory, so the per-field indexes go too.
  db.version(3)
    .stores({ tickets: null, ticketBuckets: 'id' })
    .upgrade(async (tx) => {
      const tickets = (await tx.table('tickets').toArray()) as Ticket[];
      const buckets: TicketBucket[] = [];
      for (const [id, group] of groupByBucket(tickets)) {
        buckets.push({ id, tickets: group });
      }
      await tx.table('ticketBuckets').bulkPut(buckets);
    });
  // v4: sync. The outbox holds this device's unsent intent mutations (seq is the
  // per-device sequence the server orders them by); shadows keep the server's copy
  // of rows that pending mutations changed locally, so a refusal can be undone.
  // Contacts, notes and ticket events arrive from the server (notes and events
  // bucketed, see record-buckets.ts). Only new tables:
  // every v3 row stays where it is.
  db.version(4).stores({
    outbox: 'seq, status',
    rejections: 'id',
    shadows: 'key',
    contacts: 'id, clientId',
    noteBuckets: 'id',
    eventBuckets: 'id',
  });
  // v5: the queue's first screen, one record kept by every ticket write (see
  // first-screen.ts). A store upgraded to it has none: the queue waits for the
  // full load once, which writes it. A new store starts with an empty view.
  db.version(5).stores({ firstScreen: 'id' });
  // v6: tickets carry their compact SLA history (src/domain/sla-history.ts).
  // Only the server knows a stored ticket's: until the download this upgrade
  // starts brings it (the cursor goes back to 0; the outbox stays and is
  // re-applied on top), a ticket's history is its opening at its current
  // priority and its current status. The first screen is rebuilt by the next full load.
  db.version(6)
    .stores({})
    .upgrade(async (tx) => {
      await tx
        .table('ticketBuckets')
        .toCollection()
        .modify((bucket: TicketBucket) => {
          for (const t of bucket.tickets) t.sla ??= provisionalHistory(t);
        });
      await tx.table('firstScreen').clear();
      await downloadAgain(tx);
    });
  // v7: time entries, one record each, indexed by ticket: the ticket view
  // reads a ticket's entries, and a workspace has far fewer of them than notes.
  db.version(7).stores({ timeEntries: 'id, ticketId' });
  // v8: escalations (docs/domain/escalations-and-notifications.md), a few per
  // ticket at most, so one row each; by ticket for the ticket view. Only the new table.
  db.version(8).stores({ escalations: 'id, ticketId' });
  // v9: a ticket's notes and events, copied into the bucket of their ticket's
  // id (timeline-index.ts), so opening a ticket reads one record. Built from
  // the notes and events already stored.
  db.version(9)
    .stores({ timelineBuckets: 'id' })
    .upgrade(async (tx) => {
      const rows = async <T>(table: string) => ((await tx.table(table).toArray()) as { rows: T[] }[]).flatMap((b) => b.rows);
      await tx.table('timelineBuckets').bulkPut(timelineBucketsOf(await rows('noteBuckets'), await rows('eventBuckets')));
    });
  // v10: ticket events carry who did them (actorId). Stored events have none;
  // the download this upgrade starts (as v6's) brings them with it, and until
  // then the timeline shows those events without a name. Rows stay as they are.
  db.version(10).stores({}).upgrade(downloadAgain);
  // v11: clients carry their service record (docs/domain/clients.md) and are
  // edited on desks (upsertClient), so their rows go through the outbox and
  // rebase like contacts. A stored client gets the defaults a new one has (its
  // main office as its one site, the scheme's preset, the standard terms)
  // until the download this upgrade starts (as v6's) brings the server's.
  db.version(11)
    .stores({})
    .upgrade(async (tx) => {
      await tx
        .table('clients')
        .toCollection()
        .modify((c: Client) => {
          const filled = newClient(c, crypto.randomUUID());
          c.sites ??= filled.sites;
          c.customPolicy ??= null;
          c.contract ??= filled.contract;
          c.maintenanceWindow ??= null;
          c.onboarding ??= filled.onboarding;
        });
      await downloadAgain(tx);
    });
  // v12: contacts keep several numbers read into E.164, several emails and an
  // approval limit (docs/domain/contacts-and-approvals.md). Stored contacts and
  // any queued upsertContact take the new shape here (a number read as a US one,
  // as the server's migration 0012 does), so the console shows them offline;
  // the download this upgrade starts (as v6's) then brings the server's reading.
  db.version(12)
    .stores({})
    .upgrade(async (tx) => {
      await tx
        .table('contacts')
        .toCollection()
        .modify((c: OldContact & Record<string, unknown>) => {
          const details = contactDetailsFrom(c.phone, c.email);
          delete c.phone;
          delete c.email;
          Object.assign(c, details);
        });
      // No screen could queue one before v12; should a desk hold one, the server must not refuse its whole push for the old shape.
      await tx
        .table('outbox')
        .toCollection()
        .modify((entry: { name: string; args: OldContact & Record<string, unknown> }) => {
          if (entry.name !== 'upsertContact' || !('phone' in entry.args)) return;
          const { phone, email, ...rest } = entry.args;
          const details = contactDetailsFrom(phone, email);
          entry.args = {
            ...rest,
            phones: details.phones.map(({ raw, label }) => ({ raw, label })),
            emails: details.emails,
            approvalLimitCents: null,
          };
        });
      await downloadAgain(tx);
    });
  // v13: approval requests for billable work (docs/domain/contacts-and-approvals.md),
  // a few per ticket, one row each; by ticket for the ticket view, by status
  // for the held requests. Only the new table: none existed before, and the
  // time entries stored so far count against no request.
  db.version(13).stores({ approvalRequests: 'id, ticketId, status' });
  // v14: request types with lead times (docs/domain/lead-times.md), a dozen per
  // workspace, one row each. New rows only: the server adds them to the change
  // log when it creates them, so the next pull brings them without a new download.
  db.version(14).stores({ requestTypes: 'id' });
  // v15: phone calls and callbacks (docs/domain/phone-intake.md), one row each:
  // calls by ticket for the timeline and by client for its page; callbacks by
  // client for its page. New tables only: nothing existed before.
  db.version(15).stores({ calls: 'id, ticketId, clientId', callbacks: 'id, clientId, status' });
  // v16: forms in progress (the intake form's call), one row per form, local only:
  // never in syncTables, so a download or a rebase leaves them alone. New table only.
  db.version(16).stores({ drafts: 'id' });
  // v17: onsite visits (docs/domain/onsite-visits.md), one row each: by ticket
  // for its view, by client for the monthly billing file, by start for the
  // board's week, by technician and start for "my visits today", by status for
  // the lists. A visit not yet booked has no start and sits only in the other
  // indexes (IndexedDB does not index null). New table only.
  db.version(17).stores({ visits: 'id, ticketId, clientId, startsAt, [technicianId+startsAt], status' });
  db.on('populate', (tx) => {
    void tx.table('firstScreen').add(emptyStoreFirstScreen());
  });
}

/** A contact as stored before v12. */
interface OldContact {
  phone?: string | null;
  email?: string | null;
}

function contactDetailsFrom(phone: string | null | undefined, email: string | null | undefined) {
  const read = phone?.trim() ? readPhones([{ raw: phone.trim(), label: 'work' }], 'US') : null;
  return { phones: read?.ok ? read.phones : [], emails: email?.trim() ? [email.trim().toLowerCase()] : [], approvalLimitCents: null };
}

/** Sends the next sync back to cursor 0 for a full download; the outbox stays and is re-applied on top. */
async function downloadAgain(tx: Transaction): Promise<void> {
  const state = (await tx.table('meta').get(SYNC_STATE_KEY)) as MetaRow | undefined;
  if (state) await tx.table('meta').put({ key: SYNC_STATE_KEY, value: { ...(state.value as SyncState), cursor: 0, download: null } });
}

function provisionalHistory(t: Ticket): SlaEvent[] {
  const opened: SlaEvent = { type: 'opened', at: t.openedAt, priority: t.priority, status: 'new' };
  if (t.status === 'new') return [opened];
  return [opened, { type: 'status_changed', at: t.updatedAt < t.openedAt ? t.openedAt : t.updatedAt, status: t.status }];
}

export function openDb(name: string = DEFAULT_DB_NAME): SwitchboardDb {
  // Strict durability: a ticket a technician saved must survive a crash or
  // power loss before the next sync, so Chromium must flush before success.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as SwitchboardDb;
  declareSchema(db);
  return db;
}
