// The invoice itself, as the customer reads it and as it prints: every date
// and time in the site's zone (named), the raw minutes beside the billed
// hours, and the reconciliation's figures (docs/domain/visit-invoices.md).
import { formatCents } from '../../domain/money';
import { hoursAndMinutes, siteDateTime, type VisitInvoice } from '../../domain/visit-invoice';
import { PAYMENT_METHOD_LABELS } from '../../domain/visits';

export function InvoiceSheet({ invoice: inv, headingId }: { invoice: VisitInvoice; headingId: string }) {
  const at = (iso: string) => siteDateTime(iso, inv.timeZone);
  return (
    <article className="invoice-sheet" data-testid="invoice">
      <h2 id={headingId}>Invoice: onsite visit</h2>
      <dl className="invoice-facts">
        <dt>Client</dt>
        <dd data-testid="invoice-client">{inv.clientName}</dd>
        <dt>Site</dt>
        <dd>
          {inv.site.name}
          {inv.site.address && <span className="invoice-address">{inv.site.address}</span>}
        </dd>
        {inv.ticketTitle && (
          <>
            <dt>Ticket</dt>
            <dd>{inv.ticketTitle}</dd>
          </>
        )}
        <dt>Work</dt>
        <dd>{inv.scope}</dd>
        <dt>Technician</dt>
        <dd>{inv.technicianName}</dd>
        <dt>Times shown in</dt>
        <dd data-testid="invoice-zone">{inv.timeZone} (the site's time zone)</dd>
        <dt>Checked in</dt>
        <dd>
          <time dateTime={inv.checkedInAt}>{at(inv.checkedInAt)}</time>
        </dd>
        <dt>Checked out</dt>
        <dd>
          <time dateTime={inv.checkedOutAt}>{at(inv.checkedOutAt)}</time>
        </dd>
        <dt>Time onsite</dt>
        <dd data-testid="invoice-time">
          {hoursAndMinutes(inv.onsiteMinutes)} ({inv.onsiteMinutes} min), billed as {inv.billedHours} whole{' '}
          {inv.billedHours === 1 ? 'hour' : 'hours'}
        </dd>
      </dl>

      <table className="data-table invoice-lines" aria-label="Charges">
        <thead>
          <tr>
            <th scope="col">Charge</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Unit price
            </th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Base fee: trip and first hour onsite</th>
            <td className="num">1</td>
            <td className="num">{formatCents(inv.baseFeeCents)}</td>
            <td className="num">{formatCents(inv.baseFeeCents)}</td>
          </tr>
          <tr>
            <th scope="row">Additional hours after the first</th>
            <td className="num">{inv.additionalHours}</td>
            <td className="num">{formatCents(inv.hourlyRateCents)}</td>
            <td className="num">{formatCents(inv.additionalCents)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="num" data-testid="invoice-total">
              {formatCents(inv.totalCents)}
            </td>
          </tr>
        </tfoot>
      </table>

      <table className="data-table invoice-payments" aria-label="Payments">
        <thead>
          <tr>
            <th scope="col">Payment</th>
            <th scope="col">Received</th>
            <th scope="col">Method</th>
            <th scope="col">Reference</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {inv.payments.length === 0 ? (
            <tr>
              <td colSpan={5}>No payments recorded.</td>
            </tr>
          ) : (
            inv.payments.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.description}</th>
                <td>
                  <time dateTime={p.recordedAt}>{at(p.recordedAt)}</time>
                </td>
                <td>{PAYMENT_METHOD_LABELS[p.method]}</td>
                <td>{p.reference}</td>
                <td className="num">{formatCents(p.amountCents)}</td>
              </tr>
            ))
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              Total paid
            </th>
            <td className="num" data-testid="invoice-paid">
              {formatCents(inv.paidCents)}
            </td>
          </tr>
        </tfoot>
      </table>

      <p className={`invoice-balance ${inv.outcome}`} data-testid="invoice-balance">
        {inv.outcome === 'balance_due'
          ? `Balance due: ${formatCents(inv.balanceCents)}`
          : inv.outcome === 'refund'
            ? `Refund due to you: ${formatCents(-inv.balanceCents)}`
            : 'Settled: nothing is due.'}
      </p>

      <h3>Parts used</h3>
      {inv.parts.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul data-testid="invoice-parts">
          {inv.parts.map((p, i) => (
            <li key={i}>
              {p.quantity} × {p.description}
            </li>
          ))}
        </ul>
      )}
      <h3>Notes</h3>
      <p className="invoice-notes">{inv.workNotes || 'None.'}</p>
    </article>
  );
}
