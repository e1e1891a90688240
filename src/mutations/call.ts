// The call log (docs/domain/phone-intake.md, "Call log"): one row per call,
// written when the call ends. The number is read again here from what was
// typed or passed by the phone system; the server bounds the times by its own clock.
import { z } from 'zod';
import { CALL_DIRECTIONS, CALL_OUTCOMES, CALL_SUMMARY_MAX } from '../domain/calls';
import { CALLER_NAME_MAX } from '../domain/intake';
import { parsePhone, PHONE_RAW_MAX } from '../domain/phone';
import type { CallRecord } from '../protocol/records';
import { defineMutation } from './define';
import { text } from './fields';

const isoInstant = z.iso.datetime({ offset: true, message: 'Give the time as an ISO-8601 instant, e.g. 2026-03-04T19:10:00Z.' });

export const logCall = defineMutation({
  args: z
    .strictObject({
      id: z.uuid(),
      clientId: z.uuid(),
      ticketId: z.uuid().nullable(),
      contactId: z.uuid().nullable(),
      callerName: text().trim().min(1, "Enter the caller's name, or 'Unknown caller'.").max(CALLER_NAME_MAX),
      /** As typed or as the phone system passed it; null when withheld. */
      callerNumber: text().trim().max(PHONE_RAW_MAX).nullable(),
      direction: z.enum(CALL_DIRECTIONS),
      startedAt: isoInstant,
      endedAt: isoInstant,
      outcome: z.enum(CALL_OUTCOMES),
      summary: text().trim().max(CALL_SUMMARY_MAX, `Shorten the call summary to ${CALL_SUMMARY_MAX} characters.`),
      callbackId: z.uuid().nullable(),
    })
    .superRefine((a, ctx) => {
      if (a.callerNumber !== null && a.callerNumber !== '') {
        const parsed = parsePhone(a.callerNumber);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['callerNumber'], message: `Caller's number: ${parsed.problem}` });
      }
      if (Date.parse(a.endedAt) < Date.parse(a.startedAt))
        ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'The call ends before it starts: check the times.' });
      if ((a.outcome === 'ticket_opened' || a.outcome === 'added_to_ticket') && a.ticketId === null)
        ctx.addIssue({ code: 'custom', path: ['ticketId'], message: 'Name the ticket the call opened or was added to.' });
    }),
  target: (a) => ({ entity: 'call', id: a.id }),
  names: (a, into) => {
    into.clients.push(a.clientId);
    if (a.ticketId) into.tickets.push(a.ticketId);
  },
  apply: (row, { args: a }, ctx) => {
    if (row) return row;
    const parsed = a.callerNumber ? parsePhone(a.callerNumber) : null;
    const call: CallRecord = {
      id: a.id,
      clientId: a.clientId,
      ticketId: a.ticketId,
      contactId: a.contactId,
      callerName: a.callerName,
      callerNumber: parsed?.ok ? parsed.e164 : null,
      callerExtension: parsed?.ok ? parsed.extension : null,
      direction: a.direction,
      startedAt: a.startedAt,
      endedAt: a.endedAt,
      takenBy: ctx.actorId ?? '',
      outcome: a.outcome,
      summary: a.summary,
      callbackId: a.callbackId,
    };
    return call;
  },
});
