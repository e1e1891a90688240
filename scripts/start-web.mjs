#!/usr/bin/env node
// `npm run start:web`: the whole console in a browser, on the Vite dev server.
import { spawn } from 'node:child_process';

const port = process.env.PORT_WEB ?? '5173';
console.log(`Switchboard (web) — open http://127.0.0.1:${port}/ in Chromium or Chrome. Ctrl+C stops it.`);
const child = spawn('npx', ['vite', '-c', 'vite.web.config.ts', '--port', port], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
