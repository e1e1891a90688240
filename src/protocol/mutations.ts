// Intent mutations a desk queues in its outbox and pushes. The client validates
// with these same schemas before enqueuing, so a mutation the server refuses as
// malformed means the two disagree on the protocol version.
import { z } from 'zod';
import { CHANNELS, TICKET_STATUSES } from '../domain/ticket';
import { TITLE_MAX } from '../domain/new-ticket';
import { CONTACT_ROLES, NOTE_KINDS } from './records';

export const BODY_MAX = 20_000;
export const PUSH_BATCH_MAX = 500;

// PostgreSQL cannot store NUL characters or unpaired UTF-16 surrogates in text or jsonb.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

/** Free text as people type it, minus the characters no database column can hold. */
export const text = () => z.string().refine(storable, 'contains a NUL character or broken Unicode; remove it and try again.');

const title = text().trim().min(1, 'Enter a title: a short summary of the problem.').max(TITLE_MAX, `Shorten the title to ${TITLE_MAX} characters.`);
const description = text().max(BODY_MAX, `Shorten the description to ${BODY_MAX} characters.`);
const priority = text().min(1).max(32);

export const mutationArgSchemas = {
  createTicket: z.strictObject({
    id: z.uuid(),
    clientId: z.uuid(),
    title,
    description,
    priority,
    channel: z.enum(CHANNELS),
    assigneeId: z.uuid().nullable(),
  }),
  updateTicket: z
    .strictObject({
      id: z.uuid(),
      title: title.optional(),
      description: description.optional(),
      priority: priority.optional(),
      assigneeId: z.uuid().nullable().optional(),
    })
    .refine((a) => a.title !== undefined || a.description !== undefined || a.priority !== undefined || a.assigneeId !== undefined, {
      message: 'updateTicket changes nothing: give at least one of title, description, priority, assigneeId.',
    }),
  setStatus: z.strictObject({ id: z.uuid(), status: z.enum(TICKET_STATUSES) }),
  addNote: z.strictObject({
    id: z.uuid(),
    ticketId: z.uuid(),
    kind: z.enum(NOTE_KINDS),
    body: text().trim().min(1, 'Write something: the note is empty.').max(BODY_MAX, `Shorten the note to ${BODY_MAX} characters.`),
  }),
  upsertContact: z.strictObject({
    id: z.uuid(),
    clientId: z.uuid(),
    name: text().trim().min(1, 'Enter the contact\'s name.').max(200),
    email: text().trim().max(254).pipe(z.email('Enter a valid email address, or leave it empty.')).nullable(),
    phone: z.string().trim().regex(/^\+?[0-9 ().-]{3,30}(\s*(x|ext\.?)\s*\d{1,6})?$/i, 'Enter a phone number (digits, spaces, + ( ) - . and an optional extension), or leave it empty.').nullable(),
    role: z.enum(CONTACT_ROLES),
  }),
  deleteContact: z.strictObject({ id: z.uuid() }),
} as const;

export type MutationName = keyof typeof mutationArgSchemas;
export const MUTATION_NAMES = Object.keys(mutationArgSchemas) as MutationName[];
export type MutationArgs = { [N in MutationName]: z.infer<(typeof mutationArgSchemas)[N]> };

/** Device/install id: stable per outbox, chosen by the client. */
export const deviceIdSchema = z
  .string()
  .min(8, 'clientId is the device id: 8 to 100 letters, digits, - or _.')
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'clientId is the device id: 8 to 100 letters, digits, - or _.');

const envelope = {
  clientId: deviceIdSchema,
  /** Per-device sequence: 1, 2, 3 ... with no gaps. */
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** The desk's clock when the person acted: data, never order. */
  performedAt: z.iso.datetime({ offset: true }),
};

export const mutationSchema = z.discriminatedUnion(
  'name',
  MUTATION_NAMES.map((name) => z.strictObject({ ...envelope, name: z.literal(name), args: mutationArgSchemas[name] })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
) as unknown as z.ZodType<Mutation>;

export type Mutation = {
  [N in MutationName]: { clientId: string; seq: number; performedAt: string; name: N; args: MutationArgs[N] };
}[MutationName];

export const pushRequestSchema = z.strictObject({
  mutations: z.array(mutationSchema).min(1, 'Send at least one mutation.').max(PUSH_BATCH_MAX, `Send at most ${PUSH_BATCH_MAX} mutations per push; split the outbox into batches.`),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why a well-formed mutation was refused for good; the desk shows `message` to the person who made it. */
export const REJECTION_CODES = ['forbidden', 'not_found', 'invalid_transition', 'invalid_priority', 'invalid_assignee', 'conflict', 'clock_ahead'] as const;
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
