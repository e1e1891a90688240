// The demo workspace: every staff role with one known password, the eight demo
// clients across the three priority schemes with their contacts, a few hundred
// tickets and the history the SLA engine replays. Deterministic (seeded PRNG),
// written through the change log so desks download it like any other data.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { generateDemoData } from '../../../resources/demo/generate-demo-data';
import { createRandom, pick, uuidv7At } from '../../../resources/demo/prng';
import { addStaff, createWorkspace } from '../accounts/workspaces';
import type { Database } from '../db/schema';
import { appendChanges, type ChangeWrite } from '../changes/changes';
import { clientColumns, clientRecord, contactRecord, noteRecord, ticketEventRecord, ticketRecord } from '../changes/records';
import { DEMO_CONTACT_ROLES, demoContact } from './demo-contacts';
import { seedDemoVisits } from './demo-visits';

export const DEMO_WORKSPACE = 'demo';
export const DEMO_PASSWORD = 'switchboard-demo';

export interface DemoSeedResult {
  workspace: string;
  password: string;
  staff: Array<{ name: string; email: string; role: string }>;
  tickets: number;
}

const SEED_CHANGES_PER_STATEMENT = 20_000;

const emailOf = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;

const REPLIES = [
  'Thanks for reporting this. We are looking into it now and will update you within the hour.',
  'We have applied a fix on our side. Could you confirm it works for you now?',
  'We need a convenient time to connect remotely. What works for you today?',
  'This is resolved. Reply to this ticket if anything else comes up.',
];
const INTERNAL = [
  'Checked monitoring: no alerts on the gateway in the last 24 hours.',
  'Customer approved billable time over 2 hours (Billing Contact, by phone).',
  'Waiting for the vendor release; parked until then.',
  'Remote session done, logs attached to the RMM record.',
];

export async function seedDemoWorkspace(db: Kysely<Database>, options: { tickets?: number; now?: Date } = {}): Promise<DemoSeedResult> {
  const now = options.now ?? new Date();
  const data = generateDemoData({ tickets: options.tickets ?? 300, now });
  const admin = data.staff.find((s) => s.role === 'admin')!;
  const { workspace } = await createWorkspace(
    db,
    {
      slug: DEMO_WORKSPACE,
      name: 'Demo MSP',
      admin: { id: admin.id, name: admin.name, email: emailOf(admin.name), password: DEMO_PASSWORD },
    },
    now,
  );
  await db.transaction().execute(async (trx) => {
    const others = data.staff
      .filter((s) => s !== admin)
      .map((s) => ({ id: s.id, name: s.name, email: emailOf(s.name), role: s.role, password: DEMO_PASSWORD }));
    // The demo's bulk load is audited as not a change by anyone (docs/domain/audit.md): an operator loads
    // generated data, and tens of thousands of entries would bury the log's first real change.
    await addStaff(trx, workspace.id, others, now, 'unaudited');
    const writes = [...(await seedClients(trx, workspace.id, data.clients)), ...(await seedTickets(trx, workspace.id, data))];
    writes.push(...(await seedDemoVisits(trx, workspace.id, data, now)));
    // In parts: one statement with every record of a 100,000-ticket workspace as a single JSON parameter
    // needs over 200 MB of PGlite's memory for its plan (out of memory once tickets carried their SLA history).
    for (let i = 0; i < writes.length; i += SEED_CHANGES_PER_STATEMENT) {
      await appendChanges(trx, workspace.id, writes.slice(i, i + SEED_CHANGES_PER_STATEMENT), now, undefined, 'unaudited');
    }
  });
  return {
    workspace: DEMO_WORKSPACE,
    password: DEMO_PASSWORD,
    staff: data.staff.map((s) => ({ name: s.name, email: emailOf(s.name), role: s.role })),
    tickets: data.tickets.length,
  };
}

async function seedClients(
  trx: Transaction<Database>,
  tenantId: string,
  clients: ReturnType<typeof generateDemoData>['clients'],
): Promise<ChangeWrite[]> {
  const contacts = clients.flatMap((c, ci) =>
    DEMO_CONTACT_ROLES.map((_, ri) => ({ id: uuidv7(), tenant_id: tenantId, client_id: c.id, ...demoContact(c.name, ci, ri) })),
  );
  // Half the demo clients named their Backup Approver as the after-hours contact; the rest still have that gap.
  const afterHours = (c: (typeof clients)[number], ci: number) =>
    ci % 2 === 0 ? contacts.filter((k) => k.client_id === c.id && k.role === 'backup_approver').map((k) => k.id) : [];
  const clientRows = await trx
    .insertInto('clients')
    .values(
      clients.map((c, ci) => ({
        id: c.id,
        tenant_id: tenantId,
        ...clientColumns({ ...c, onboarding: { ...c.onboarding, afterHoursContactIds: afterHours(c, ci) } }),
      })),
    )
    .returningAll()
    .execute();
  const contactRows = await trx.insertInto('contacts').values(contacts).returningAll().execute();
  return [
    ...clientRows.map((r): ChangeWrite => ({ entity: 'client', id: r.id, op: 'upsert', data: clientRecord(r) })),
    ...contactRows.map((r): ChangeWrite => ({ entity: 'contact', id: r.id, op: 'upsert', data: contactRecord(r) })),
  ];
}

async function seedTickets(
  trx: Transaction<Database>,
  tenantId: string,
  data: ReturnType<typeof generateDemoData>,
): Promise<ChangeWrite[]> {
  const { tickets } = data;
  const staffIds = data.staff.map((s) => s.id);
  const random = createRandom(7);
  const events: Insertable<Database['ticket_events']>[] = [];
  const notes: Insertable<Database['notes']>[] = [];
  for (const t of tickets) {
    const opened = Date.parse(t.openedAt);
    const span = Math.max(60_000, Date.parse(t.updatedAt) - opened);
    const at = (fraction: number) => new Date(opened + Math.floor(span * fraction));
    const actor = t.assigneeId ?? pick(random, staffIds);
    // The full log holds what the ticket's compact history holds, and the reply behind each public_reply.
    t.sla.forEach((e, i) => {
      const when = new Date(e.at);
      events.push({
        id: uuidv7At(when.getTime(), random),
        tenant_id: tenantId,
        ticket_id: t.id,
        type: e.type,
        at: when,
        priority: e.priority ?? null,
        status: e.type === 'public_reply' ? null : (e.status ?? null),
        actor_id: actor,
      });
      if (e.type !== 'public_reply') return;
      const closing = t.sla[i + 1]?.status === 'closed';
      notes.push({
        id: uuidv7At(when.getTime(), random),
        tenant_id: tenantId,
        ticket_id: t.id,
        kind: 'public_reply',
        author_id: actor,
        body: closing ? REPLIES[3]! : pick(random, REPLIES.slice(0, 3)),
        performed_at: when,
        recorded_at: when,
      });
    });
    if (random() < 0.3)
      notes.push({
        id: uuidv7At(opened + 1, random),
        tenant_id: tenantId,
        ticket_id: t.id,
        kind: 'internal_note',
        author_id: actor,
        body: pick(random, INTERNAL),
        performed_at: at(0.05),
        recorded_at: at(0.05),
      });
  }
  const ticketRows = await insertChunked(
    trx,
    'tickets',
    tickets.map((t) => ({
      id: t.id,
      tenant_id: tenantId,
      client_id: t.clientId,
      title: t.title,
      description: t.description,
      status: t.status,
      priority: t.priority,
      channel: t.channel,
      assignee_id: t.assigneeId,
      opened_at: t.openedAt,
      updated_at: t.updatedAt,
      sla_history: JSON.stringify(t.sla),
      created_by: null,
    })),
  );
  const eventRows = await insertChunked(trx, 'ticket_events', events);
  const noteRows = await insertChunked(trx, 'notes', notes);
  return [
    ...ticketRows.map((r): ChangeWrite => ({ entity: 'ticket', id: r.id, op: 'upsert', data: ticketRecord(r) })),
    ...eventRows.map((r): ChangeWrite => ({ entity: 'ticket_event', id: r.id, op: 'upsert', data: ticketEventRecord(r) })),
    ...noteRows.map((r): ChangeWrite => ({ entity: 'note', id: r.id, op: 'upsert', data: noteRecord(r) })),
  ];
}

// PostgreSQL takes at most 65,535 parameters per statement.
async function insertChunked<T extends 'tickets' | 'ticket_events' | 'notes'>(
  trx: Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
) {
  const out = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      ...(await trx
        .insertInto(table)
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely cannot relate a generic table to its row type
        .values(rows.slice(i, i + 500) as any)
        .returningAll()
        .execute()),
    );
  }
  return out as unknown as Array<Selectable<Database[T]>>;
}

/** Seeds the demo workspace only into a database that has no workspace at all. */
export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<DemoSeedResult | null> {
  const any = await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
  return any ? null : seedDemoWorkspace(db);
}

export async function demoWorkspaceExists(db: Kysely<Database>): Promise<boolean> {
  return Boolean(await db.selectFrom('tenants').select('id').where('slug', '=', DEMO_WORKSPACE).executeTakeFirst());
}
