// Starts the sync server on the embedded default (PGlite in .data/pglite, demo
// workspace on first run) for `npm start` and `npm run start:web`.
import { spawn } from 'node:child_process';

export const SERVER_PORT = process.env.PORT ?? '8787';
export const SERVER_URL = `http://127.0.0.1:${SERVER_PORT}`;

export async function startSyncServer() {
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], { stdio: 'inherit', env: { ...process.env, PORT: SERVER_PORT, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } });
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
