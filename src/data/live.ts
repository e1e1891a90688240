import { liveQuery } from 'dexie';

/** What the UI subscribes to; keeps Dexie's types out of components. */
export interface Live<T> {
  subscribe(observer: { next: (value: T) => void; error?: (err: unknown) => void }): { unsubscribe(): void };
}

export function live<T>(query: () => Promise<T>): Live<T> {
  return liveQuery(query);
}
