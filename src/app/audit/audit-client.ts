// The console's calls to the audit routes: online only, with the session's token
// (SessionService keeps it; in Electron, in the OS keychain through the bridge).
import { apiErrorBodySchema, type AuditFilter, type AuditListResponse, type AuditVerifyResponse } from '../../protocol';
import type { SyncServices } from '../services';

export type AuditResult<T> = { ok: true; value: T } | { ok: false; offline: boolean; message: string };

function query(filter: AuditFilter & { before?: number }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function request(sync: SyncServices, path: string): Promise<AuditResult<Response>> {
  const token = await sync.session.token();
  if (!token) return { ok: false, offline: false, message: 'Sign in to read the audit log.' };
  let res: Response;
  try {
    res = await fetch(`${sync.serverUrl.replace(/\/+$/, '')}${path}`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return {
      ok: false,
      offline: true,
      message: 'The audit log lives on the server, which cannot be reached: this console is offline. Try again once it is back online.',
    };
  }
  if (res.ok) return { ok: true, value: res };
  const parsed = apiErrorBodySchema.safeParse(await res.json().catch(() => null));
  return { ok: false, offline: false, message: parsed.success ? parsed.data.error.message : `The server answered ${res.status}.` };
}

async function json<T>(sync: SyncServices, path: string): Promise<AuditResult<T>> {
  const res = await request(sync, path);
  return res.ok ? { ok: true, value: (await res.value.json()) as T } : res;
}

export const auditClient = {
  list: (sync: SyncServices, filter: AuditFilter, before?: number) =>
    json<AuditListResponse>(sync, `/api/audit/entries${query({ ...filter, before })}`),
  verify: (sync: SyncServices) => json<AuditVerifyResponse>(sync, '/api/audit/verify'),
  async exportCsv(sync: SyncServices, filter: AuditFilter): Promise<AuditResult<Blob>> {
    const res = await request(sync, `/api/audit/export.csv${query(filter)}`);
    return res.ok ? { ok: true, value: await res.value.blob() } : res;
  },
};
