import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Boundaries are enforced here, not by review (docs/architecture.md, "Layers").
// Each area lists what it may not import; an area's files match one block only,
// because a later no-restricted-imports replaces an earlier one for the same file.
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
  'events',
];
const electron = {
  group: ['electron', 'electron/*', '**/electron/**'],
  message: 'The renderer reaches the main process only through window.switchboard (src/bridge/contract.ts).',
};
const node = { group: nodeBuiltins, message: 'Browser code: no Node built-ins (it runs in the renderer and in a plain browser).' };
const server = {
  group: ['**/server/**', 'fastify', 'pg', '@electric-sql/*', 'kysely'],
  message: 'Server code stays on the server; share types through src/protocol.',
};
const ui = { group: ['react', 'react-dom', 'react/*', 'zustand', '**/app/**'], message: 'UI code stays in src/app.' };
const dexie = { group: ['dexie', 'dexie-*', '**/data/**'], message: 'Only src/data touches the local store.' };
const engine = {
  group: ['**/sync/**', '!**/protocol/**'],
  message: 'The sync engine (src/sync) uses the data layer, never the other way round: put shared rules in src/protocol or src/mutations.',
};
const tests = ['**/*.test.ts', '**/*.test.tsx'];
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

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
    ignores: tests,
    rules: restrict({
      group: [
        ...ui.group,
        ...dexie.group,
        ...server.group,
        ...electron.group,
        ...nodeBuiltins,
        '**/sync/**',
        '**/protocol/**',
        '**/mutations/**',
      ],
      message:
        'src/domain is pure TypeScript: no React, Dexie, Electron, Node or outer layers. Move the side effect to src/data, src/app or src/server.',
    }),
  },
  {
    // Shared by the desk and the server: the wire contract and the mutation definitions.
    files: ['src/protocol/**/*.ts', 'src/mutations/**/*.ts'],
    ignores: tests,
    rules: restrict(electron, node, server, ui, dexie, {
      group: ['**/sync/**'],
      message: 'src/protocol and src/mutations are shared by the desk and the server: they import only src/domain, each other and zod.',
    }),
  },
  {
    files: ['src/data/**/*.ts'],
    ignores: tests,
    rules: restrict(electron, node, server, ui, engine),
  },
  {
    files: ['src/sync/**/*.ts', 'src/bridge/**/*.ts'],
    ignores: tests,
    rules: restrict(electron, node, server, ui),
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: tests,
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(electron, node, server, {
        group: ['dexie', '**/data/db', '**/data/db.ts'],
        message: 'Components never touch Dexie: use a repository in src/data or a store slice.',
      }),
    },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: tests,
    rules: restrict(
      {
        group: ['react', 'react-dom', 'dexie', 'electron', '**/app/**', '**/data/**', '**/electron/**'],
        message: 'The server does not import renderer or Electron code.',
      },
      { group: ['**/sync/**'], message: 'The server shares only src/protocol and src/mutations with the desk, not its sync engine.' },
    ),
  },
);
