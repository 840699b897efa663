// One polite live region for the popup: short confirmations ("Copied 14181336") reach
// screen readers without moving focus.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const announce = useCallback((next: string) => {
    // Clear first so the same message twice in a row is announced twice.
    setMessage('');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(next), 50);
  }, []);
  return [message, announce];
}

export function LiveRegion({ message }: { message: string }) {
  return (
    <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {message}
    </p>
  );
}

/**
 * Announces each new answer of a mutation once, in words made from it. An effect rather than
 * a per-call callback: it runs however the answer arrives, even after the row re-rendered.
 */
export function useAnnounceAnswer<T>(
  answer: T | undefined,
  words: (answer: T) => string | undefined,
  announce: (message: string) => void,
): void {
  const spoken = useRef<T>();
  useEffect(() => {
    if (answer === undefined || answer === spoken.current) return;
    spoken.current = answer;
    const message = words(answer);
    if (message) announce(message);
  });
}
