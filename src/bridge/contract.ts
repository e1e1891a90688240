// The one contract between the renderer and its host (docs/architecture.md): the Electron main
// process, or src/app/bridge/web-fallback.ts in a plain browser. Each bridge
// call is declared once, in `bridgeContract` below: the positional arguments
// the page calls it with, the one object its IPC channel carries, and what it
// resolves to. The SwitchboardBridge type, the channel names
// (src/bridge/channels.ts) and the preload are derived from it; a new call
// fails to compile until it has a schema (electron/main/ipc-schemas.ts), a
// handler (electron/main/ipc-handlers.ts) and a browser implementation.
//
// The sandboxed preload bundles this file, so it imports nothing: no zod, no Node.

export type Runtime = 'electron' | 'web';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  runtime: Runtime;
  /** Base URL of the sync server, when the main process was told one (SWITCHBOARD_SERVER_URL). */
  serverUrl?: string;
}

export interface NotificationRequest {
  title: string;
  body: string;
}

/** An SLA notification about one ticket (docs/domain/escalations-and-notifications.md). */
export interface SlaNotificationRequest {
  title: string;
  body: string;
  ticketId: string;
}

/**
 * How an SLA notification ended: clicked (the window was brought forward; the
 * page opens the ticket), closed (dismissed, or replaced by newer ones), or
 * refused (the OS or the person does not allow notifications).
 */
export type SlaNotificationOutcome = 'clicked' | 'closed' | 'refused';

/** Where secrets live: an OS keychain through safeStorage, or memory only. */
export type CredentialBackend = 'os-keychain' | 'memory';

/**
 * A switchboard://call link the OS opened (docs/domain/phone-intake.md, "Call
 * links"), as the main process read it: the caller's number exactly as the
 * link gave it (the page parses it), or why the link was refused. A refused
 * link's own text never reaches the page.
 */
export type IncomingCallLink = { from: string } | { refused: string };

/** The invoice on screen, saved as a PDF (docs/domain/visit-invoices.md). */
export interface InvoicePdfRequest {
  /** The file name offered in the save dialog, e.g. "invoice-prairie-dental-2026-03-03.pdf": a bare name, no folders. */
  suggestedName: string;
}

/** saved: written where the person chose; cancelled: the save dialog was dismissed; printed: the browser's print dialog was shown. */
export type InvoicePdfOutcome = 'saved' | 'cancelled' | 'printed';

/**
 * One bridge call. Each channel carries at most one argument, always an
 * object, so a handler can name the field that was wrong.
 */
export interface BridgeCall<Params extends unknown[], Arg, Result> {
  /** Turns what the page passed into the channel's one argument; extra arguments are dropped. */
  readonly toArg: (...params: Params) => Arg;
  /** Type only, never set: what the call resolves to. */
  readonly result?: Result;
}

/** `call(toArg).returns<Result>()`; `call()` for a call that takes nothing. */
function call<Params extends unknown[] = [], Arg = undefined>(toArg?: (...params: Params) => Arg) {
  const noArgument = (): Arg => undefined as Arg;
  return {
    returns: <Result>(): BridgeCall<Params, Arg, Result> => ({ toArg: toArg ?? noArgument }),
  };
}

export const bridgeContract = {
  app: {
    info: call().returns<AppInfo>(),
  },
  notifications: {
    /** Resolves false when the OS or the user refused. */
    show: call((request: NotificationRequest) => request).returns<boolean>(),
  },
  credentials: {
    backend: call().returns<CredentialBackend>(),
    get: call((account: string) => ({ account })).returns<string | null>(),
    set: call((account: string, secret: string) => ({ account, secret })).returns<void>(),
    delete: call((account: string) => ({ account })).returns<void>(),
  },
  links: {
    /** Opens an allow-listed https link in the user's browser; others are refused. */
    openExternal: call((url: string) => ({ url })).returns<void>(),
  },
  slaAlerts: {
    /** Resolves once the notification is clicked or gone, so the page opens the ticket without an event channel. */
    notify: call((request: SlaNotificationRequest) => request).returns<SlaNotificationOutcome>(),
    /** The breached-ticket count on the dock or taskbar icon; 0 clears it. False where the platform shows no badge. */
    setBadgeCount: call((count: number) => ({ count })).returns<boolean>(),
  },
  callLinks: {
    /**
     * Resolves with the next call link, at once if one came while no page was
     * asking; the page asks again after each. Null when a newer page has asked
     * instead (a reload), or where there are no call links (a browser reads ?call=).
     */
    next: call().returns<IncomingCallLink | null>(),
  },
  invoices: {
    /** The sending page printed to PDF (its print stylesheet shows only the invoice) and saved where the person picks. */
    savePdf: call((request: InvoicePdfRequest) => request).returns<InvoicePdfOutcome>(),
  },
};

type Contract = typeof bridgeContract;

type BridgeFunction<Call> =
  Call extends BridgeCall<infer Params, infer _Arg, infer Result> ? (...params: Params) => Promise<Result> : never;

/** What the page sees as window.switchboard: named functions grouped by domain; the transport never leaks. */
export type SwitchboardBridge = {
  [Group in keyof Contract]: { [Method in keyof Contract[Group]]: BridgeFunction<Contract[Group][Method]> };
};

declare global {
  interface Window {
    switchboard?: SwitchboardBridge;
  }
}
