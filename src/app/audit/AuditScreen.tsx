import { useEffect, useMemo, useState } from 'react';
import { AUDIT_READ_ROLES, type AuditEntry, type AuditFilter, type AuditVerifyResponse } from '../../protocol';
import { useLive } from '../hooks/useLive';
import { formatInClientZone } from '../queue/format-instant';
import { useServices } from '../services';
import { useSessionStore } from '../session/session-store';
import { auditClient } from './audit-client';
import { auditDiff, localDayStart } from './audit-diff';

const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface Filters {
  clientId: string;
  actorId: string;
  /** yyyy-mm-dd, the person's own calendar days (the date inputs show them in their locale). */
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { clientId: '', actorId: '', from: '', to: '' };

function toQuery(f: Filters): AuditFilter {
  return {
    clientId: f.clientId || undefined,
    actorId: f.actorId || undefined,
    from: localDayStart(f.from),
    // "To" includes that whole day.
    to: localDayStart(f.to, true),
  };
}

const REASONS = {
  modified: 'an entry was changed',
  missing: 'an entry is missing',
  reordered: 'entries were reordered',
  'head mismatch': 'the chain does not end at the head the workspace keeps (entries cut off or added)',
} as const;

/** The workspace's audit log, read from the server (docs/domain/audit.md). */
export function AuditScreen() {
  const { repos, sync } = useServices();
  const reference = useLive(useMemo(() => repos.reference.live(), [repos]));
  const currentUserId = useSessionStore((s) => s.currentUserId);
  const me = reference?.staff.find((s) => s.id === currentUserId);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [problem, setProblem] = useState<{ offline: boolean; message: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const [verification, setVerification] = useState<AuditVerifyResponse | null>(null);
  const [copied, setCopied] = useState(false);
  const allowed = me !== undefined && AUDIT_READ_ROLES.includes(me.role);

  // Shows a page: the first of the applied filters replaces what is shown, an older one is added below.
  function show(result: Awaited<ReturnType<typeof auditClient.list>>, older: boolean) {
    setLoading(false);
    if (!result.ok) {
      setProblem(result);
      return;
    }
    setProblem(null);
    setEntries((shown) => (older ? [...shown, ...result.value.entries] : result.value.entries));
    setNextBefore(result.value.nextBefore);
  }

  useEffect(() => {
    if (!allowed || !sync) return;
    let current = true;
    void auditClient.list(sync, toQuery(applied)).then((result) => {
      if (current) show(result, false);
    });
    return () => {
      current = false;
    };
  }, [allowed, sync, applied]);

  if (!sync) return <AuditFrame>{<p className="empty">No sync server is configured: the audit log lives on the server.</p>}</AuditFrame>;
  if (!allowed)
    return (
      <AuditFrame>
        {<p className="empty">Only service coordinators, supervisors, site directors and admins may read the audit log.</p>}
      </AuditFrame>
    );

  const staffName = (id: string | null, fallback: string | null) =>
    id === null ? 'System' : (reference?.staff.find((s) => s.id === id)?.name ?? fallback ?? 'Unknown');
  const clientName = (id: string | null) => (id === null ? '' : (reference?.clients.find((c) => c.id === id)?.name ?? ''));

  async function verify() {
    if (!sync) return;
    setVerification(null);
    setCopied(false);
    const result = await auditClient.verify(sync);
    if (result.ok) setVerification(result.value);
    else setProblem(result);
  }

  async function exportCsv() {
    if (!sync) return;
    const result = await auditClient.exportCsv(sync, toQuery(applied));
    if (!result.ok) {
      setProblem(result);
      return;
    }
    const url = URL.createObjectURL(result.value);
    const link = document.createElement('a');
    link.href = url;
    link.download = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <AuditFrame>
      <form
        className="queue-filters"
        aria-label="Audit filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ ...filters });
        }}
      >
        <label>
          Client
          <select value={filters.clientId} onChange={(e) => setFilters({ ...filters, clientId: e.target.value })}>
            <option value="">All clients</option>
            {(reference?.clients ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Person
          <select value={filters.actorId} onChange={(e) => setFilters({ ...filters, actorId: e.target.value })}>
            <option value="">Everyone</option>
            {(reference?.staff ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} />
        </label>
        <label>
          To
          <input type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} />
        </label>
        <button type="submit">Show</button>
        <button type="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
        <button type="button" onClick={() => void verify()}>
          Verify chain
        </button>
      </form>

      {problem && (
        <p className="field-error" role="alert" data-testid="audit-problem">
          {problem.message}
        </p>
      )}

      {verification && (
        <div className="audit-verification" role="status" data-testid="audit-verification">
          <p>
            {verification.ok
              ? `Chain intact: ${verification.entries} entries verified.`
              : `Chain broken at entry ${verification.firstBroken?.seq}: ${verification.firstBroken ? REASONS[verification.firstBroken.reason] : ''}.`}
          </p>
          <p>
            Head: entry <span data-testid="audit-head-seq">{verification.head.seq}</span>, hash{' '}
            <code data-testid="audit-head-hash">{verification.head.hash}</code>{' '}
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard
                  ?.writeText(`${verification.head.seq} ${verification.head.hash}`)
                  .then(() => setCopied(true))
                  .catch(() => setCopied(false));
              }}
            >
              Copy head
            </button>{' '}
            {copied && <span className="muted">Copied</span>}
          </p>
        </div>
      )}

      {entries.length === 0 && !problem ? (
        <p className="empty">{loading ? 'Loading…' : 'No audit entries match.'}</p>
      ) : (
        <table className="data-table" aria-label="Audit entries">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time</th>
              <th scope="col">Person</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
              <th scope="col">Client</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} data-testid="audit-row">
                <td>{e.seq}</td>
                <td>
                  {formatInClientZone(e.performedAt ?? e.at, LOCAL_ZONE)}
                  {e.performedAt !== null && e.performedAt !== e.at && (
                    <span className="muted"> (recorded {formatInClientZone(e.at, LOCAL_ZONE)})</span>
                  )}
                </td>
                <td>{staffName(e.actorId, e.actorName)}</td>
                <td>{e.action}</td>
                <td>{e.entity}</td>
                <td>{clientName(e.clientId)}</td>
                <td>
                  <ul className="audit-diff">
                    {auditDiff(e.before, e.after).map((c) => (
                      <li key={c.field}>
                        <span className="muted">{c.field}:</span> {c.before} → {c.after}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore !== null && (
        <button
          type="button"
          disabled={loading}
          onClick={() => {
            setLoading(true);
            void auditClient.list(sync, toQuery(applied), nextBefore).then((result) => show(result, true));
          }}
        >
          Show older entries
        </button>
      )}
    </AuditFrame>
  );
}

function AuditFrame({ children }: { children: React.ReactNode }) {
  return (
    <section className="audit" aria-labelledby="audit-heading" data-testid="audit-screen">
      <div className="screen-header">
        <h1 id="audit-heading">Audit log</h1>
        <span className="muted">Every change, who made it and when; kept 3 years</span>
      </div>
      {children}
    </section>
  );
}
