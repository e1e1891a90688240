// Callbacks (docs/domain/phone-intake.md, "Callbacks"): promised by intake
// when a call cannot be handled now, worked in order of promise, then done or
// cancelled with what happened.
import { z } from 'zod';
import { CALLBACK_REASON_MAX, type CallbackStatus } from '../domain/calls';
import { CALLER_NAME_MAX } from '../domain/intake';
import { parsePhone, PHONE_RAW_MAX } from '../domain/phone';
import type { CallbackRecord } from '../protocol/records';
import { defineMutation, type SyncedRow } from './define';
import { text } from './fields';

const isoInstant = z.iso.datetime({ offset: true, message: 'Give the time as an ISO-8601 instant, e.g. 2026-03-04T19:10:00Z.' });
const outcomeText = (empty: string) =>
  text().trim().min(1, empty).max(CALLBACK_REASON_MAX, `Shorten it to ${CALLBACK_REASON_MAX} characters.`);

export const promiseCallback = defineMutation({
  args: z
    .strictObject({
      id: z.uuid(),
      clientId: z.uuid(),
      contactId: z.uuid().nullable(),
      callerName: text().trim().min(1, 'Enter who to call back.').max(CALLER_NAME_MAX),
      number: text().trim().max(PHONE_RAW_MAX),
      reason: outcomeText('Say why they need a call back: the reason is empty.'),
      promisedBy: isoInstant,
      /** The caller's IANA zone; the server checks it is a zone it knows. */
      timeZone: text().min(1).max(64),
      ticketId: z.uuid().nullable(),
    })
    .superRefine((a, ctx) => {
      const parsed = parsePhone(a.number);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['number'], message: `Number to call: ${parsed.problem}` });
    }),
  target: (a) => ({ entity: 'callback', id: a.id }),
  names: (a, into) => {
    into.clients.push(a.clientId);
    if (a.ticketId) into.tickets.push(a.ticketId);
  },
  apply: (row, { args: a, performedAt }, ctx) => {
    if (row) return row;
    const parsed = parsePhone(a.number);
    if (!parsed.ok) return null;
    const callback: CallbackRecord = {
      id: a.id,
      clientId: a.clientId,
      contactId: a.contactId,
      callerName: a.callerName,
      number: parsed.e164,
      extension: parsed.extension,
      numberRaw: a.number,
      reason: a.reason,
      promisedBy: a.promisedBy,
      timeZone: a.timeZone,
      ticketId: a.ticketId,
      status: 'open',
      createdBy: ctx.actorId ?? '',
      createdAt: performedAt,
      closedBy: null,
      closedAt: null,
      outcome: null,
    };
    return callback;
  },
});

function openCallback(row: SyncedRow | null): CallbackRecord | null {
  return row && 'promisedBy' in row && row.status === 'open' ? row : null;
}

function close(row: SyncedRow | null, status: CallbackStatus, outcome: string, performedAt: string, actorId: string | null) {
  const open = openCallback(row);
  if (!open) return row;
  return { ...open, status, outcome, closedBy: actorId ?? '', closedAt: performedAt } satisfies CallbackRecord;
}

export const completeCallback = defineMutation({
  args: z.strictObject({
    id: z.uuid(),
    outcome: outcomeText('Say what happened on the call back.'),
    /** The outbound call logged for it, when there was one. */
    callId: z.uuid().nullable(),
  }),
  target: (a) => ({ entity: 'callback', id: a.id }),
  names: () => {},
  apply: (row, { args: a, performedAt }, ctx) => close(row, 'done', a.outcome, performedAt, ctx.actorId),
});

export const cancelCallback = defineMutation({
  args: z.strictObject({ id: z.uuid(), reason: outcomeText('Say why the call back is cancelled.') }),
  target: (a) => ({ entity: 'callback', id: a.id }),
  names: () => {},
  apply: (row, { args: a, performedAt }, ctx) => close(row, 'cancelled', a.reason, performedAt, ctx.actorId),
});
