import { useState } from 'react';
import type { StaffRole } from '../../domain/ticket';
import { inviteStaffRequestSchema, type SetupCodeResponse } from '../../protocol';
import { Field } from '../ticket/Field';
import { ROLE_OPTIONS, type StaffAdmin } from './staff-admin';
import { StaffDialog } from './StaffDialog';

type Errors = Partial<Record<'name' | 'email' | 'role', string>>;

/** Invite a member of staff; checked here with the server's own schema, then by the server. */
export function InviteDialog({ admin, onClose, onInvited }: { admin: StaffAdmin; onClose(): void; onInvited(r: SetupCodeResponse): void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('technician');
  const [errors, setErrors] = useState<Errors>({});
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setRefused(null);
    const parsed = inviteStaffRequestSchema.safeParse({ name, email, role });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof Errors;
        next[key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await admin.invite(parsed.data);
    setBusy(false);
    if (result.ok) onInvited(result.value);
    else setRefused(result.message);
  }

  return (
    <StaffDialog title="Invite staff" onClose={onClose} onSubmit={() => void submit()} testId="invite-dialog">
      <Field label="Name" error={errors.name}>
        {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
      </Field>
      <Field label="Email" error={errors.email}>
        {(props) => <input {...props} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />}
      </Field>
      <Field label="Role" error={errors.role}>
        {(props) => (
          <select {...props} value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {ROLE_OPTIONS.map((o) => (
              <option key={o.role} value={o.role}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {refused && (
        <p className="field-error" role="alert">
          {refused}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Invite
        </button>
      </div>
    </StaffDialog>
  );
}
