import { useEffect, useState } from 'react';
import type { Live } from '../../data/live';

/** Subscribes to a live query; `undefined` until its first result, and while there is no source yet. */
export function useLive<T>(source: Live<T> | null): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!source) return;
    const sub = source.subscribe({
      next: setValue,
      error: (err) => console.error('live query failed', err),
    });
    return () => sub.unsubscribe();
  }, [source]);
  return value;
}
