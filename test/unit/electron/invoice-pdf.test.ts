import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SwitchboardBridge } from '../../../src/bridge/contract';

// The invoice PDF through the real validatedIpc wrapper and handler map, with
// Electron and the file system mocked: hostile names never reach a dialog,
// and nothing is written until the person has chosen a file.
const mocks = vi.hoisted(() => {
  const order: string[] = [];
  const window = { id: 1 };
  return {
    order,
    window,
    electron: {
      Notification: class {},
      shell: { openExternal: vi.fn() },
      app: { getVersion: () => '1.0.0', getPath: vi.fn(() => '/home/dana/Documents') },
      BrowserWindow: { fromWebContents: vi.fn(() => window) },
      dialog: {
        showSaveDialog: vi.fn(async (..._args: unknown[]) => {
          order.push('dialog');
          return { canceled: false, filePath: '/home/dana/Documents/invoice.pdf' };
        }),
      },
    },
    writeFile: vi.fn(async (..._args: unknown[]) => {
      order.push('write');
    }),
  };
});
vi.mock('electron', () => mocks.electron);
vi.mock('node:fs/promises', () => ({ writeFile: mocks.writeFile }));

const { registerIpcHandlers } = await import('../../../electron/main/ipc-handlers');
const { createCallLinkInbox } = await import('../../../electron/main/call-links');
const { createValidatedIpc } = await import('../../../electron/main/validated-ipc');

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const PDF = Buffer.from('%PDF-1.7 invoice');

function setup() {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => listeners.set(channel, listener) };
  registerIpcHandlers(createValidatedIpc(ipcMain as never, ['app://switchboard']), {
    credentials: {} as never,
    getWindow: () => null,
    serverUrl: undefined,
    callLinks: createCallLinkInbox(),
  });
  const sender = {
    printToPDF: vi.fn(async (..._args: unknown[]) => {
      mocks.order.push('print');
      return PDF;
    }),
  };
  const invoke = (frameUrl: string, ...args: unknown[]) =>
    listeners.get('invoices:savePdf')!({ sender, senderFrame: { url: frameUrl, parent: null } }, ...args);
  return { sender, invoke };
}

const APP = 'app://switchboard/index.html';

beforeEach(() => {
  mocks.order.length = 0;
  mocks.writeFile.mockClear();
  mocks.electron.dialog.showSaveDialog.mockClear();
});

describe('invoices:savePdf', () => {
  it('prints the sending page, asks where, then writes the PDF there', async () => {
    const { invoke, sender } = setup();
    await expect(invoke(APP, { suggestedName: 'invoice-prairie-dental-2026-03-03.pdf' })).resolves.toBe('saved');
    expect(sender.printToPDF).toHaveBeenCalledTimes(1);
    expect(mocks.electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      mocks.window,
      expect.objectContaining({ defaultPath: '/home/dana/Documents/invoice-prairie-dental-2026-03-03.pdf' }),
    );
    expect(mocks.writeFile).toHaveBeenCalledWith('/home/dana/Documents/invoice.pdf', PDF);
    expect(mocks.order).toEqual(['print', 'dialog', 'write']);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    mocks.electron.dialog.showSaveDialog.mockImplementationOnce(async () => ({ canceled: true, filePath: '' }));
    await expect(setup().invoke(APP, { suggestedName: 'invoice.pdf' })).resolves.toBe('cancelled');
    expect(mocks.writeFile).not.toHaveBeenCalled();
  });

  it.each([
    ['a path up and out', { suggestedName: '../../.bashrc.pdf' }, /suggestedName/],
    ['an absolute path', { suggestedName: '/etc/cron.d/x.pdf' }, /suggestedName/],
    ['a Windows path', { suggestedName: 'C:\\Users\\Public\\x.pdf' }, /suggestedName/],
    ['another extension', { suggestedName: 'invoice.exe' }, /ending in \.pdf/],
    ['a NUL byte', { suggestedName: 'invoice\u0000.pdf' }, /suggestedName/],
    ['dots inside', { suggestedName: 'a..pdf' }, /may not contain/],
    ['an overlong name', { suggestedName: `${'a'.repeat(200)}.pdf` }, /at most 120/],
    ['a smuggled field', { suggestedName: 'invoice.pdf', path: '/tmp/x.pdf' }, /path/],
    ['no argument', undefined, /bad argument/],
    ['a string instead of an object', 'invoice.pdf', /bad argument/],
  ])('refuses %s before printing or asking', async (_name, arg, message) => {
    const { invoke, sender } = setup();
    await expect(invoke(APP, arg)).rejects.toThrow(message);
    expect(sender.printToPDF).not.toHaveBeenCalled();
    expect(mocks.electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(mocks.writeFile).not.toHaveBeenCalled();
  });

  it('refuses a page that is not the app', async () => {
    const { invoke, sender } = setup();
    await expect(invoke('https://evil.example/', { suggestedName: 'invoice.pdf' })).rejects.toThrow(/not the app/);
    expect(sender.printToPDF).not.toHaveBeenCalled();
    expect(mocks.writeFile).not.toHaveBeenCalled();
  });
});

describe('invoices.savePdf in a browser', () => {
  it("opens the browser's print dialog, where the person picks Save as PDF", async () => {
    const print = vi.fn();
    vi.stubGlobal('window', { print });
    try {
      const { webFallbackBridge } = await import('../../../src/app/bridge/web-fallback');
      const bridge: SwitchboardBridge = webFallbackBridge;
      await expect(bridge.invoices.savePdf({ suggestedName: 'invoice.pdf' })).resolves.toBe('printed');
      expect(print).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
