// The one contract between the renderer and the main process (docs/architecture.md).
// electron/preload implements it with `satisfies`, electron/main registers a
// handler per channel, and src/app/bridge/web-fallback.ts implements it for a
// plain browser. Named functions grouped by domain; the transport never leaks.

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

/** Where secrets live: an OS keychain through safeStorage, or memory only. */
export type CredentialBackend = 'os-keychain' | 'memory';

export interface SwitchboardBridge {
  app: {
    info(): Promise<AppInfo>;
  };
  notifications: {
    /** Resolves false when the OS or the user refused. */
    show(request: NotificationRequest): Promise<boolean>;
  };
  credentials: {
    backend(): Promise<CredentialBackend>;
    get(account: string): Promise<string | null>;
    set(account: string, secret: string): Promise<void>;
    delete(account: string): Promise<void>;
  };
  links: {
    /** Opens an allow-listed https link in the user's browser; others are refused. */
    openExternal(url: string): Promise<void>;
  };
}

declare global {
  interface Window {
    switchboard?: SwitchboardBridge;
  }
}
