import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial';

// Listed explicitly, not scanned from a folder: bundlers and tsx see every migration, and order is the key order.
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
