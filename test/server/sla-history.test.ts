// A ticket's compact SLA history (src/domain/sla-history.ts) is kept by the
// push handlers beside the full log (ticket_events). Whatever the desks send,
// in whatever order and with whatever clocks, the deadlines computed from the
// ticket alone must be those computed from its full log.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLA_PRESETS } from '../../resources/sla-presets';
import { computeSla, type SlaEvent } from '../../src/domain/sla';
import { TICKET_STATUSES } from '../../src/domain/ticket';
import type { TicketEventRecord, TicketRecord } from '../../src/protocol';
import { createTestWorkspace, useTestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

const MINUTE = 60_000;
const PRIORITIES = ['critical', 'high', 'medium', 'standard'];

type Step =
  | { kind: 'status'; status: (typeof TICKET_STATUSES)[number] }
  | { kind: 'priority'; priority: string }
  | { kind: 'reply'; public: boolean }
  | { kind: 'close' }
  | { kind: 'reopen' };

const stepArb: fc.Arbitrary<{ desk: number; wait: number; lag: number; step: Step }> = fc.record({
  desk: fc.integer({ min: 0, max: 1 }),
  // Minutes the server's clock moves before the push (a run stays within its sessions' 24 hours), and how long before the push the person acted (offline).
  wait: fc.integer({ min: 0, max: 90 }),
  lag: fc.integer({ min: 0, max: 240 }),
  step: fc.oneof(
    fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom(...TICKET_STATUSES) }),
    fc.record({ kind: fc.constant('priority' as const), priority: fc.constantFrom(...PRIORITIES) }),
    fc.record({ kind: fc.constant('reply' as const), public: fc.boolean() }),
    fc.record({ kind: fc.constant('close' as const) }),
    fc.record({ kind: fc.constant('reopen' as const) }),
  ),
});

/** The full log as the engine reads it, written independently of the fold: every event in the server's order, none before the last. */
function fullHistory(events: TicketEventRecord[]): SlaEvent[] {
  let last = -Infinity;
  return events.map((e) => {
    last = Math.max(last, Date.parse(e.at));
    return { type: e.type, at: new Date(last).toISOString(), priority: e.priority, status: e.status };
  });
}

describe('compact SLA history against the full log', () => {
  const server = useTestServer('pglite');

  it('gives the same deadlines, states and segments for random mutation sequences from two desks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 14 }), async (steps) => {
        const ws = await createTestWorkspace(server());
        const desks = [new Desk(server().app, ws.users.technician.token), new Desk(server().app, ws.users.engineer.token)];
        const ticket = newTicketArgs(ws.clients['four-tier']);
        const opened = await desks[0]!.apply('createTicket', ticket, server().clock.now().toISOString());
        expect(opened.status).toBe('applied');
        for (const { desk, wait, lag, step } of steps) {
          server().clock.advance(wait * MINUTE);
          const performedAt = new Date(server().clock.now().getTime() - lag * MINUTE).toISOString();
          const d = desks[desk]!;
          // Refusals (a transition the workflow forbids) are part of the sequence: they must change neither.
          if (step.kind === 'status') await d.apply('setStatus', { id: ticket.id, status: step.status }, performedAt);
          else if (step.kind === 'priority') await d.apply('updateTicket', { id: ticket.id, priority: step.priority }, performedAt);
          else if (step.kind === 'close')
            await d.apply('closeTicket', { id: ticket.id, noteId: uuidv7(), resolution: 'Fixed.' }, performedAt);
          else if (step.kind === 'reopen') await d.apply('reopenTicket', { id: ticket.id, noteId: uuidv7(), reason: 'Back.' }, performedAt);
          else
            await d.apply(
              'addNote',
              { id: uuidv7(), ticketId: ticket.id, kind: step.public ? 'public_reply' : 'internal_note', body: 'Checked.' },
              performedAt,
            );
        }
        const changes = [];
        for (let cursor = 0; ;) {
          const page = await desks[1]!.pull(cursor, 500);
          changes.push(...page.body.changes);
          cursor = page.body.nextCursor;
          if (!page.body.hasMore) break;
        }
        const compact = changes.find((c) => c.entity === 'ticket' && c.id === ticket.id)!.data as TicketRecord;
        const events = changes.filter((c) => c.entity === 'ticket_event').map((c) => c.data as TicketEventRecord);
        expect(events.length).toBeGreaterThanOrEqual(compact.sla.length);
        const now = server().clock.now().getTime() + 3 * 24 * 60 * MINUTE;
        const fromTicket = computeSla(SLA_PRESETS['four-tier'], compact.sla, now);
        const fromLog = computeSla(SLA_PRESETS['four-tier'], fullHistory(events), now);
        expect(JSON.parse(JSON.stringify(fromTicket))).toEqual(JSON.parse(JSON.stringify(fromLog)));
        expect(fromTicket.firstResponse.explanation).toEqual(fromLog.firstResponse.explanation);
        expect(fromTicket.resolution?.explanation).toEqual(fromLog.resolution?.explanation);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
