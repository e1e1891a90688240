// Starts the sync server on the embedded default (PGlite in .data/pglite, demo
// workspace on first run) for `npm start` and `npm run start:web`.
import { spawn } from 'node:child_process';

export const SERVER_PORT = process.env.PORT ?? '8787';
export const SERVER_URL = `http://127.0.0.1:${SERVER_PORT}`;

/** The addresses a browser may show the web console served on `port` under; the server allows only the origins it is told. */
export function webConsoleOrigins(port) {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * `webOrigins`: where a browser console will call from (CORS). The desktop
 * app's own app://switchboard is always allowed; anything already in
 * SWITCHBOARD_ALLOWED_ORIGINS is kept.
 */
export async function startSyncServer({ webOrigins = [] } = {}) {
  const origins = [process.env.SWITCHBOARD_ALLOWED_ORIGINS, ...webOrigins].filter(Boolean).join(',');
  const env = { ...process.env, PORT: SERVER_PORT, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', SWITCHBOARD_ALLOWED_ORIGINS: origins };
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], { stdio: 'inherit', env });
  child.on('exit', (code) => {
    if (code) {
      console.error(`The sync server stopped (exit ${code}); the console keeps working on its local store.`);
    }
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${SERVER_URL}/api/health`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
    if (child.exitCode !== null) break;
  }
  console.error(`The sync server did not answer at ${SERVER_URL}; the console runs local-only.`);
  return child;
}
