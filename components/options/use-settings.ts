import { useEffect, useState } from 'preact/hooks';
import { type LoadedSettings, loadSettings, watchSettings } from '@/lib/settings';

/** The stored settings, kept current when any extension page (or the background) saves. */
export function useSettings(): LoadedSettings | undefined {
  const [loaded, setLoaded] = useState<LoadedSettings>();
  useEffect(() => {
    let live = true;
    const stop = watchSettings((next) => setLoaded(next));
    void loadSettings().then((first) => {
      if (live) setLoaded((current) => current ?? first);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return loaded;
}

/**
 * A form's editable copy of some saved values. It follows the saved values while the user has
 * not edited it, and stops following once they have, so a save elsewhere never wipes typing.
 */
export function useDraft<T>(saved: T): {
  draft: T;
  setDraft: (next: T) => void;
  dirty: boolean;
} {
  const [draft, setDraftState] = useState(saved);
  const [dirty, setDirty] = useState(false);
  const savedKey = JSON.stringify(saved);
  useEffect(() => {
    if (!dirty) setDraftState(saved);
    else if (JSON.stringify(draft) === savedKey) setDirty(false);
  }, [savedKey]);
  return {
    draft,
    dirty,
    setDraft: (next) => {
      setDraftState(next);
      setDirty(JSON.stringify(next) !== savedKey);
    },
  };
}
