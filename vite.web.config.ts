import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { buildCsp } from './src/bridge/content-security-policy.ts';

/**
 * The web build carries the desktop's CSP in a <meta> tag. The dev server is
 * left without one because Vite injects an inline preamble there.
 */
export function contentSecurityPolicy(serverUrl: string | undefined): Plugin {
  const csp = buildCsp({ dev: false, serverUrl, delivery: 'meta' });
  return {
    name: 'switchboard-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`),
  };
}

// The same renderer as Electron's, built as a plain web app: it runs the whole
// console in Chromium (tests, benchmarks, `npm run start:web`).
export default defineConfig(({ mode }) => {
  // The sync server the build is pointed at, as the app itself reads it (import.meta.env).
  const env = loadEnv(mode, 'src/app', 'VITE_');
  return {
    root: 'src/app',
    base: './',
    plugins: [react(), contentSecurityPolicy(env['VITE_SYNC_SERVER_URL'])],
    build: { outDir: '../../out/web', emptyOutDir: true, target: 'es2022' },
    server: { host: '127.0.0.1', port: 5173, strictPort: false },
    preview: { host: '127.0.0.1', port: 4173 },
  };
});
