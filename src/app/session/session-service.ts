import type { SwitchboardBridge } from '../../bridge/contract';
import type { Repositories } from '../../data/repositories';
import { apiErrorBodySchema, type LoginRequest, type LoginResponse, type MeResponse, type SetupPasswordRequest } from '../../protocol';
import { useSessionStore } from './session-store';

const TOKEN_ACCOUNT = 'sync-session';

export type SignInResult = { ok: true } | { ok: false; message: string };

/** An online-only request's outcome; `message` is the server's, or says the server could not be reached. */
export type RequestResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Signs in against the sync server and keeps the token where the platform
 * keeps secrets (the OS keychain via the main process in Electron; memory in
 * a browser tab). The token never goes into the local database.
 */
export class SessionService {
  private memoryToken: string | null = null;

  constructor(
    private readonly serverUrl: string,
    private readonly bridge: SwitchboardBridge,
    private readonly repos: Repositories,
  ) {}

  async token(): Promise<string | null> {
    return this.memoryToken ?? (await this.bridge.credentials.get(TOKEN_ACCOUNT).catch(() => null));
  }

  async signIn(request: LoginRequest): Promise<SignInResult> {
    return this.startSession('/api/auth/login', request);
  }

  /** An invited person's first sign-in: their one-time code and the password they choose; then as `signIn`. */
  async setupPassword(request: SetupPasswordRequest): Promise<SignInResult> {
    return this.startSession('/api/auth/setup-password', request);
  }

  /** Both ways in answer with the same LoginResponse, and from there on the session is kept the same way. */
  private async startSession(path: string, request: LoginRequest | SetupPasswordRequest): Promise<SignInResult> {
    let res: Response;
    try {
      res = await fetch(`${this.serverUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
    } catch {
      return {
        ok: false,
        message: `Cannot reach the sync server at ${this.serverUrl}. Check the network; your local work is kept and syncs once you sign in.`,
      };
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = apiErrorBodySchema.safeParse(body);
      return { ok: false, message: parsed.success ? parsed.data.error.message : `Sign-in failed (HTTP ${res.status}).` };
    }
    const login = body as LoginResponse;
    this.memoryToken = login.token;
    // Electron refuses to store a token when only plain-text storage exists;
    // then it lives in memory for this session and the user signs in again next time.
    await this.bridge.credentials.set(TOKEN_ACCOUNT, login.token).catch(() => undefined);
    await this.remember(login.user.id, login.user.name, login.workspace.name);
    return { ok: true };
  }

  /**
   * An authenticated request outside sync (the admin routes), with this
   * console's session token. Online only: there is no outbox behind it.
   */
  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<RequestResult<T>> {
    const token = await this.token();
    if (!token) return { ok: false, message: 'Sign in first: this console has no session with the server.' };
    let res: Response;
    try {
      res = await fetch(`${this.serverUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
      });
    } catch {
      return { ok: false, message: `Cannot reach the sync server at ${this.serverUrl}. Nothing was changed; try again when online.` };
    }
    const parsed: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, value: parsed as T };
    const error = apiErrorBodySchema.safeParse(parsed);
    return { ok: false, message: error.success ? error.data.error.message : `The server refused the request (HTTP ${res.status}).` };
  }

  /** On start-up: is the stored token still good? Fills the session store if so. */
  async restore(): Promise<boolean> {
    const token = await this.token();
    if (!token) return false;
    try {
      const res = await fetch(`${this.serverUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) return false;
      const me = (await res.json()) as MeResponse;
      await this.remember(me.user.id, me.user.name, me.workspace.name);
      return true;
    } catch {
      // Offline: keep working as whoever was last signed in here.
      return true;
    }
  }

  async signOut(): Promise<void> {
    const token = await this.token();
    this.memoryToken = null;
    await this.bridge.credentials.delete(TOKEN_ACCOUNT).catch(() => undefined);
    useSessionStore.getState().setSignedIn(null);
    if (token)
      await fetch(`${this.serverUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(
        () => undefined,
      );
  }

  private async remember(userId: string, userName: string, workspaceName: string): Promise<void> {
    await this.repos.settings.set('currentUserId', userId);
    const session = useSessionStore.getState();
    session.setCurrentUser(userId);
    session.setSignedIn({ userName, workspaceName });
  }
}
