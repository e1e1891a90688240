import { useSyncExternalStore } from 'react';
import type { SyncEngine } from '../../sync/sync-engine';
import type { SyncStatus } from '../../sync/sync-status';
import { useNow } from '../hooks/useNow';

const CONNECTION_LABEL: Record<SyncStatus['connection'], string> = {
  online: 'Online',
  offline: 'Offline',
  connecting: 'Connecting…',
  'signed-out': 'Signed out',
  // Which side to update (this console or the server) is in the message shown beside it.
  'upgrade-required': 'Update needed',
};

/** A desk that has synced before is reconnecting, not connecting for the first time. */
function connectionLabel(status: SyncStatus): string {
  return status.connection === 'connecting' && status.lastSyncedAt !== null ? 'Reconnecting…' : CONNECTION_LABEL[status.connection];
}

function relative(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** Sync state in plain words: connection, what is waiting, when it last synced, what was refused. */
export function SyncStatusBar({
  engine,
  onSignIn,
  onDismiss,
}: {
  engine: Pick<SyncEngine, 'status'>;
  onSignIn(): void;
  onDismiss(id: string): void;
}) {
  const status = useSyncExternalStore(
    (cb) => engine.status.subscribe(cb),
    () => engine.status.get(),
    // Rendered to a string only in tests; the value is the same.
    () => engine.status.get(),
  );
  const now = useNow();
  const progress = status.initialSync;
  return (
    <div className="sync-status" data-testid="sync-status" data-connection={status.connection} data-pending={status.pending}>
      <span className={`conn conn-${status.connection}`} role="status" aria-live="polite">
        {connectionLabel(status)}
      </span>
      <span data-testid="sync-pending">
        {status.pending === 0 ? 'All changes synced' : `${status.pending} change${status.pending === 1 ? '' : 's'} waiting to sync`}
      </span>
      <span className="muted">Last synced {relative(status.lastSyncedAt, now)}</span>
      {status.connection === 'signed-out' && (
        <button type="button" onClick={onSignIn}>
          Sign in
        </button>
      )}
      {progress && (
        <label className="initial-sync">
          <span>Downloading workspace</span>
          <progress
            max={Math.max(progress.total, 1)}
            value={progress.received}
            aria-valuetext={`${progress.received} of ${progress.total} records`}
          />
        </label>
      )}
      {status.error && status.connection !== 'signed-out' && <span className="sync-error">{status.error}</span>}
      {status.rejected.length > 0 && (
        <details className="rejections">
          <summary>
            {status.rejected.length} change{status.rejected.length === 1 ? ' was' : 's were'} refused by the server
          </summary>
          <ul>
            {status.rejected.map((r) => (
              <li key={r.id}>
                <strong>{r.name}</strong>: {r.reason}{' '}
                <button type="button" onClick={() => onDismiss(r.id)}>
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
