// The personal access token: written once, never shown again. The field is cleared after a
// save and the page only ever learns whether a token is saved.
import { useEffect, useState } from 'preact/hooks';
import { clearToken, describeTokenError, hasToken, setToken } from '@/lib/settings/token';
import { Feedback, type FeedbackState } from './Feedback';

export function TokenForm() {
  const [saved, setSaved] = useState<boolean>();
  const [value, setValue] = useState('');
  const [feedback, setFeedback] = useState<FeedbackState>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void hasToken().then(setSaved);
  }, []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await setToken(value);
    setBusy(false);
    if (result.ok) {
      setValue('');
      setSaved(true);
      setFeedback({
        tone: 'success',
        text: 'Token saved. It is stored encrypted and will not be shown again.',
      });
    } else {
      setFeedback({ tone: 'error', text: describeTokenError(result.error) });
    }
  };

  const onClear = async () => {
    setBusy(true);
    const result = await clearToken();
    setBusy(false);
    if (result.ok) {
      setSaved(false);
      setFeedback({ tone: 'success', text: 'Token cleared.' });
    } else {
      setFeedback({ tone: 'error', text: describeTokenError(result.error) });
    }
  };

  return (
    <form class="subform" onSubmit={onSubmit} noValidate aria-labelledby="token-heading">
      <h3 id="token-heading">Personal access token</h3>
      <p class="help" data-testid="token-state">
        {saved === undefined ? '' : saved ? 'A token is saved.' : 'No token is saved.'}
      </p>
      <label for="portal-token">{saved ? 'Replace the token' : 'Token'}</label>
      <input
        id="portal-token"
        name="portal-token"
        type="password"
        autoComplete="off"
        spellcheck={false}
        value={value}
        aria-describedby="token-help token-error"
        onInput={(event) => setValue(event.currentTarget.value)}
      />
      <p id="token-help" class="help">
        Paste a token created on the portal. It is kept encrypted in this browser, where web pages
        and the scripts Renewal Scout runs in them cannot read it.
      </p>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || value.trim() === ''}>
          Save token
        </button>
        <button type="button" onClick={onClear} disabled={busy || !saved}>
          Clear token
        </button>
      </div>
      <Feedback id="token" state={feedback} />
    </form>
  );
}
