import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import {
  describePortalConnectionError,
  hasPortalAccess,
  savePortalConnection,
} from '@/lib/settings/portal-connection';
import { Feedback, type FeedbackState } from './Feedback';
import { RadioGroup } from './RadioGroup';
import { TokenForm } from './TokenForm';
import { useDraft } from './use-settings';

export function PortalForm({ settings }: { settings: Settings }) {
  const { draft, setDraft } = useDraft({
    baseUrl: settings.portalBaseUrl,
    signInMethod: settings.signInMethod,
  });
  const [feedback, setFeedback] = useState<FeedbackState>();
  const [busy, setBusy] = useState(false);
  const [access, setAccess] = useState<boolean>();

  useEffect(() => {
    let live = true;
    hasPortalAccess(settings.portalBaseUrl).then(
      (granted) => live && setAccess(granted),
      () => live && setAccess(undefined),
    );
    return () => {
      live = false;
    };
  }, [settings.portalBaseUrl, feedback]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    // First thing in the handler: the access request needs the user's gesture.
    const pending = savePortalConnection(draft);
    setBusy(true);
    setFeedback(undefined);
    void pending.then((result) => {
      setBusy(false);
      setFeedback(
        result.ok
          ? {
              tone: 'success',
              text: `Saved. Renewal Scout will use ${result.value.portalBaseUrl}.`,
            }
          : { tone: 'error', text: describePortalConnectionError(result.error) },
      );
    });
  };

  return (
    <section aria-labelledby="portal-heading">
      <h2 id="portal-heading">Partner portal</h2>
      <form onSubmit={onSubmit} noValidate>
        <label for="portal-url">Portal address</label>
        <input
          id="portal-url"
          name="portal-url"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          value={draft.baseUrl}
          aria-describedby="portal-url-help portal-error"
          onInput={(event) => setDraft({ ...draft, baseUrl: event.currentTarget.value })}
        />
        {access === false && (
          <p class="warning" data-testid="portal-access-missing">
            Renewal Scout cannot reach {settings.portalBaseUrl} yet: save to give it access.
          </p>
        )}
        <p id="portal-url-help" class="help">
          Saving asks your browser for access to this site only, so Renewal Scout can look up
          support status and fill your cart there. It gets no access to any other site.
        </p>

        <RadioGroup
          legend="Sign in with"
          name="sign-in"
          value={draft.signInMethod}
          choices={[
            { value: 'session', label: "My portal session (sign in on the portal's own page)" },
            { value: 'token', label: 'A personal access token' },
          ]}
          onChange={(signInMethod) => setDraft({ ...draft, signInMethod })}
        />

        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save portal settings'}
          </button>
        </div>
        <Feedback id="portal" state={feedback} />
      </form>
      {(draft.signInMethod === 'token' || settings.signInMethod === 'token') && <TokenForm />}
    </section>
  );
}
