import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The same renderer as Electron's, built as a plain web app: it runs the whole
// console in Chromium (tests, benchmarks, `npm run start:web`).
export default defineConfig({
  root: 'src/app',
  base: './',
  plugins: [react()],
  build: { outDir: '../../out/web', emptyOutDir: true, target: 'es2022' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
});
