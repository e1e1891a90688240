// Staff administration over HTTP (docs/staff-and-sessions.md): an admin's
// calls, and the invited person's first sign-in with their one-time code.
// Not under /api/sync: these are online-only requests, not synced mutations;
// the staff they change reach desks as `user` records through the change log.
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/ticket';
import { text } from './mutations';
import type { LoginResponse } from './index';
import type { UserRecord } from './records';

/** The rule for a password a person chooses: the same as the CLI's for the first admin. */
export const PASSWORD_MIN_LENGTH = 10;

export const newPasswordSchema = text()
  .min(PASSWORD_MIN_LENGTH, `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(1024, 'Choose a password of at most 1024 characters.');

const roleSchema = z.enum(STAFF_ROLES, { error: `Choose one of the roles ${STAFF_ROLES.join(', ')}.` });

export const inviteStaffRequestSchema = z.strictObject({
  name: text().trim().min(1, 'Enter the person’s name.').max(200, 'Keep the name under 200 characters.'),
  email: text()
    .trim()
    .toLowerCase()
    .max(254, 'An email address has at most 254 characters.')
    .pipe(z.email('Enter a valid email address, like name@example.com.')),
  role: roleSchema,
});
export type InviteStaffRequest = z.infer<typeof inviteStaffRequestSchema>;

export const setRoleRequestSchema = z.strictObject({ role: roleSchema });
export type SetRoleRequest = z.infer<typeof setRoleRequestSchema>;

/** What an invitation or a password reset hands the admin, once: the code is never stored or shown again. */
export interface SetupCodeResponse {
  user: UserRecord;
  setupCode: string;
  setupCodeExpiresAt: string;
}

export interface StaffListEntry extends UserRecord {
  /** Holds a one-time setup code that has not been used yet. */
  setupPending: boolean;
}
export interface StaffListResponse {
  staff: StaffListEntry[];
}

export interface SessionListEntry {
  id: string;
  userId: string;
  userName: string;
  createdAt: string;
  expiresAt: string;
  /** The device's User-Agent at sign-in, when it sent one. */
  userAgent: string | null;
  /** The session this request came from. */
  current: boolean;
}
export interface SessionListResponse {
  sessions: SessionListEntry[];
}

/** The invited person's first sign-in: their one-time code and the password they choose. Answers like a sign-in. */
export const setupPasswordRequestSchema = z.strictObject({
  workspace: text().trim().toLowerCase().min(1, 'Enter the workspace name.').max(64),
  email: text().trim().toLowerCase().min(3, 'Enter your email address.').max(254),
  code: text()
    .max(64)
    .transform((code) => normalizeSetupCode(code))
    .pipe(z.string().min(1, 'Enter the one-time setup code your administrator gave you.')),
  password: newPasswordSchema,
});
export type SetupPasswordRequest = z.input<typeof setupPasswordRequestSchema>;
export type SetupPasswordResponse = LoginResponse;

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
export const SETUP_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SETUP_CODE_LENGTH = 12;

/**
 * What a typed code must look like, for the console to say what is wrong
 * before asking. The server does not refuse on it: any code it cannot match
 * is simply wrong, counted by the sign-in throttle.
 */
export const wellFormedSetupCodeSchema = text()
  .transform((code) => normalizeSetupCode(code))
  .superRefine((code, ctx) => {
    const foreign = [...new Set([...code].filter((c) => !SETUP_CODE_ALPHABET.includes(c)))];
    const message =
      code.length === 0
        ? 'Enter the one-time setup code your administrator gave you.'
        : foreign.length > 0
          ? `A setup code has only digits and the letters A–Z without I, L, O and U; ${foreign.map((c) => `“${c}”`).join(', ')} is not in it. Check the code you were given.`
          : code.length !== SETUP_CODE_LENGTH
            ? `A setup code has ${SETUP_CODE_LENGTH} letters and digits, shown as XXXX-XXXX-XXXX; this one has ${code.length}. Check the code you were given.`
            : null;
    if (message) ctx.addIssue({ code: 'custom', message });
  });

/** Codes are shown as XXXX-XXXX-XXXX; people type them with or without dashes, spaces, in any case. */
export function normalizeSetupCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
