import type { SwitchboardDb } from './db';
import { live, type Live } from './live';

/** Per-install settings kept beside the data (e.g. who is using this console). */
export class SettingsRepository {
  constructor(private readonly db: SwitchboardDb) {}

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.db.meta.get(key))?.value as T | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.meta.put({ key, value });
  }

  /** Several settings in one transaction, so a reader never sees half of them. */
  async setMany(values: Record<string, unknown>): Promise<void> {
    await this.db.meta.bulkPut(Object.entries(values).map(([key, value]) => ({ key, value })));
  }

  /** A reading of settings (made with get) that runs again whenever one it read changes. */
  live<T>(read: () => Promise<T>): Live<T> {
    return live(read);
  }
}
