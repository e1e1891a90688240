// A completed visit's invoice over whichever screen opened it, with its PDF
// and CSV actions (docs/domain/visit-invoices.md). Printing shows only the sheet (the print stylesheet in
// styles.css), which is also what becomes the PDF.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { VisitInvoice } from '../../domain/visit-invoice';
import { csvFileName, visitCsv } from '../../domain/visit-csv';
import { useServices } from '../services';
import { downloadCsv } from './download';
import { InvoiceSheet } from './InvoiceSheet';
import { useVisitInvoice } from './use-visit-invoice';

export function InvoiceDialog({ visitId, onClose }: { visitId: string; onClose(): void }) {
  const result = useVisitInvoice(visitId);
  const { bridge } = useServices();
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Back to where the person was when the dialog closes.
  useEffect(() => {
    const before = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);

  // The dialog owns the keyboard: the console's shortcuts must not act behind it.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') keepFocusInside(e);
    e.stopPropagation();
  };

  const invoice = result?.ok ? result.invoice : null;
  const baseName = invoice ? `invoice-${invoice.clientName}-${localDay(invoice)}` : 'invoice';

  async function savePdf() {
    setError(null);
    setStatus(null);
    try {
      const outcome = await bridge.invoices.savePdf({ suggestedName: csvFileName(baseName).replace(/\.csv$/, '.pdf') });
      setStatus(outcome === 'saved' ? 'Saved the invoice as a PDF.' : outcome === 'cancelled' ? 'Not saved.' : null);
    } catch (e) {
      setError(`The PDF was not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return createPortal(
    <div className="modal-backdrop invoice-backdrop">
      <div
        className="modal invoice-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        onKeyDown={onKeyDown}
        data-testid="invoice-dialog"
      >
        <div className="modal-actions invoice-actions">
          <button type="button" onClick={() => void savePdf()} disabled={!invoice}>
            Save as PDF
          </button>
          <button type="button" onClick={() => invoice && downloadCsv(csvFileName(baseName), visitCsv(invoice))} disabled={!invoice}>
            Download CSV
          </button>
          <button type="button" ref={closeRef} onClick={onClose}>
            Close
          </button>
        </div>
        {status && <p role="status">{status}</p>}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {!result ? (
          <>
            <h2 id={headingId}>Invoice</h2>
            <p aria-busy="true">Loading…</p>
          </>
        ) : !result.ok ? (
          <>
            <h2 id={headingId}>Invoice</h2>
            <p role="alert" data-testid="invoice-problem">
              {result.problem}
            </p>
          </>
        ) : (
          <InvoiceSheet invoice={result.invoice} headingId={headingId} />
        )}
      </div>
    </div>,
    document.body,
  );
}

function localDay(invoice: VisitInvoice): string {
  return new Date(invoice.checkedInAt).toLocaleDateString('en-CA', { timeZone: invoice.timeZone });
}

/** Tab and Shift+Tab wrap around the dialog's buttons: the console behind a modal dialog is out of reach. */
function keepFocusInside(e: KeyboardEvent<HTMLDivElement>) {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled]), a[href], input, select, textarea')];
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
