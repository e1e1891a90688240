// HTTP to the sync server: the bearer token, the protocol version, a timeout,
// and every outcome as a typed result instead of a throw, so the engine
// decides what each one means.
import { apiErrorBodySchema, PROTOCOL_HEADER, PROTOCOL_VERSION, type ApiErrorCode } from '../protocol';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type TransportFailure =
  /** Nothing (or nothing readable) came back: offline, dropped, timed out. Retry with backoff. */
  | { kind: 'network'; message: string }
  /** The session is gone (signed out, expired, account deactivated): keep everything, ask to sign in. */
  | { kind: 'unauthorized'; code: ApiErrorCode; message: string }
  | { kind: 'reset_required'; message: string }
  /** The server speaks another protocol version: nothing this console sends can help until one of them is updated. */
  | { kind: 'upgrade_required'; message: string }
  /** The server refused the request as malformed: retrying the same bytes cannot help. */
  | { kind: 'invalid'; status: number; code: ApiErrorCode; message: string }
  /** 5xx or an unexpected answer: retry with backoff. */
  | { kind: 'server'; status: number; message: string };

export type TransportResult<T> = { ok: true; value: T; serverDate: string | null } | ({ ok: false } & TransportFailure);

export interface TransportOptions {
  baseUrl: string;
  getToken: () => string | null | Promise<string | null>;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Sent with every request; tests make consoles older or newer than the server. */
  protocolVersion?: number;
}

export class HttpTransport {
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;

  constructor(private readonly options: TransportOptions) {
    // Bound lazily: a test swaps globalThis.fetch, and window.fetch must be called unbound-free.
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  get protocolVersion(): number {
    return this.options.protocolVersion ?? PROTOCOL_VERSION;
  }

  get baseUrl(): string {
    return this.options.baseUrl.replace(/\/+$/, '');
  }

  async token(): Promise<string | null> {
    return this.options.getToken();
  }

  get<T>(path: string): Promise<TransportResult<T>> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<TransportResult<T>> {
    return this.request<T>('POST', path, body);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<TransportResult<T>> {
    const token = await this.token();
    if (!token) return { ok: false, kind: 'unauthorized', code: 'unauthorized', message: 'Sign in to sync: this console has no session.' };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let res: Response;
    let text: string;
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(this.protocolVersion) };
      if (body !== undefined) headers['content-type'] = 'application/json';
      res = await this.fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      text = await res.text();
    } catch (error) {
      const timedOut = controller.signal.aborted;
      return {
        ok: false,
        kind: 'network',
        message: timedOut
          ? `The server did not answer within ${this.timeoutMs / 1000} s.`
          : `Cannot reach the server (${String((error as Error)?.message ?? error)}).`,
      };
    } finally {
      clearTimeout(timer);
    }
    const serverDate = res.headers.get('date');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      return {
        ok: false,
        kind: 'server',
        status: res.status,
        message: `The server answered ${res.status} with something that is not JSON; is the address right?`,
      };
    }
    if (res.ok) return { ok: true, value: json as T, serverDate };
    const parsed = apiErrorBodySchema.safeParse(json);
    if (!parsed.success)
      return { ok: false, kind: 'server', status: res.status, message: `The server answered ${res.status} without an explanation.` };
    const { code, message } = parsed.data.error;
    if (res.status === 401) return { ok: false, kind: 'unauthorized', code, message };
    if (code === 'reset_required') return { ok: false, kind: 'reset_required', message };
    if (code === 'upgrade_required') return { ok: false, kind: 'upgrade_required', message };
    if (res.status >= 500) return { ok: false, kind: 'server', status: res.status, message };
    return { ok: false, kind: 'invalid', status: res.status, code, message };
  }
}
