// One polite live region for the popup: short confirmations ("Copied 14181336") reach
// screen readers without moving focus.
import { useCallback, useRef, useState } from 'preact/hooks';

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
