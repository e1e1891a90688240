/**
 * Where the sync server is: the desktop app's main process says (AppInfo),
 * else `?server=` on the page, else the build's VITE_SYNC_SERVER_URL. None
 * means local-only: the console works without any server.
 */
export function resolveServerUrl(fromBridge: string | undefined, params: URLSearchParams, fromBuild: string | undefined): string | null {
  const candidate = fromBridge ?? params.get('server') ?? fromBuild ?? null;
  if (!candidate || candidate === 'none') return null;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
