#!/usr/bin/env node
// `npm run start:web`: the sync server on its embedded default, and the whole
// console in a browser on the Vite dev server, pointed at that server.
import { spawn } from 'node:child_process';
import { SERVER_URL, startSyncServer, webConsoleOrigins } from './sync-server.mjs';

const port = process.env.PORT_WEB ?? '5173';
// The server allows this console's origin only, so Vite must not move to another port when this one is taken.
const server = await startSyncServer({ webOrigins: webConsoleOrigins(port) });
console.log(`\nSwitchboard (web) — open http://127.0.0.1:${port}/ in Chromium or Chrome. Ctrl+C stops it.`);
const web = spawn('npx', ['vite', '-c', 'vite.web.config.ts', '--port', port, '--strictPort'], {
  stdio: 'inherit',
  env: { ...process.env, VITE_SYNC_SERVER_URL: SERVER_URL },
});
const stop = (sig) => {
  web.kill(sig);
  server.kill(sig);
};
web.on('exit', (code) => {
  server.kill('SIGTERM');
  process.exit(code ?? 0);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(sig));
