import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Boundaries are enforced here, not by review (STYLE 7).
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'events'];

const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: forbid(
      ['react', 'react-dom', 'react/*', 'dexie', 'dexie-*', 'electron', 'zustand', 'fastify', 'pg', '@electric-sql/*', 'kysely', ...nodeBuiltins, '**/data/**', '**/app/**', '**/server/**', '**/sync/**'],
      'src/domain is pure TypeScript: no React, Dexie, Electron, Node or outer layers. Move the side effect to src/data, src/app or src/server.',
    ),
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/data/**/*.ts', 'src/bridge/**/*.ts', 'src/sync/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: forbid(
      ['electron', 'electron/*', ...nodeBuiltins, '**/server/**', '**/electron/**'],
      'The renderer reaches the main process only through window.switchboard (src/bridge/contract.ts); it never imports electron, Node or server code.',
    ),
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: ['src/app/**/*.test.tsx', 'src/app/**/*.test.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'electron/*', ...nodeBuiltins, '**/server/**', '**/electron/**'], message: 'The renderer reaches the main process only through window.switchboard.' },
        { group: ['dexie', '**/data/db', '**/data/db.ts'], message: 'Components never touch Dexie: use a repository in src/data or a store slice.' },
      ] }],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: forbid(['react', 'react-dom', 'dexie', 'electron', '**/app/**', '**/data/**'], 'The server does not import renderer or Electron code.'),
  },
);
