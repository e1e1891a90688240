import { setupPasswordRequestSchema, wellFormedSetupCodeSchema, type SetupPasswordRequest } from '../../protocol';

/** The sign-in dialog's "I have a setup code" mode: what the invited person types. */
export interface SetupCodeFields {
  workspace: string;
  email: string;
  code: string;
  password: string;
  confirm: string;
}

export type SetupCodeErrors = Partial<Record<keyof SetupCodeFields, string>>;

export type SetupCodeCheck = { ok: true; request: SetupPasswordRequest } | { ok: false; errors: SetupCodeErrors };

/**
 * Checks the form with the server's own request schema (so the password rule
 * is the server's), plus what only the console can check: the code's shape
 * and that both passwords match. Says what is wrong by field; sends nothing.
 */
export function checkSetupCodeForm(fields: SetupCodeFields): SetupCodeCheck {
  const errors: SetupCodeErrors = {};
  const request = { workspace: fields.workspace, email: fields.email, code: fields.code, password: fields.password };
  const parsed = setupPasswordRequestSchema.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field in request) errors[field as keyof SetupCodeFields] ??= issue.message;
    }
  }
  const code = wellFormedSetupCodeSchema.safeParse(fields.code);
  if (!code.success) errors.code = code.error.issues[0]!.message;
  if (!errors.password && fields.confirm !== fields.password)
    errors.confirm = 'The two passwords are not the same. Type the new password again in both fields.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request };
}
