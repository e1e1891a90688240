import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WebContents } from 'electron';
import { BrowserWindow, app, dialog } from 'electron';
import type { InvoicePdfOutcome, InvoicePdfRequest } from '../../src/bridge/contract';

// The invoice as a PDF (docs/domain/visit-invoices.md): the page that asked is printed with its print stylesheet (only the
// invoice shows), then the person picks where it goes. Nothing is written
// unless they chose a file: the page names a suggestion, never a path.

export async function saveInvoicePdf(sender: WebContents, { suggestedName }: InvoicePdfRequest): Promise<InvoicePdfOutcome> {
  const pdf = await sender.printToPDF({ printBackground: true, pageSize: 'Letter', generateTaggedPDF: true });
  const options = {
    title: 'Save invoice as PDF',
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const owner = BrowserWindow.fromWebContents(sender);
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return 'cancelled';
  await writeFile(choice.filePath, pdf);
  return 'saved';
}
