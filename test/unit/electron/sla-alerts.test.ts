// The SLA notification and badge calls (docs/domain/escalations-and-notifications.md)
// with Electron mocked: a click brings the window forward and answers 'clicked'
// so the page opens the ticket; dismissed or crowded out answers 'closed'.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  class Notification {
    static isSupported = vi.fn(() => true);
    static all: Notification[] = [];
    readonly handlers = new Map<string, () => void>();
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      Notification.all.push(this);
    }
    on(event: string, handler: () => void): this {
      this.handlers.set(event, handler);
      return this;
    }
    show(): void {
      this.shown = true;
    }
    close(): void {
      this.handlers.get('close')?.();
    }
    emit(event: string): void {
      this.handlers.get(event)?.();
    }
  }
  return {
    Notification,
    app: { getVersion: vi.fn(() => '1.2.3'), setBadgeCount: vi.fn((_: number) => true) },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
});
vi.mock('electron', () => electron);

const { registerIpcHandlers, SLA_NOTIFICATIONS_KEPT } = await import('../../../electron/main/ipc-handlers');
const { createCallLinkInbox } = await import('../../../electron/main/call-links');
const { createValidatedIpc } = await import('../../../electron/main/validated-ipc');

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const appEvent = { senderFrame: { url: 'app://switchboard/index.html', parent: null } };
const TICKET = '0190f5a2-7c1e-7b3a-9d4e-1f2a3b4c5d6e';

function setup() {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: vi.fn((channel: string, listener: Listener) => listeners.set(channel, listener)) };
  const window = { isMinimized: vi.fn(() => true), restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
  const credentials = { backend: vi.fn(), get: vi.fn(), set: vi.fn(), delete: vi.fn() };
  registerIpcHandlers(createValidatedIpc(ipcMain as never, ['app://switchboard']), {
    credentials: credentials as never,
    getWindow: () => window as never,
    serverUrl: undefined,
    callLinks: createCallLinkInbox(),
  });
  const invoke = (channel: string, ...args: unknown[]) => listeners.get(channel)!(appEvent, ...args);
  return { invoke, window };
}

const request = (title = 'First response breached') => ({ title, body: 'Printer offline', ticketId: TICKET });
const latest = () => electron.Notification.all.at(-1)!;

beforeEach(() => {
  // Whatever an earlier test left on screen goes, so each starts with none kept.
  for (const n of electron.Notification.all.splice(0)) n.close();
  electron.Notification.isSupported.mockReturnValue(true);
  electron.app.setBadgeCount.mockClear();
});

describe('slaAlerts:notify', () => {
  it('shows the notification and, once clicked, brings the window forward and answers clicked', async () => {
    const { invoke, window } = setup();
    const outcome = invoke('slaAlerts:notify', request());
    await vi.waitFor(() => expect(latest().shown).toBe(true));
    expect(latest().options).toEqual({ title: 'First response breached', body: 'Printer offline' });
    latest().emit('click');
    await expect(outcome).resolves.toBe('clicked');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('answers closed when dismissed', async () => {
    const outcome = setup().invoke('slaAlerts:notify', request());
    await vi.waitFor(() => expect(latest().shown).toBe(true));
    latest().emit('close');
    await expect(outcome).resolves.toBe('closed');
  });

  it(`keeps at most ${SLA_NOTIFICATIONS_KEPT} on screen, closing the oldest`, async () => {
    const { invoke } = setup();
    const outcomes = Array.from({ length: SLA_NOTIFICATIONS_KEPT + 1 }, (_, i) => invoke('slaAlerts:notify', request(`n${i}`)));
    await expect(outcomes[0]).resolves.toBe('closed');
    latest().emit('click');
    await expect(outcomes.at(-1)).resolves.toBe('clicked');
  });

  it('answers refused where the OS has no notifications, showing nothing', async () => {
    electron.Notification.isSupported.mockReturnValue(false);
    await expect(setup().invoke('slaAlerts:notify', request())).resolves.toBe('refused');
    expect(electron.Notification.all).toEqual([]);
  });

  it('refuses a ticketId that is not an id, naming it', async () => {
    await expect(setup().invoke('slaAlerts:notify', { ...request(), ticketId: '../etc' })).rejects.toThrow(/ticketId/);
    expect(electron.Notification.all).toEqual([]);
  });
});

describe('slaAlerts:setBadgeCount', () => {
  it('sets the count on the app icon', async () => {
    await expect(setup().invoke('slaAlerts:setBadgeCount', { count: 3 })).resolves.toBe(true);
    expect(electron.app.setBadgeCount).toHaveBeenCalledWith(3);
  });

  it.each([-1, 2.5])('refuses %s, leaving the badge alone', async (count) => {
    await expect(setup().invoke('slaAlerts:setBadgeCount', { count })).rejects.toThrow(/count/);
    expect(electron.app.setBadgeCount).not.toHaveBeenCalled();
  });
});
