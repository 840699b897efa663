import { useState } from 'preact/hooks';
import { type Settings, updateSettings } from '@/lib/settings';
import { Feedback, type FeedbackState } from './Feedback';
import { RadioGroup } from './RadioGroup';
import { useDraft } from './use-settings';

export function PreferencesForm({ settings }: { settings: Settings }) {
  const { draft, setDraft } = useDraft({
    expiringSoonDays: String(settings.expiringSoonDays),
    creditsChoice: settings.creditsChoice,
    highlights: settings.highlights,
  });
  const [feedback, setFeedback] = useState<FeedbackState>();
  const [busy, setBusy] = useState(false);
  const days = /^\s*\d{1,3}\s*$/.test(draft.expiringSoonDays)
    ? Number(draft.expiringSoonDays)
    : Number.NaN;
  const daysValid = Number.isInteger(days) && days >= 1 && days <= 365;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!daysValid) {
      setFeedback({
        tone: 'error',
        text: 'Not saved: enter a whole number of days from 1 to 365.',
      });
      return;
    }
    setBusy(true);
    const result = await updateSettings({
      expiringSoonDays: days,
      creditsChoice: draft.creditsChoice,
      highlights: draft.highlights,
    });
    setBusy(false);
    setFeedback(
      result.ok
        ? { tone: 'success', text: 'Preferences saved.' }
        : {
            tone: 'error',
            text:
              result.error.kind === 'storage-failed'
                ? `Not saved: the browser's extension storage failed (${result.error.detail}).`
                : 'Not saved: some values were not accepted.',
          },
    );
  };

  return (
    <section aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">Preferences</h2>
      <form onSubmit={onSubmit} noValidate>
        <label for="expiring-days">Expiring soon threshold (days)</label>
        <input
          id="expiring-days"
          name="expiring-days"
          type="number"
          min={1}
          max={365}
          step={1}
          required
          class="short"
          value={draft.expiringSoonDays}
          aria-invalid={!daysValid}
          aria-describedby="expiring-days-help preferences-error"
          onInput={(event) => setDraft({ ...draft, expiringSoonDays: event.currentTarget.value })}
        />
        <p id="expiring-days-help" class="help">
          Support that ends within this many days is marked as expiring soon (1 to 365).
        </p>

        <RadioGroup
          legend="Support credits, by default"
          name="credits"
          value={draft.creditsChoice}
          choices={[
            { value: 'organization', label: 'Link support credits to my organization' },
            { value: 'card', label: 'Create a support credit card for another organization' },
          ]}
          onChange={(creditsChoice) => setDraft({ ...draft, creditsChoice })}
        />

        <label class="choice">
          <input
            type="checkbox"
            name="highlights"
            checked={draft.highlights}
            onChange={(event) => setDraft({ ...draft, highlights: event.currentTarget.checked })}
          />
          Highlight identifiers on pages
        </label>

        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save preferences'}
          </button>
        </div>
        <Feedback id="preferences" state={feedback} />
      </form>
    </section>
  );
}
