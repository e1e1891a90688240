// The sync server's HTTP contract, shared by the server and the console (browser-safe).
// Every request body below is parsed with its schema on the server before use.
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/ticket';
import { text } from './mutations';
import type { UserRecord } from './records';

export * from './records';
export * from './mutations';
export * from './pull';

/** 2: pull pages carry records as value arrays, and a fresh console downloads /api/sync/snapshot. */
export const PROTOCOL_VERSION = 2;

export const API_ERROR_CODES = [
  'invalid_json',
  'invalid_request',
  'unsupported_media_type',
  'payload_too_large',
  'unauthorized',
  'session_expired',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'reset_required',
  'internal',
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
/** Sent before the server closes the stream because the session ran out: sign in again. */
export const SYNC_EVENT_SESSION_EXPIRED = 'session_expired';
