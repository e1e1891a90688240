// Staff accounts for an admin (docs/staff-and-sessions.md): who works here,
// in what role, who may sign in, and which sessions are open. The list is the
// synced user records, so it shows offline; every change is an online-only
// request to the server, which sends the result back through sync.
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { StaffMember, StaffRole } from '../../domain/ticket';
import type { SetupCodeResponse } from '../../protocol';
import { INITIAL_STATUS } from '../../sync/sync-status';
import { useLive } from '../hooks/useLive';
import { useServices } from '../services';
import { useSessionStore } from '../session/session-store';
import { useCan } from '../session/use-can';
import { IntegrationKeysPanel } from './IntegrationKeysPanel';
import { InviteDialog } from './InviteDialog';
import { SessionsPanel } from './SessionsPanel';
import { SetupCodeDialog } from './SetupCodeDialog';
import { ROLE_LABELS, ROLE_OPTIONS, StaffAdmin } from './staff-admin';
import { StaffDialog } from './StaffDialog';

type Confirming = { kind: 'deactivate' | 'reactivate' | 'reset'; member: StaffMember };

const noStatus = { subscribe: () => () => {}, get: () => INITIAL_STATUS };

export function StaffScreen() {
  const { repos, sync } = useServices();
  const reference = useLive(useMemo(() => repos.reference.live(), [repos]));
  const currentUserId = useSessionStore((s) => s.currentUserId);
  const statusCell = sync?.engine.status ?? noStatus;
  const status = useSyncExternalStore(
    (cb) => statusCell.subscribe(cb),
    () => statusCell.get(),
    () => statusCell.get(),
  );
  const admin = useMemo(() => (sync ? new StaffAdmin(sync.session) : null), [sync]);
  const online = admin !== null && status.connection === 'online';
  const staff = reference?.staff ?? [];
  const me = staff.find((s) => s.id === currentUserId);

  const [roles, setRoles] = useState<Record<string, StaffRole>>({});
  const [inviting, setInviting] = useState(false);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [code, setCode] = useState<{ title: string; result: SetupCodeResponse } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [sessionsVersion, setSessionsVersion] = useState(0);

  if (me?.role !== 'admin') {
    return (
      <section className="staff" aria-labelledby="staff-heading" data-testid="staff-screen">
        <h1 id="staff-heading">Staff</h1>
        <p className="empty">Staff accounts are managed by an admin of this workspace.</p>
      </section>
    );
  }

  async function run<T>(action: () => Promise<{ ok: true; value: T } | { ok: false; message: string }>, done: (value: T) => string | null) {
    setBusy(true);
    setMessage(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) return setMessage({ text: result.message, error: true });
    const text = done(result.value);
    if (text) setMessage({ text, error: false });
    setSessionsVersion((v) => v + 1);
    // Pull now rather than wait for the poke, so the list shows the change at once.
    void sync?.engine.syncNow();
  }

  function confirm() {
    if (!confirming || !admin) return;
    const { kind, member } = confirming;
    setConfirming(null);
    if (kind === 'reset')
      void run(
        () => admin.resetPassword(member.id),
        (r) => {
          setCode({ title: `New setup code for ${member.name}`, result: r });
          return `${member.name}'s password was reset and their sessions ended.`;
        },
      );
    else
      void run(
        () => admin.setActive(member.id, kind === 'reactivate'),
        () => (kind === 'reactivate' ? `${member.name} may sign in again.` : `${member.name} is deactivated; their sessions ended.`),
      );
  }

  return (
    <section className="staff" aria-labelledby="staff-heading" data-testid="staff-screen">
      <div className="screen-header">
        <h1 id="staff-heading">Staff</h1>
        <button type="button" className="primary" onClick={() => setInviting(true)} disabled={!online || busy}>
          Invite staff
        </button>
      </div>
      {!online && (
        <p className="notice" role="status" data-testid="staff-offline">
          {admin
            ? 'Offline or signed out: staff changes need the server, so they are turned off. The list is as last synced.'
            : 'No sync server is configured: staff accounts live on the server.'}
        </p>
      )}
      <p role="status" aria-live="polite" className={message?.error ? 'field-error' : 'muted'} data-testid="staff-message">
        {message?.text}
      </p>
      <table className="staff-table" aria-label="Staff">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => {
            const active = member.active !== false;
            const chosen = roles[member.id] ?? member.role;
            return (
              <tr key={member.id} data-testid="staff-row" data-active={active}>
                <th scope="row">
                  {member.name}
                  {member.id === currentUserId && <span className="muted"> (you)</span>}
                </th>
                <td>{member.email ?? '—'}</td>
                <td>
                  <span className="staff-role">
                    <select
                      aria-label={`Role of ${member.name}`}
                      value={chosen}
                      disabled={!online || busy}
                      onChange={(e) => setRoles((r) => ({ ...r, [member.id]: e.target.value as StaffRole }))}
                    >
                      {ROLE_OPTIONS.map((o) => (
                        <option key={o.role} value={o.role}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      aria-label={`Set role of ${member.name}`}
                      disabled={!online || busy || chosen === member.role}
                      onClick={() =>
                        admin &&
                        void run(
                          () => admin.setRole(member.id, chosen),
                          (r) => {
                            setRoles(({ [member.id]: _, ...rest }) => rest);
                            return `${member.name} is now ${ROLE_LABELS[r.user.role]}.`;
                          },
                        )
                      }
                    >
                      Set role
                    </button>
                  </span>
                </td>
                <td data-testid="staff-state">{active ? 'Active' : 'Deactivated'}</td>
                <td className="staff-actions">
                  <button
                    type="button"
                    aria-label={`${active ? 'Deactivate' : 'Reactivate'} ${member.name}`}
                    disabled={!online || busy}
                    onClick={() => setConfirming({ kind: active ? 'deactivate' : 'reactivate', member })}
                  >
                    {active ? 'Deactivate' : 'Reactivate'}
                  </button>
                  <button
                    type="button"
                    aria-label={`Reset password of ${member.name}`}
                    disabled={!online || busy || !active}
                    onClick={() => setConfirming({ kind: 'reset', member })}
                  >
                    Reset password
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {admin && <SessionsPanel admin={admin} online={online} version={sessionsVersion} />}
      {admin && sync && <IntegrationKeysPanel admin={admin} online={online} serverUrl={sync.serverUrl} />}

      {inviting && admin && (
        <InviteDialog
          admin={admin}
          onClose={() => setInviting(false)}
          onInvited={(r) => {
            setInviting(false);
            setCode({ title: `Invited ${r.user.name}`, result: r });
            setMessage({ text: `${r.user.name} was invited as ${ROLE_LABELS[r.user.role]}.`, error: false });
            void sync?.engine.syncNow();
          }}
        />
      )}
      {confirming && (
        <StaffDialog
          title={
            confirming.kind === 'deactivate'
              ? `Deactivate ${confirming.member.name}?`
              : confirming.kind === 'reactivate'
                ? `Reactivate ${confirming.member.name}?`
                : `Reset the password of ${confirming.member.name}?`
          }
          onClose={() => setConfirming(null)}
          onSubmit={confirm}
          testId="staff-confirm"
        >
          <p>
            {confirming.kind === 'deactivate'
              ? 'They are signed out everywhere at once and cannot sign in or sync until reactivated. Their tickets and notes stay.'
              : confirming.kind === 'reactivate'
                ? 'They may sign in again with their password.'
                : 'Their current password stops working and they are signed out everywhere. You get a one-time code to give them.'}
          </p>
          <div className="modal-actions">
            <button type="button" onClick={() => setConfirming(null)} data-autofocus>
              Cancel
            </button>
            <button type="submit" className="primary">
              {confirming.kind === 'deactivate' ? 'Deactivate' : confirming.kind === 'reactivate' ? 'Reactivate' : 'Reset password'}
            </button>
          </div>
        </StaffDialog>
      )}
      {code && (
        <SetupCodeDialog
          title={code.title}
          name={code.result.user.name}
          code={code.result.setupCode}
          expiresAt={code.result.setupCodeExpiresAt}
          onClose={() => setCode(null)}
        />
      )}
    </section>
  );
}

/** Whether the person at this console is an admin, from the synced staff list: the navigation shows Staff to admins only. */
export function useIsAdmin(): boolean {
  return useCan('staff.manage');
}
