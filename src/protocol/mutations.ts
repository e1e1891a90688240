// Intent mutations as they travel: the envelope a desk pushes and the answers
// it gets. What each mutation is (arguments, target, prediction) is defined once
// in src/mutations; the desk checks the same schemas before queuing, so a
// mutation the server refuses as malformed means the two disagree on the protocol version.
import { z } from 'zod';
import { MUTATION_NAMES, mutations, type MutationArgs, type MutationName } from '../mutations';

export { BODY_MAX, MUTATION_NAMES, text, type MutationArgs, type MutationName } from '../mutations';

export const PUSH_BATCH_MAX = 500;

/** Device/install id: stable per outbox, chosen by the client. */
export const deviceIdSchema = z
  .string()
  .min(8, 'clientId is the device id: 8 to 100 letters, digits, - or _.')
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'clientId is the device id: 8 to 100 letters, digits, - or _.');

/** The earliest performedAt accepted: no desk did anything for a workspace before this product existed. */
export const EARLIEST_PERFORMED_AT = '2000-01-01T00:00:00Z';
const EARLIEST_MS = Date.parse(EARLIEST_PERFORMED_AT);
/** Real UTC offsets run from -12:00 to +14:00; ISO 8601 allows up to 23:59, which PostgreSQL refuses. */
const MAX_OFFSET_MINUTES = 14 * 60;
const PERFORMED_AT_RULE = `performedAt must be an ISO 8601 time from ${EARLIEST_PERFORMED_AT} on, with Z or a UTC offset from -14:00 to +14:00 (e.g. 2026-03-01T09:30:00Z)`;

function offsetMinutes(iso: string): number {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  return offset ? Number(offset[2]) * 60 + Number(offset[3]) : 0;
}

/**
 * The desk's clock when the person acted. Every instant the format allows must
 * also be one PostgreSQL stores: before, year 0 or an offset of +16:00 passed
 * here, failed in the database, and the push answered 500 for ever.
 */
export const performedAtSchema = z.iso
  .datetime({ offset: true, error: PERFORMED_AT_RULE })
  .refine((iso) => offsetMinutes(iso) <= MAX_OFFSET_MINUTES && Date.parse(iso) >= EARLIEST_MS, PERFORMED_AT_RULE);

const envelope = {
  clientId: deviceIdSchema,
  /** Per-device sequence: 1, 2, 3 ... with no gaps. */
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** The desk's clock when the person acted: data, never order. */
  performedAt: performedAtSchema,
};

export const mutationSchema = z.discriminatedUnion(
  'name',
  MUTATION_NAMES.map((name) => z.strictObject({ ...envelope, name: z.literal(name), args: mutations[name].args })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
) as unknown as z.ZodType<Mutation>;

export type Mutation = {
  [N in MutationName]: { clientId: string; seq: number; performedAt: string; name: N; args: MutationArgs[N] };
}[MutationName];

export const pushRequestSchema = z.strictObject({
  mutations: z
    .array(mutationSchema)
    .min(1, 'Send at least one mutation.')
    .max(PUSH_BATCH_MAX, `Send at most ${PUSH_BATCH_MAX} mutations per push; split the outbox into batches.`),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why a well-formed mutation was refused for good; the desk shows `message` to the person who made it. */
export const REJECTION_CODES = [
  'forbidden',
  'not_found',
  'invalid_transition',
  'invalid_priority',
  'invalid_assignee',
  'conflict',
  'clock_ahead',
  /** Well-formed, but the database cannot store it (a value out of its range, ...). */
  'unprocessable',
  /** A number this device used before, for a different change (the server keeps the first). */
  'sequence_reused',
  /** A repeat of a refusal older than the server keeps (docs/sync-protocol.md): it was not applied. */
  'expired',
  /** Billable work (or work a trigger makes billable) without the client's recorded approval (docs/domain/time-and-approvals.md). */
  'approval_required',
  /** A time entry the clock rules out (ends in the future). */
  'invalid_time_entry',
  /** An escalation the chain does not allow: a closed ticket, past the last step, or a step taken meanwhile. */
  'invalid_escalation',
  /** A request type whose lead time breaks a rule (docs/domain/lead-times.md), or a ticket's request details that do not fit its type. */
  'invalid_request_type',
  /** An approval request, confirmation, approval or decline the rules refuse (docs/domain/contacts-and-approvals.md). */
  'invalid_approval',
  /** A call log entry the rules refuse: its client, contact or ticket, or times the server's clock rules out (docs/domain/phone-intake.md). */
  'invalid_call',
  /** A ticket's phone intake block the rules refuse (docs/domain/phone-intake.md); the message names the field. */
  'invalid_intake',
  /** A callback the rules refuse: an unknown zone, a promise in the past or too far ahead, one already closed (docs/domain/phone-intake.md). */
  'invalid_callback',
  /** A visit the rules refuse: a quote, payment, check-in or check-out, or more time that breaks a rule (docs/domain/onsite-visits.md). */
  'invalid_visit',
  /** A booking that puts a technician in two places at once; the refusal names the booking that was there first. */
  'booking_conflict',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export type PushResult =
  /** Applied; `changeSeq` is the tenant change sequence after it, so the desk knows which pull brings it back. */
  | { clientId: string; seq: number; status: 'applied'; changeSeq: number; duplicate?: true }
  /** Refused permanently; the device sequence advanced anyway, so drop it from the outbox and tell the user. */
  | { clientId: string; seq: number; status: 'rejected'; code: RejectionCode; message: string; duplicate?: true }
  /** Not applied and not recorded: the server expects `expectedSeq` first. The push stops here. */
  | { clientId: string; seq: number; status: 'out_of_order'; expectedSeq: number; message: string };

export interface PushResponse {
  /** One per mutation in order, up to and including the first out_of_order. */
  results: PushResult[];
}
