// How renewals added from the popup use support credits. Defaults to the options' choice;
// a change here applies to this popup only.
import type { CreditsOption } from '@/lib/messaging/portal-results';

const CHOICES: { value: CreditsOption; label: string }[] = [
  { value: 'organization', label: 'Link support credits to my organization' },
  { value: 'card', label: 'Create a support credit card for another organization' },
];

interface Props {
  value: CreditsOption;
  onChange: (value: CreditsOption) => void;
}

export function CreditsChoice({ value, onChange }: Props) {
  return (
    <fieldset class="credits" data-testid="credits-choice">
      <legend>Support credits for renewals</legend>
      {CHOICES.map((choice) => (
        <label class="radio" key={choice.value}>
          <input
            type="radio"
            name="credits"
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
