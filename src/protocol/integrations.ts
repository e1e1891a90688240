// Phone system integration (docs/integrations/pbx.md): the integration keys an
// admin manages on the Staff screen, and what a PBX sends and gets back when
// it asks the server who is calling. The PBX is outside Switchboard: every
// field it sends is checked here, and the number again by src/domain/phone.ts.
import { z } from 'zod';
import { text } from './mutations';

export const INTEGRATION_KEY_LABEL_MAX = 100;

export const createIntegrationKeyRequestSchema = z.strictObject({
  label: text()
    .trim()
    .min(1, 'Name the key after the phone system that will use it, e.g. "3CX main office".')
    .max(INTEGRATION_KEY_LABEL_MAX, `Keep the label under ${INTEGRATION_KEY_LABEL_MAX} characters.`),
});
export type CreateIntegrationKeyRequest = z.infer<typeof createIntegrationKeyRequestSchema>;

/** A key as listed: never its secret or the secret's hash. */
export interface IntegrationKeyEntry {
  id: string;
  label: string;
  createdAt: string;
  createdByName: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
export interface IntegrationKeyListResponse {
  keys: IntegrationKeyEntry[];
}
/** The one time the secret is shown; the server keeps only its hash. */
export interface CreatedIntegrationKeyResponse {
  key: IntegrationKeyEntry;
  secret: string;
}

/** Longer text is not a caller's number; parsePhone refuses past 64 characters with its own message. */
const RAW_NUMBER_MAX = 200;
const rawNumber = (field: string) =>
  text()
    .max(RAW_NUMBER_MAX, `${field} is far longer than a phone number; send only the caller's number, e.g. +19135550142.`)
    .refine((v) => v.trim() !== '', `${field} is empty; send the caller's number, e.g. +19135550142.`);

/** GET /api/pbx/lookup?number=…: one number; a repeated `number` is refused (which one would be the caller?). */
export const pbxLookupQuerySchema = z.object({
  number: z
    .string({ error: 'number is missing or given more than once; send ?number=<the caller’s number> once.' })
    .pipe(rawNumber('number')),
});

export const PBX_EVENTS = ['newCall', 'answer', 'hangup'] as const;

/**
 * POST /api/pbx/events, as Zammad's generic CTI API sends it (JSON or a form):
 * unknown extra fields (cause, answeringNumber, queue…) are ignored, not refused,
 * so a PBX that sends more than this still works.
 */
export const pbxEventSchema = z.object({
  event: z.enum(PBX_EVENTS, { error: `event must be one of ${PBX_EVENTS.join(', ')}.` }),
  from: rawNumber('from'),
  to: rawNumber('to'),
  direction: z.enum(['in', 'out'], { error: 'direction must be "in" or "out".' }),
  callId: text().trim().min(1, 'callId is empty; send the PBX’s id of the call.').max(200, 'callId is longer than 200 characters.'),
  // Zammad sends user[] (a form array) or one name; neither is used here.
  user: z.union([text().max(200), z.array(text().max(200)).max(50)]).optional(),
});
export type PbxEvent = z.infer<typeof pbxEventSchema>;

export interface PbxLookupResponse {
  found: boolean;
  contact: { id: string; name: string; role: string; phone: string; email: string | null } | null;
  client: { id: string; name: string } | null;
  /** How many contacts of the workspace have this number (a shared main line); `contact` is one of them. */
  matches: number;
  /** Opens the desktop console on an intake for this caller. */
  consoleUrl: string;
  /** The same in the web console, when the server knows its address (SWITCHBOARD_CONSOLE_URL); null otherwise. */
  webUrl: string | null;
}
