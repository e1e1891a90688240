// On PostgreSQL a push's last statement travels with its COMMIT, its values
// inlined as literals (src/server/changes/changes.ts): whatever people type must
// be stored exactly as typed, never read as SQL. Desks receive it as the text
// PostgreSQL keeps for pages (migration 0005), which must decode to the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKENDS, createTestWorkspace, useTestServer } from './harness';
import { Desk, newTicketArgs, uuidv7 } from './desk';

const tricky = fc.oneof(
  fc.constantFrom(
    "O'Brien's printer",
    'C:\\Users\\front-desk\\',
    "\\'; drop table tenants; --",
    '$1 $2 $10',
    "E'\\x41'",
    '"quoted" \\"',
    '%s %d',
    'ünïcødé ✓ 👩‍💻',
    '\\\\server\\share',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("'", '\\', '$', '1', 'E', '"', ';', ' ', 'x'), minLength: 1, maxLength: 20 }),
);

describe.each(BACKENDS)('text through a push on %s', (backend) => {
  const server = useTestServer(backend);

  it('stores titles, descriptions and notes exactly as typed, and pulls send them back so', async () => {
    const ws = await createTestWorkspace(server());
    const desk = new Desk(server().app, ws.users.technician.token);
    await fc.assert(
      fc.asyncProperty(tricky, tricky, tricky, async (title, description, body) => {
        // Titles and notes are trimmed by their schemas; descriptions are kept as they are.
        fc.pre(title.trim().length > 0 && body.trim().length > 0);
        const ticket = newTicketArgs(ws.clients['four-tier'], { title, description });
        const note = uuidv7();
        const { db } = server().database;
        const { change_seq: before } = await db
          .selectFrom('tenants')
          .select('change_seq')
          .where('id', '=', ws.tenantId)
          .executeTakeFirstOrThrow();
        const { body: res } = await desk.push([
          desk.mutation('createTicket', ticket),
          desk.mutation('addNote', { id: note, ticketId: ticket.id, kind: 'internal_note', body }),
        ]);
        expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
        const row = await db.selectFrom('tickets').select(['title', 'description']).where('id', '=', ticket.id).executeTakeFirstOrThrow();
        expect(row).toEqual({ title: title.trim(), description });
        const stored = await db.selectFrom('changes').select('data').where('id', '=', note).executeTakeFirstOrThrow();
        expect((stored.data as { body: string }).body).toBe(body.trim());
        const { body: page } = await desk.pull(before, 100);
        const sent = new Map(page.changes.map((c) => [c.id, c.data as Record<string, unknown> | null]));
        expect({ title: sent.get(ticket.id)?.title, description: sent.get(ticket.id)?.description, body: sent.get(note)?.body }).toEqual({
          title: title.trim(),
          description,
          body: body.trim(),
        });
      }),
      { numRuns: 60, seed: 20261124 },
    );
  });
});
