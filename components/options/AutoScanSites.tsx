import { useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import { describeSiteError, grantAutoScan, revokeAutoScan } from '@/lib/sites';
import { Feedback, type FeedbackState } from './Feedback';

export function AutoScanSites({ settings }: { settings: Settings }) {
  const [input, setInput] = useState('');
  const [feedback, setFeedback] = useState<FeedbackState>();
  const [busy, setBusy] = useState(false);

  const onGrant = (event: Event) => {
    event.preventDefault();
    // First thing in the handler: the permission prompt needs the user's gesture.
    const pending = grantAutoScan(input);
    setBusy(true);
    setFeedback(undefined);
    void pending.then((result) => {
      setBusy(false);
      if (result.ok) {
        setInput('');
        setFeedback({ tone: 'success', text: `${result.value} is now scanned automatically.` });
      } else {
        setFeedback({ tone: 'error', text: describeSiteError(result.error) });
      }
    });
  };

  const onRevoke = async (origin: string) => {
    setBusy(true);
    setFeedback(undefined);
    const result = await revokeAutoScan(origin);
    setBusy(false);
    setFeedback(
      result.ok
        ? { tone: 'success', text: `${origin} is no longer scanned automatically.` }
        : { tone: 'error', text: describeSiteError(result.error) },
    );
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Automatic scanning</h2>
      <p class="help">
        Elsewhere, Renewal Scout reads a page only when you click its toolbar button. On these sites
        it scans every page by itself and keeps the toolbar count up to date.
      </p>
      {settings.autoScanOrigins.length === 0 ? (
        <p class="empty" data-testid="no-sites">
          No sites yet.
        </p>
      ) : (
        <ul class="sites" aria-label="Sites scanned automatically">
          {settings.autoScanOrigins.map((origin) => (
            <li key={origin}>
              <span class="origin">{origin}</span>
              <button
                type="button"
                onClick={() => onRevoke(origin)}
                disabled={busy}
                aria-label={`Revoke automatic scanning on ${origin}`}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onGrant} noValidate class="inline-form">
        <label for="site-input">Add a site</label>
        <div class="row">
          <input
            id="site-input"
            name="site"
            type="text"
            inputMode="url"
            placeholder="helpdesk.example.com"
            spellcheck={false}
            autoComplete="off"
            value={input}
            aria-describedby="sites-error"
            onInput={(event) => setInput(event.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={busy}>
            Grant
          </button>
        </div>
      </form>
      <Feedback id="sites" state={feedback} />
    </section>
  );
}
