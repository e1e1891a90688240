import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SetupPasswordRequest } from '../../protocol';
import { Field } from '../ticket/Field';
import { checkSetupCodeForm, type SetupCodeErrors, type SetupCodeFields } from './setup-code-form';

export interface SignInFields {
  workspace: string;
  email: string;
  password: string;
}

interface Props {
  serverUrl: string;
  /** Each answers null once signed in, or the message to show. */
  onSubmit(fields: SignInFields): Promise<string | null>;
  onSetupPassword(request: SetupPasswordRequest): Promise<string | null>;
  onClose(): void;
}

type Mode = 'password' | 'setup-code';

/** Sign-in to the sync server; the queue keeps working locally whether or not this succeeds. */
export function SignInDialog({ serverUrl, onSubmit, onSetupPassword, onClose }: Props) {
  const [mode, setMode] = useState<Mode>('password');
  const [fields, setFields] = useState<SignInFields>({ workspace: 'demo', email: '', password: '' });
  const [setup, setSetup] = useState<Pick<SetupCodeFields, 'code' | 'confirm'> & { newPassword: string }>({
    code: '',
    newPassword: '',
    confirm: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [setupErrors, setSetupErrors] = useState<SetupCodeErrors>({});
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  // On opening and on each change of mode, so the keyboard lands on the first field to type in.
  useEffect(() => emailRef.current?.focus(), [mode]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (mode === 'password') {
      setBusy(true);
      setError(await onSubmit(fields));
      setBusy(false);
      return;
    }
    const check = checkSetupCodeForm({ ...fields, code: setup.code, password: setup.newPassword, confirm: setup.confirm });
    setError(null);
    if (!check.ok) {
      setSetupErrors(check.errors);
      return;
    }
    setSetupErrors({});
    setBusy(true);
    setError(await onSetupPassword(check.request));
    setBusy(false);
  }

  function switchMode(next: Mode) {
    setMode(next);
    setError(null);
    setSetupErrors({});
  }

  const update = (patch: Partial<SignInFields>) => setFields((f) => ({ ...f, ...patch }));
  const updateSetup = (patch: Partial<typeof setup>) => setSetup((f) => ({ ...f, ...patch }));
  const withCode = mode === 'setup-code';
  return (
    <div className="modal-backdrop">
      <form className="modal" role="dialog" aria-modal="true" aria-labelledby={headingId} onSubmit={submit} noValidate>
        <h2 id={headingId}>Sign in to sync</h2>
        <p className="muted">Server {serverUrl}. Your local tickets stay on this device either way.</p>
        {withCode && (
          <p data-testid="setup-code-help">
            First sign-in: enter the one-time setup code your administrator gave you and choose your password.
          </p>
        )}
        <Field label="Workspace" error={setupErrors.workspace}>
          {(props) => (
            <input
              {...props}
              value={fields.workspace}
              onChange={(e) => update({ workspace: e.target.value })}
              autoComplete="organization"
            />
          )}
        </Field>
        <Field label="Email" error={setupErrors.email}>
          {(props) => (
            <input
              {...props}
              ref={emailRef}
              type="email"
              value={fields.email}
              onChange={(e) => update({ email: e.target.value })}
              autoComplete="username"
            />
          )}
        </Field>
        {withCode ? (
          <>
            <Field label="Setup code" error={setupErrors.code ?? error ?? undefined}>
              {(props) => (
                <input
                  {...props}
                  value={setup.code}
                  onChange={(e) => updateSetup({ code: e.target.value })}
                  autoComplete="one-time-code"
                  placeholder="XXXX-XXXX-XXXX"
                  spellCheck={false}
                  autoCapitalize="characters"
                />
              )}
            </Field>
            <Field label="New password" error={setupErrors.password}>
              {(props) => (
                <input
                  {...props}
                  type="password"
                  value={setup.newPassword}
                  onChange={(e) => updateSetup({ newPassword: e.target.value })}
                  autoComplete="new-password"
                />
              )}
            </Field>
            <Field label="Confirm new password" error={setupErrors.confirm}>
              {(props) => (
                <input
                  {...props}
                  type="password"
                  value={setup.confirm}
                  onChange={(e) => updateSetup({ confirm: e.target.value })}
                  autoComplete="new-password"
                />
              )}
            </Field>
          </>
        ) : (
          <Field label="Password" error={error ?? undefined}>
            {(props) => (
              <input
                {...props}
                type="password"
                value={fields.password}
                onChange={(e) => update({ password: e.target.value })}
                autoComplete="current-password"
              />
            )}
          </Field>
        )}
        <p>
          <button type="button" className="link" onClick={() => switchMode(withCode ? 'password' : 'setup-code')}>
            {withCode ? 'I have a password: sign in with it' : 'I have a setup code'}
          </button>
        </p>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Work offline
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {withCode ? 'Set password and sign in' : 'Sign in'}
          </button>
        </div>
      </form>
    </div>
  );
}
