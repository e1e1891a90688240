// Files the console hands the person (CSV for accounting): a Blob behind an
// <a download>. Chromium saves it to the downloads folder; Electron, with no
// will-download handler, asks where to save it with its own dialog.

/** Spreadsheets read a CSV without this mark as the system's legacy code page, mangling names with accents. */
const UTF8_BOM = '\uFEFF';

export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([UTF8_BOM, csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by the next task; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
