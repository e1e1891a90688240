// Each action a role may not take, pushed directly over HTTP as that role: the
// server refuses it as `forbidden`, naming who may, and writes nothing (no
// change, no audit entry). The table must cover every action some role lacks
// (docs/domain/contacts-and-approvals.md, "Staff roles"); the routes that are
// not mutations (staff admin, audit) are refused in staff-admin.test.ts and
// audit.test.ts.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { MutationArgs, MutationName } from '../../src/protocol';
import { STAFF_ROLES, type StaffRole } from '../../src/domain/ticket';
import { ACTIONS, can, type Action } from '../../src/server/auth/permissions';
import { Desk, newTicketArgs, uuidv7 } from './desk';
import { BACKENDS, createTestWorkspace, useTestServer, type TestWorkspace } from './harness';

type Attempt = { [N in MutationName]: { name: N; args: (ws: TestWorkspace, ticketId: string) => MutationArgs[N] } }[MutationName];

const CHICAGO_TUESDAY = '2026-03-03T15:00:00.000Z';

/** A mutation that needs the action, with arguments its schema accepts. */
const ATTEMPTS: Partial<Record<Action, Attempt>> = {
  'ticket.create': { name: 'createTicket', args: (ws) => newTicketArgs(ws.clients['four-tier']) },
  'ticket.edit': { name: 'updateTicket', args: (_ws, id) => ({ id, title: 'Renamed by someone who may not' }) },
  'ticket.assign': { name: 'updateTicket', args: (ws, id) => ({ id, assigneeId: ws.users.technician.id }) },
  'ticket.status': { name: 'setStatus', args: (_ws, id) => ({ id, status: 'open' }) },
  'contact.manage': {
    name: 'upsertContact',
    args: (ws) => ({
      id: uuidv7(),
      clientId: ws.clients['four-tier'],
      name: 'Rachel Adams',
      phones: [{ raw: '913-555-0142', label: 'work' }],
      emails: [],
      role: 'billing_contact',
      approvalLimitCents: null,
    }),
  },
  'time.log': {
    name: 'logTime',
    args: (_ws, ticketId) => ({
      id: uuidv7(),
      ticketId,
      startedAt: '2026-03-03T15:00:00.000Z',
      endedAt: '2026-03-03T15:30:00.000Z',
      workType: 'included',
      cause: 'none',
      note: 'Reset the password.',
    }),
  },
  'ticket.escalate': {
    name: 'escalateTicket',
    args: (_ws, ticketId) => ({ id: uuidv7(), ticketId, level: 1, reason: 'No reply for two days.' }),
  },
  'client.manage': {
    name: 'upsertClient',
    args: (ws) => ({
      id: ws.clients['four-tier'],
      name: 'Harbor Dental Group',
      timeZone: 'America/Chicago',
      prioritySchemeId: 'four-tier',
      sites: [{ id: uuidv7(), name: 'Main office', address: '100 Harbor Way', timeZone: 'America/Chicago' }],
      customPolicy: null,
      contract: { hourlyRateCents: 1, onsiteBaseFeeCents: 35_000, afterHoursBillable: 'unless_critical', afterHoursRateCents: null },
      maintenanceWindow: null,
      onboarding: { afterHoursContactIds: [], authorizationPreferences: '', notes: '' },
    }),
  },
  'leadtime.manage': {
    name: 'upsertRequestType',
    args: () => ({
      id: uuidv7(),
      name: 'License request',
      unit: 'business_days',
      minDays: 2,
      maxDays: 2,
      parameter: null,
      note: '',
      position: 99,
    }),
  },
  'approval.record': {
    name: 'recordApproval',
    args: () => ({ id: uuidv7(), contactId: uuidv7(), via: 'phone', approvedMinutes: 60, approvedCents: null }),
  },
  'visit.request': {
    name: 'requestVisit',
    args: (ws, ticketId) => ({
      id: uuidv7(),
      ticketId,
      clientId: ws.clients['four-tier'],
      siteId: uuidv7(),
      contactId: uuidv7(),
      scope: 'Replace the printer.',
      needsDowntime: false,
      contractBaseFeeCents: 15_000,
      travelZone: 'local',
      zoneSurchargeCents: 0,
      scopeSurchargeCents: 0,
      surchargeReason: '',
      hourlyRateCents: 12_500,
      estimateHours: 2,
      approvalRequestId: uuidv7(),
    }),
  },
  'visit.schedule': { name: 'scheduleVisit', args: () => ({ id: uuidv7(), slot: null }) },
  'visit.payment': {
    name: 'recordVisitPayment',
    args: () => ({
      id: uuidv7(),
      paymentId: uuidv7(),
      authorizationId: null,
      amountCents: 27_500,
      method: 'portal',
      reference: 'PORTAL-1',
    }),
  },
  'visit.work': { name: 'checkInVisit', args: () => ({ id: uuidv7(), at: CHICAGO_TUESDAY }) },
};

/** Actions that are not mutations: refused on their routes, in the tests named above. */
const ROUTES_ONLY: readonly Action[] = ['staff.manage', 'audit.read', 'audit.purge', 'integration.manage'];

const refusals = ACTIONS.filter((a) => !ROUTES_ONLY.includes(a)).flatMap((action) =>
  STAFF_ROLES.filter((role) => !can(role, action)).map((role) => [action, role] as const),
);

describe('the refusal table', () => {
  it('has a mutation for every action some role may not take', () => {
    const missing = ACTIONS.filter((a) => !ROUTES_ONLY.includes(a) && STAFF_ROLES.some((r) => !can(r, a)) && !ATTEMPTS[a]);
    expect(missing).toEqual([]);
    expect(refusals.length).toBeGreaterThan(20);
  });
});

describe.each(BACKENDS)('forbidden actions over HTTP on %s', (backend) => {
  const server = useTestServer(backend);

  async function seqs(tenantId: string) {
    const { rows } = await sql<{ change_seq: number; audit_seq: number }>`
      select change_seq, audit_seq from tenants where id = ${tenantId}::uuid`.execute(server().database.db);
    return rows[0];
  }

  it.each(refusals)('%s by %s is refused and writes nothing', async (action, role: StaffRole) => {
    const ws = await createTestWorkspace(server());
    const ticket = newTicketArgs(ws.clients['four-tier']);
    expect(await new Desk(server().app, ws.users.technician.token).apply('createTicket', ticket)).toMatchObject({ status: 'applied' });
    const attempt = ATTEMPTS[action]!;
    const before = await seqs(ws.tenantId);
    const desk = new Desk(server().app, ws.users[role].token);
    const result = await desk.apply(attempt.name, attempt.args(ws, ticket.id) as never, CHICAGO_TUESDAY);
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      message: expect.stringContaining(`Your role (${role}) may not`),
    });
    expect(await seqs(ws.tenantId)).toEqual(before);
  });
});
