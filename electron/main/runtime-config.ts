// What the environment may change about a run, read once. A packaged app
// ignores ELECTRON_RENDERER_URL: otherwise anyone who can set an environment
// variable could point the window, bridge and all, at their own page.

export interface RuntimeConfig {
  /** Vite's dev server, only in an unpackaged build. */
  devServerUrl: string | undefined;
  /** The sync server, when one was named and it is an http(s) URL. */
  serverUrl: string | undefined;
}

function httpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/\/$/, '') : undefined;
  } catch {
    return undefined;
  }
}

export function readRuntimeConfig(env: NodeJS.ProcessEnv, isPackaged: boolean): RuntimeConfig {
  return {
    devServerUrl: isPackaged ? undefined : httpUrl(env['ELECTRON_RENDERER_URL']),
    serverUrl: httpUrl(env['SWITCHBOARD_SERVER_URL']),
  };
}
