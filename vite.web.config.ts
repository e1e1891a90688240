import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The web build's CSP, as strict as the desktop one (electron/main/csp.ts):
// scripts only from the app itself, network only to a sync server on loopback.
// A meta tag cannot carry frame-ancestors; the dev server is left without it
// because Vite injects an inline preamble there.
const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http://127.0.0.1:* http://localhost:* ws://127.0.0.1:* ws://localhost:*",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'switchboard-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${WEB_CSP}" />`),
  };
}

// The same renderer as Electron's, built as a plain web app: it runs the whole
// console in Chromium (tests, benchmarks, `npm run start:web`).
export default defineConfig({
  root: 'src/app',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: { outDir: '../../out/web', emptyOutDir: true, target: 'es2022' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
});
