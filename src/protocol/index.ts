// The sync server's HTTP contract, shared by the server and the console (browser-safe).
// Every request body below is parsed with its schema on the server before use.
//
// Versions. Every request to /api/sync/* (push, pull, snapshot, events) names
// the protocol version the console speaks: the `Switchboard-Protocol` header,
// or on the event stream, where EventSource cannot set headers, the `protocol`
// query parameter (./version.ts). The server checks it first, before the
// session, and answers any version but its own with code 'upgrade_required'
// and nothing else: 426 when the console is older or sent none (it predates
// the rule), 409 when it is newer. So neither side ever decodes a body shaped
// for another version, and no change is applied by a server that might read
// it differently. The console takes 'upgrade_required' as lasting: it keeps
// its outbox untouched, retries only on its slow poll (not on backoff, local
// changes, pokes or the network coming back), and its status bar shows the
// server's message until a sync succeeds. Bump PROTOCOL_VERSION whenever a
// console and a server of different versions would misread each other;
// 'upgrade_required' and the error shape must never change.
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/ticket';
import { text } from './mutations';
import type { UserRecord } from './records';

export * from './records';
export * from './mutations';
export * from './pull';
export * from './version';
export * from './staff';

export const API_ERROR_CODES = [
  'invalid_json',
  'invalid_request',
  'unsupported_media_type',
  'payload_too_large',
  'unauthorized',
  'session_expired',
  'invalid_credentials',
  // 429 (or 503 for too many connections) with Retry-After: too many failed sign-ins, too many pushes
  // from one session, or too much at once; the message says when to try again.
  'rate_limited',
  'forbidden',
  'not_found',
  'reset_required',
  'upgrade_required',
  /** 403 on push: the device id belongs to another person; take a new one and push again. */
  'device_in_use',
  'internal',
  /** 409: the request conflicts with what exists (an email already taken, the last active admin). */
  'conflict',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Every non-2xx response has this shape; `message` says what was wrong and what to do. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}
export const apiErrorBodySchema = z.object({ error: z.object({ code: z.enum(API_ERROR_CODES), message: z.string().min(1) }) });

// --- auth ---

export const loginRequestSchema = z.strictObject({
  /** The workspace's short name (slug), e.g. "demo". */
  workspace: text().trim().toLowerCase().min(1, 'Enter the workspace name.').max(64),
  email: text().trim().toLowerCase().min(3, 'Enter your email address.').max(254),
  password: text().min(1, 'Enter your password.').max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface WorkspaceInfo {
  id: string;
  slug: string;
  name: string;
}

export interface LoginResponse {
  /** Send as `Authorization: Bearer <token>` (or `?token=` for the event stream). */
  token: string;
  expiresAt: string;
  user: UserRecord;
  workspace: WorkspaceInfo;
}

export interface MeResponse {
  user: UserRecord;
  workspace: WorkspaceInfo;
  expiresAt: string;
}

export const staffRoleSchema = z.enum(STAFF_ROLES);

// --- pull: see pull.ts ---

/**
 * A 409 with code 'reset_required': the cursor is older than the tombstone
 * horizon (or ahead of the server). Keep the outbox, clear the local copy,
 * pull from cursor 0, then push the outbox again.
 */
export type ResetRequiredBody = ApiErrorBody & { error: { code: 'reset_required' } };

// --- events (SSE) ---

/** `GET /api/sync/events`: `event: poke` with `data: <latest change seq>` means "pull now". */
export const SYNC_EVENT_POKE = 'poke';
/**
 * Sent before the server closes the stream because the session ended: it ran
 * out, was signed out (here or on another desk with the same token), or its
 * user was deactivated. `data` is `{"reason": "expired" | "signed_out" | "ended"}`;
 * whatever the reason, sign in again.
 */
export const SYNC_EVENT_SESSION_EXPIRED = 'session_expired';
export * from './audit';
export * from './integrations';
