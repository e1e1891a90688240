// A client's completed onsite visits by month, and the month's billing file
// for accounting (docs/domain/visit-invoices.md). The month is read in the client's zone, each visit's times in its site's.
import { DateTime } from 'luxon';
import { useId, useMemo, useState } from 'react';
import type { Client } from '../../domain/client';
import { formatCents } from '../../domain/money';
import { csvFileName, monthlyVisitsCsv, monthProblem, visitsOfMonth } from '../../domain/visit-csv';
import { siteDateTime, visitInvoice, type VisitInvoice } from '../../domain/visit-invoice';
import { useLive } from '../hooks/useLive';
import { downloadCsv } from '../invoice/download';
import { openInvoice } from '../invoice/open-invoice';
import { clientInvoices } from '../invoice/use-visit-invoice';
import { useServices } from '../services';

export function ClientVisits({ client }: { client: Client }) {
  const { repos } = useServices();
  const found = useLive(useMemo(() => repos.visits.liveForClient(client.id), [repos, client.id]));
  const reference = useLive(useMemo(() => repos.reference.live(), [repos]));
  const [month, setMonth] = useState(() => DateTime.now().setZone(client.timeZone).toFormat('yyyy-MM'));
  const [error, setError] = useState<string | null>(null);
  const monthId = useId();
  const completed = useMemo(() => (found?.visits ?? []).filter((v) => v.status === 'completed'), [found]);
  const problem = monthProblem(month);

  const listed = useMemo(() => {
    if (problem) return [];
    const staff = new Map((reference?.staff ?? []).map((s) => [s.id, s.name]));
    const invoices: VisitInvoice[] = [];
    for (const v of completed) {
      const r = visitInvoice(v, { client, technicianName: staff.get(v.technicianId ?? '') ?? null, ticketTitle: null });
      if (r.ok) invoices.push(r.invoice);
    }
    return visitsOfMonth(month, client.timeZone, invoices);
  }, [completed, reference, client, month, problem]);

  async function download() {
    setError(null);
    if (problem) {
      setError(problem);
      return;
    }
    try {
      const results = await clientInvoices(repos, client, completed, reference?.staff ?? []);
      const invoices = results.flatMap((r) => (r.ok ? [r.invoice] : []));
      downloadCsv(csvFileName(client.name, 'visits', month), monthlyVisitsCsv(month, client.timeZone, invoices));
    } catch (e) {
      setError(`The file was not made: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section className="client-visits" aria-labelledby="client-visits-heading" data-testid="client-visits">
      <h2 id="client-visits-heading">Visits</h2>
      <div className="month-picker">
        <div className="field">
          <label htmlFor={monthId}>Month ({client.timeZone})</label>
          <input
            id={monthId}
            type="month"
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            aria-invalid={problem ? true : undefined}
            data-testid="client-visits-month"
          />
        </div>
        <button type="button" onClick={() => void download()} disabled={!found || problem !== null}>
          Download monthly CSV
        </button>
      </div>
      {(error ?? problem) && (
        <p className="field-error" role="alert">
          {error ?? problem}
        </p>
      )}
      {!found ? (
        <p className="muted">Loading visits…</p>
      ) : listed.length === 0 ? (
        <p className="empty">No completed visits this month.</p>
      ) : (
        <table className="data-table" aria-labelledby="client-visits-heading">
          <thead>
            <tr>
              <th scope="col">Checked in (site time)</th>
              <th scope="col">Site</th>
              <th scope="col">Technician</th>
              <th scope="col">Onsite</th>
              <th scope="col">Total</th>
              <th scope="col">Balance</th>
              <th scope="col">Invoice</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((inv) => (
              <tr key={inv.visitId} data-testid="client-visit-row">
                <td>
                  <time dateTime={inv.checkedInAt}>{siteDateTime(inv.checkedInAt, inv.timeZone)}</time>
                </td>
                <td>{inv.site.name}</td>
                <td>{inv.technicianName}</td>
                <td>
                  {inv.onsiteMinutes} min, {inv.billedHours} h billed
                </td>
                <td>{formatCents(inv.totalCents)}</td>
                <td>{inv.outcome === 'refund' ? `Refund ${formatCents(-inv.balanceCents)}` : formatCents(inv.balanceCents)}</td>
                <td>
                  <button type="button" className="link" onClick={() => openInvoice(inv.visitId)}>
                    Open invoice
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
