import type { SwitchboardDb } from './db';

/** Per-install settings kept beside the data (e.g. who is using this console). */
export class SettingsRepository {
  constructor(private readonly db: SwitchboardDb) {}

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.db.meta.get(key))?.value as T | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.meta.put({ key, value });
  }
}
