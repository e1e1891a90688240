// The phone system's integration keys (docs/integrations/pbx.md): an admin
// creates one per PBX, copies its secret once into the PBX, and revokes it when
// it is replaced or may have leaked. Online only: keys live on the server.
import { useState } from 'react';
import {
  createIntegrationKeyRequestSchema,
  INTEGRATION_KEY_LABEL_MAX,
  type CreatedIntegrationKeyResponse,
  type IntegrationKeyEntry,
} from '../../protocol';
import { Field } from '../ticket/Field';
import type { StaffAdmin } from './staff-admin';
import { StaffDialog } from './StaffDialog';
import { useServerRead } from './use-server-read';

/** What the PBX calls: 3CX puts the caller's number where [Number] is. */
export function lookupUrlFor(serverUrl: string, secret: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/api/pbx/lookup?number=[Number]&key=${secret}`;
}

const when = (iso: string | null, none: string) => (iso ? new Date(iso).toLocaleString() : none);

export function IntegrationKeysPanel({ admin, online, serverUrl }: { admin: StaffAdmin; online: boolean; serverUrl: string }) {
  const list = useServerRead(() => admin.integrationKeys(), online, [admin]);
  const keys = list.value?.keys ?? null;
  const { error, setError } = list;
  const [busy, setBusy] = useState(false);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedIntegrationKeyResponse | null>(null);
  const [revoking, setRevoking] = useState<IntegrationKeyEntry | null>(null);

  async function revoke(key: IntegrationKeyEntry) {
    setRevoking(null);
    setBusy(true);
    const r = await admin.revokeIntegrationKey(key.id);
    setBusy(false);
    setError(r.ok ? null : r.message);
    list.reload();
  }

  return (
    <section className="staff-integrations" aria-labelledby="integrations-heading" data-testid="integrations-panel">
      <div className="screen-header">
        <h2 id="integrations-heading">Phone system integration</h2>
        <button type="button" onClick={() => setCreating(true)} disabled={!online || busy}>
          Create key
        </button>
      </div>
      <p className="muted">
        A phone system (3CX, or any PBX that can call a URL) looks callers up on the server with a key. Each key sees this workspace only.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {!online ? (
        <p className="empty">Integration keys live on the server; they show once this console is online.</p>
      ) : keys === null ? (
        <p className="empty">Loading…</p>
      ) : keys.length === 0 ? (
        <p className="empty">No keys yet: create one for each phone system.</p>
      ) : (
        <table className="data-table" aria-label="Integration keys">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-testid="integration-key-row" data-revoked={k.revokedAt !== null}>
                <th scope="row">{k.label}</th>
                <td>
                  {when(k.createdAt, '—')}
                  {k.createdByName && <span className="muted"> by {k.createdByName}</span>}
                </td>
                <td>{when(k.lastUsedAt, 'Never')}</td>
                <td>{k.revokedAt ? `Revoked ${when(k.revokedAt, '')}` : 'Active'}</td>
                <td>
                  {!k.revokedAt && (
                    <button type="button" aria-label={`Revoke key ${k.label}`} disabled={busy} onClick={() => setRevoking(k)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {creating && (
        <CreateKeyDialog
          admin={admin}
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            setCreated(r);
            list.reload();
          }}
        />
      )}
      {created && <SecretDialog created={created} serverUrl={serverUrl} onClose={() => setCreated(null)} />}
      {revoking && (
        <StaffDialog
          title={`Revoke key ${revoking.label}?`}
          onClose={() => setRevoking(null)}
          onSubmit={() => void revoke(revoking)}
          testId="integration-revoke-confirm"
        >
          <p>The phone system using it can no longer look callers up, at once. This cannot be undone; create a new key to replace it.</p>
          <div className="modal-actions">
            <button type="button" onClick={() => setRevoking(null)} data-autofocus>
              Cancel
            </button>
            <button type="submit" className="primary">
              Revoke
            </button>
          </div>
        </StaffDialog>
      )}
    </section>
  );
}

function CreateKeyDialog({
  admin,
  onClose,
  onCreated,
}: {
  admin: StaffAdmin;
  onClose(): void;
  onCreated(r: CreatedIntegrationKeyResponse): void;
}) {
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    // The server's own schema first, so a blank or long label is named here without a round trip.
    const parsed = createIntegrationKeyRequestSchema.safeParse({ label });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the label.');
    setError(null);
    setBusy(true);
    const r = await admin.createIntegrationKey(parsed.data.label);
    setBusy(false);
    if (r.ok) onCreated(r.value);
    else setError(r.message);
  }

  return (
    <StaffDialog title="Create an integration key" onClose={onClose} onSubmit={() => void submit()} testId="integration-create-dialog">
      <Field label="Label" error={error ?? undefined}>
        {(props) => (
          <input
            {...props}
            value={label}
            maxLength={INTEGRATION_KEY_LABEL_MAX}
            onChange={(e) => setLabel(e.target.value)}
            autoComplete="off"
            placeholder="3CX main office"
          />
        )}
      </Field>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Create key
        </button>
      </div>
    </StaffDialog>
  );
}

/** The secret, shown once: the server keeps only its hash, so closing this is the last chance to copy it. */
function SecretDialog({ created, serverUrl, onClose }: { created: CreatedIntegrationKeyResponse; serverUrl: string; onClose(): void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const url = lookupUrlFor(serverUrl, created.secret);
  const copy = (text: string, what: string) => {
    navigator.clipboard
      .writeText(text)
      .then(() => setCopied(`${what} copied.`))
      .catch(() => setCopied('Copying is not allowed here; select the text and copy it by hand.'));
  };
  return (
    <StaffDialog title={`Key for ${created.key.label}`} onClose={onClose} onSubmit={onClose} testId="integration-secret-dialog">
      <p>Put this key in the phone system: in 3CX, the Switchboard template&apos;s “Integration key” field.</p>
      <p className="setup-code integration-secret" data-testid="integration-secret" aria-label="Integration key">
        {created.secret}
      </p>
      <p>Or, for a PBX that calls a URL, this lookup URL (the PBX puts the caller&apos;s number in place of [Number]):</p>
      <p className="integration-url" data-testid="integration-url" aria-label="Lookup URL">
        {url}
      </p>
      <p className="muted">
        It is shown only now: the server keeps no readable copy. If it is lost, create a new key and revoke this one. The address is this
        console&apos;s server ({serverUrl}); the PBX may need its public address instead.
      </p>
      <p role="status" aria-live="polite">
        {copied}
      </p>
      <div className="modal-actions">
        <button type="button" onClick={() => copy(created.secret, 'Key')} data-autofocus>
          Copy key
        </button>
        <button type="button" onClick={() => copy(url, 'Lookup URL')}>
          Copy URL
        </button>
        <button type="submit" className="primary">
          Done
        </button>
      </div>
    </StaffDialog>
  );
}
