// A list the admin screens read from the server while online (sessions,
// integration keys): read again on reload() or when one of `keys` changes, and a
// late answer after the panel went away or asked again is dropped.
import { useEffect, useState } from 'react';
import type { RequestResult } from '../session/session-service';

export interface ServerRead<T> {
  /** Null until the first answer. */
  value: T | null;
  error: string | null;
  /** For an action's own refusal, shown where the read's error is. */
  setError(message: string | null): void;
  reload(): void;
}

export function useServerRead<T>(read: () => Promise<RequestResult<T>>, online: boolean, keys: readonly unknown[]): ServerRead<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [count, setCount] = useState(0);

  useEffect(() => {
    if (!online) return;
    let live = true;
    void read().then((r) => {
      if (!live) return;
      if (r.ok) {
        setValue(r.value);
        setError(null);
      } else setError(r.message);
    });
    return () => {
      live = false;
    };
    // `read` is a fresh closure each render; what it reads from is named by the caller's `keys`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [online, count, ...keys]);

  return { value, error, setError, reload: () => setCount((n) => n + 1) };
}
