import { useState } from 'react';
import type { SessionListEntry } from '../../protocol';
import type { StaffAdmin } from './staff-admin';
import { useServerRead } from './use-server-read';

/** Open sessions of the workspace, read from the server when online; "End session" signs that device out at once. */
export function SessionsPanel({ admin, online, version }: { admin: StaffAdmin; online: boolean; version: number }) {
  const list = useServerRead(() => admin.sessions(), online, [admin, version]);
  const sessions = list.value?.sessions ?? null;
  const { error, setError } = list;
  const [busy, setBusy] = useState(false);

  async function end(session: SessionListEntry) {
    setBusy(true);
    const r = await admin.endSession(session.id);
    setBusy(false);
    if (!r.ok) setError(r.message);
    list.reload();
  }

  return (
    <section className="staff-sessions" aria-labelledby="sessions-heading" data-testid="sessions-panel">
      <div className="screen-header">
        <h2 id="sessions-heading">Active sessions</h2>
        <button type="button" onClick={list.reload} disabled={!online}>
          Refresh
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {!online ? (
        <p className="empty">The sessions list needs the server; it shows once this console is online.</p>
      ) : sessions === null ? (
        <p className="empty">Loading…</p>
      ) : sessions.length === 0 ? (
        <p className="empty">No open sessions.</p>
      ) : (
        <table className="staff-table" aria-label="Active sessions">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Signed in</th>
              <th scope="col">Expires</th>
              <th scope="col">Device</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <th scope="row">
                  {s.userName}
                  {s.current && <span className="muted"> (this console)</span>}
                </th>
                <td>{new Date(s.createdAt).toLocaleString()}</td>
                <td>{new Date(s.expiresAt).toLocaleString()}</td>
                <td className="session-device">{s.userAgent ?? 'Unknown'}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`End session of ${s.userName} signed in ${new Date(s.createdAt).toLocaleString()}`}
                    disabled={busy}
                    onClick={() => void end(s)}
                  >
                    End session
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
