import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { callLinkInArgv, createCallLinkInbox, listenForOpenUrl, registerCallLinkScheme } from '../../../electron/main/call-links';
import { claimSingleInstance } from '../../../electron/main/single-instance';

const LINK = 'switchboard://call?from=%2B19135550142';
const HOSTILE = 'switchboard://call?from=%3Cscript%3Ealert(1)%3C%2Fscript%3E';

/** What callLinks:next is invoked with: the page that asked, alive or gone (reloaded, closed). */
function askingPage(alive = true) {
  return { sender: { isDestroyed: () => !alive }, senderFrame: alive ? { url: 'app://switchboard/index.html' } : null } as never;
}

/** Settles within the test or not at all: a promise still waiting reports 'waiting'. */
async function settled<T>(promise: Promise<T>): Promise<T | 'waiting'> {
  return Promise.race([promise, new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 0))]);
}

function fakeApp() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    listeners,
    emit: (name: string, ...args: unknown[]) => {
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no '${name}' listener was registered`);
      listener(...args);
    },
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener)),
    setAsDefaultProtocolClient: vi.fn(() => true),
  };
}

describe('registerCallLinkScheme', () => {
  it('registers the packaged app for switchboard: links', () => {
    const app = fakeApp();
    registerCallLinkScheme(app as never, {
      defaultApp: false,
      execPath: '/opt/Switchboard/switchboard',
      argv: ['/opt/Switchboard/switchboard'],
    });
    expect(app.setAsDefaultProtocolClient.mock.calls).toEqual([['switchboard']]);
  });

  it('unpackaged, has the OS start Electron with the app path', () => {
    const app = fakeApp();
    registerCallLinkScheme(app as never, { defaultApp: true, execPath: '/usr/bin/electron', argv: ['/usr/bin/electron', '.'] });
    expect(app.setAsDefaultProtocolClient.mock.calls).toEqual([['switchboard', '/usr/bin/electron', [path.resolve('.')]]]);
  });
});

describe('callLinkInArgv', () => {
  it.each([
    [['/opt/Switchboard/switchboard', LINK], LINK],
    [['electron.exe', 'C:\\app', '--allow-file-access-from-files', 'SWITCHBOARD://call?from=1'], 'SWITCHBOARD://call?from=1'],
    [['switchboard', 'switchboard:call?from=1', 'switchboard:call?from=2'], 'switchboard:call?from=2'],
    [['/opt/Switchboard/switchboard', '--no-sandbox'], null],
    [['/opt/Switchboard/switchboard', 'https://evil.example/?switchboard://call'], null],
  ])('finds the link in %j', (argv, link) => {
    expect(callLinkInArgv(argv)).toBe(link);
  });
});

describe('the call link inbox', () => {
  it('keeps the link of the first launch until the page asks, then hands over its number', async () => {
    const inbox = createCallLinkInbox();
    inbox.receiveArgv(['/opt/Switchboard/switchboard', '--no-sandbox', LINK]);
    await expect(inbox.next(askingPage())).resolves.toEqual({ from: '+19135550142' });
    // Handed over once: the next ask waits for the next ring.
    expect(await settled(inbox.next(askingPage()))).toBe('waiting');
  });

  it('answers a page already waiting as soon as a link comes', async () => {
    const inbox = createCallLinkInbox();
    const next = inbox.next(askingPage());
    expect(await settled(next)).toBe('waiting');
    inbox.receive(LINK);
    await expect(next).resolves.toEqual({ from: '+19135550142' });
  });

  it('takes a second launch’s link through the single-instance hand-off and brings the window forward', async () => {
    const app = fakeApp();
    const window = { isMinimized: vi.fn(() => true), restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    const inbox = createCallLinkInbox();
    claimSingleInstance(
      app as never,
      () => window as never,
      (argv) => inbox.receiveArgv(argv),
    );
    const next = inbox.next(askingPage());
    app.emit('second-instance', {}, ['C:\\Switchboard\\Switchboard.exe', 'switchboard://call/?from=913-555-0142'], 'C:\\');
    await expect(next).resolves.toEqual({ from: '913-555-0142' });
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('takes a macOS open-url link, keeps macOS from handling it too, and brings the console forward', async () => {
    const app = fakeApp();
    const inbox = createCallLinkInbox();
    const bringForward = vi.fn();
    listenForOpenUrl(app as never, inbox, bringForward);
    const event = { preventDefault: vi.fn() };
    app.emit('open-url', event, LINK);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(bringForward).toHaveBeenCalled();
    await expect(inbox.next(askingPage())).resolves.toEqual({ from: '+19135550142' });
  });

  it('never sends a hostile link’s text: the page is told only that a link was refused, and why', async () => {
    const inbox = createCallLinkInbox();
    inbox.receive(HOSTILE);
    const answer = await inbox.next(askingPage());
    expect(answer).toEqual({ refused: expect.stringMatching(/^The call link was refused: .*characters no phone number has/) });
    expect(JSON.stringify(answer)).not.toMatch(/script|alert/);
  });

  it('ignores a second launch that carries no link', async () => {
    const inbox = createCallLinkInbox();
    inbox.receiveArgv(['/opt/Switchboard/switchboard', '--no-sandbox']);
    expect(await settled(inbox.next(askingPage()))).toBe('waiting');
  });

  it('keeps the latest of two links that came before the page asked', async () => {
    const inbox = createCallLinkInbox();
    inbox.receive('switchboard://call?from=111');
    inbox.receive('switchboard://call?from=222');
    await expect(inbox.next(askingPage())).resolves.toEqual({ from: '222' });
  });

  it('keeps a link for the reloaded page when the page that asked has gone', async () => {
    const inbox = createCallLinkInbox();
    const gone = inbox.next(askingPage(false));
    inbox.receive(LINK);
    await expect(gone).resolves.toBeNull();
    await expect(inbox.next(askingPage())).resolves.toEqual({ from: '+19135550142' });
  });

  it('answers an earlier ask with null when a newer page asks, so only one page takes calls', async () => {
    const inbox = createCallLinkInbox();
    const earlier = inbox.next(askingPage());
    const later = inbox.next(askingPage());
    await expect(earlier).resolves.toBeNull();
    inbox.receive(LINK);
    await expect(later).resolves.toEqual({ from: '+19135550142' });
  });
});
