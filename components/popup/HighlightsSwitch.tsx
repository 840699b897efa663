import { useHighlights, useSetHighlights } from '@/lib/popup/queries';

export function HighlightsSwitch() {
  const current = useHighlights();
  const change = useSetHighlights();
  const known = current.data?.ok ? current.data.value.enabled : undefined;
  const enabled = change.isPending ? change.variables : known;
  const failed = change.data?.ok === false;

  return (
    <div class="switch-row">
      <button
        type="button"
        role="switch"
        id="highlights-switch"
        class="switch"
        aria-checked={enabled === true}
        aria-describedby={failed ? 'highlights-error' : undefined}
        disabled={enabled === undefined}
        onClick={() => change.mutate(!enabled)}
      >
        <span class="switch-track" aria-hidden="true">
          <span class="switch-thumb" />
        </span>
        <span class="switch-label">Highlight on page</span>
      </button>
      {failed && (
        <span id="highlights-error" class="switch-error">
          Not saved
        </span>
      )}
    </div>
  );
}
