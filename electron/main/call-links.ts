import path from 'node:path';
import type { App, IpcMainInvokeEvent } from 'electron';
import type { IncomingCallLink } from '../../src/bridge/contract';
import { readCallLink } from '../../src/domain/call-link';

// A softphone or PBX opens switchboard://call?from=<number> when a call rings
// (docs/domain/phone-intake.md, "Call links"). The OS hands the link to this
// process: macOS as an open-url event, Windows and Linux as a launch argument,
// of this launch or, through the single-instance lock, of a second one. The
// link is read here, in main, before the page sees anything of it, and the
// page fetches it with callLinks:next (docs/decisions/0009-call-links.md).

export const CALL_LINK_SCHEME = 'switchboard';

/**
 * Makes this app the OS's handler for switchboard: links (on Windows this is
 * the registration; the macOS bundle and the Linux .desktop file also declare
 * it, from electron-builder.yml). Unpackaged (`electron .`), the OS must start
 * Electron with the app's path, or it would open a bare Electron.
 */
export function registerCallLinkScheme(
  app: Pick<App, 'setAsDefaultProtocolClient'>,
  proc: { defaultApp?: boolean; execPath: string; argv: readonly string[] },
): boolean {
  if (!proc.defaultApp) return app.setAsDefaultProtocolClient(CALL_LINK_SCHEME);
  const appPath = proc.argv[1];
  if (appPath === undefined) return false;
  return app.setAsDefaultProtocolClient(CALL_LINK_SCHEME, proc.execPath, [path.resolve(appPath)]);
}

/** The switchboard: link among a launch's arguments, if any; the last when there are several, as the OS appends it. */
export function callLinkInArgv(argv: readonly string[]): string | null {
  const prefix = `${CALL_LINK_SCHEME}:`;
  return argv.filter((arg) => arg.slice(0, prefix.length).toLowerCase() === prefix).at(-1) ?? null;
}

type AskingEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export interface CallLinkInbox {
  /** A link the OS opened: read here; its number, or why it was refused, waits for the page. */
  receive(url: string): void;
  /** A launch's arguments (the first launch's, or a second instance's): their link, if they carry one. */
  receiveArgv(argv: readonly string[]): void;
  /** The page asks for the next link (callLinks:next); asking says it is ready for one. */
  next(event: AskingEvent): Promise<IncomingCallLink | null>;
}

export function createCallLinkInbox(): CallLinkInbox {
  // One link is kept, the latest: a second ring before the first is taken replaces it, as on the page.
  let kept: IncomingCallLink | null = null;
  let asking: { event: AskingEvent; answer: (link: IncomingCallLink | null) => void } | null = null;

  const deliver = (): void => {
    if (kept === null || asking === null) return;
    const { event, answer } = asking;
    asking = null;
    // The page that asked may be gone (reloading): the link waits for the page that asks next.
    if (!pageIsThere(event)) return answer(null);
    answer(kept);
    kept = null;
  };

  const receive = (url: string): void => {
    const read = readCallLink(url);
    // A refused link's text goes no further; the page is only told why, so the person sees that a call link came.
    kept = read.ok ? { from: read.from } : { refused: read.problem };
    deliver();
  };

  return {
    receive,
    receiveArgv(argv) {
      const link = callLinkInArgv(argv);
      if (link !== null) receive(link);
    },
    next(event) {
      // One page asks at a time; an earlier ask is from a page that has since reloaded.
      asking?.answer(null);
      return new Promise((answer) => {
        asking = { event, answer };
        deliver();
      });
    },
  };
}

function pageIsThere(event: AskingEvent): boolean {
  return !event.sender.isDestroyed() && event.senderFrame !== null;
}

/** macOS delivers links as open-url, also the one that launched the app: listen before the app is ready. */
export function listenForOpenUrl(app: Pick<App, 'on'>, inbox: CallLinkInbox, bringForward: () => void): void {
  app.on('open-url', (event, url) => {
    event.preventDefault();
    inbox.receive(url);
    bringForward();
  });
}
