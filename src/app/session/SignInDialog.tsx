import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Field } from '../ticket/Field';

export interface SignInFields {
  workspace: string;
  email: string;
  password: string;
}

interface Props {
  serverUrl: string;
  onSubmit(fields: SignInFields): Promise<string | null>;
  onClose(): void;
}

/** Sign-in to the sync server; the queue keeps working locally whether or not this succeeds. */
export function SignInDialog({ serverUrl, onSubmit, onClose }: Props) {
  const [fields, setFields] = useState<SignInFields>({ workspace: 'demo', email: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  useEffect(() => emailRef.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(await onSubmit(fields));
    setBusy(false);
  }

  const update = (patch: Partial<SignInFields>) => setFields((f) => ({ ...f, ...patch }));
  return (
    <div className="modal-backdrop">
      <form className="modal" role="dialog" aria-modal="true" aria-labelledby={headingId} onSubmit={submit} noValidate>
        <h2 id={headingId}>Sign in to sync</h2>
        <p className="muted">Server {serverUrl}. Your local tickets stay on this device either way.</p>
        <Field label="Workspace" error={undefined}>
          {(props) => (
            <input
              {...props}
              value={fields.workspace}
              onChange={(e) => update({ workspace: e.target.value })}
              autoComplete="organization"
            />
          )}
        </Field>
        <Field label="Email" error={undefined}>
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
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Work offline
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Sign in
          </button>
        </div>
      </form>
    </div>
  );
}
