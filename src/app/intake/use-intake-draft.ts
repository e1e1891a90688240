// The form in progress follows the typing into this desk's store, ~300 ms
// after the last change, so a reload, a crash or a closed window brings it
// back (docs/domain/phone-intake.md, "Drafts"). Local only: never synced.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Repositories } from '../../data/repositories';
import { EMPTY_DRAFT, restoredDraft, type IntakeDraft } from './intake-draft';

export const DRAFT_SAVE_DELAY_MS = 300;

export function useIntakeDraft(repos: Repositories) {
  const [draft, setDraft] = useState<IntakeDraft>(EMPTY_DRAFT);
  const [loaded, setLoaded] = useState(false);
  /** The draft last written to the store: the form shows whether the one on screen is (tests wait on it, not on a timer). */
  const [storedDraft, setStoredDraft] = useState<IntakeDraft>(EMPTY_DRAFT);
  const latest = useRef<{ draft: IntakeDraft; dirty: boolean }>({ draft: EMPTY_DRAFT, dirty: false });

  useEffect(() => {
    let active = true;
    repos.intake
      .loadDraft()
      .catch((err: unknown) => {
        console.error('intake draft unreadable', err);
        return undefined;
      })
      .then((value) => {
        if (!active) return;
        const restored = restoredDraft(value);
        if (restored) {
          setDraft(restored);
          setStoredDraft(restored);
        }
        setLoaded(true);
      });
    return () => {
      active = false;
    };
  }, [repos]);

  const flush = useCallback(() => {
    const { draft: current, dirty } = latest.current;
    if (!dirty) return;
    latest.current.dirty = false;
    const write = current.startedAt ? repos.intake.saveDraft(current) : repos.intake.clearDraft();
    write.then(
      () => setStoredDraft(current),
      (err: unknown) => console.error('intake draft not saved', err),
    );
  }, [repos]);

  useEffect(() => {
    if (!loaded) return;
    latest.current = { draft, dirty: true };
    const timer = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, loaded, flush]);

  // Leaving the screen or the page inside the delay still keeps the last keystrokes.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const update = useCallback((patch: Partial<IntakeDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  /** After a save or a discard: no call, nothing kept (the repository cleared the store in the save's own transaction). */
  const reset = useCallback(() => {
    latest.current = { draft: EMPTY_DRAFT, dirty: false };
    setDraft(EMPTY_DRAFT);
    setStoredDraft(EMPTY_DRAFT);
  }, []);
  return { draft, setDraft, update, reset, loaded, stored: storedDraft === draft };
}
