#!/usr/bin/env node
// `npm start`: build and run the desktop console. Without the Electron binary
// (it cannot always be downloaded) say so plainly and run the web console instead.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinaryPath } from './electron-binary.mjs';
import { SERVER_URL, startSyncServer } from './sync-server.mjs';

function tryDownloadElectron() {
  console.log('Electron binary not found; trying to download it once…');
  const r = spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'ignore', timeout: 180_000 });
  return r.status === 0 && electronBinaryPath() !== null;
}

if (electronBinaryPath() === null && !tryDownloadElectron()) {
  console.log(
    [
      '',
      'Switchboard: the Electron binary is not installed and could not be downloaded on this machine,',
      'so the desktop window cannot open here. Run the same console in a browser instead:',
      '',
      '    npm run start:web',
      '',
      'Starting it for you now.',
      '',
    ].join('\n'),
  );
  const web = spawn(process.execPath, ['scripts/start-web.mjs'], { stdio: 'inherit' });
  web.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => web.kill(sig));
} else {
  const server = await startSyncServer();
  const app = spawn('npx', ['electron-vite', 'preview'], { stdio: 'inherit', env: { ...process.env, SWITCHBOARD_SERVER_URL: SERVER_URL } });
  app.on('exit', (code) => {
    server.kill('SIGTERM');
    process.exit(code ?? 0);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => app.kill(sig));
}
