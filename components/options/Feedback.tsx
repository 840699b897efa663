// Save feedback for one form: a polite status after success, an alert for an error. Both live
// regions stay in the DOM so screen readers announce changes to them.

export type FeedbackState = { tone: 'success' | 'error'; text: string } | undefined;

export function Feedback({ state, id }: { state: FeedbackState; id: string }) {
  return (
    <>
      <p id={`${id}-status`} class="feedback feedback-success" role="status">
        {state?.tone === 'success' ? state.text : ''}
      </p>
      <p id={`${id}-error`} class="feedback feedback-error" role="alert">
        {state?.tone === 'error' ? state.text : ''}
      </p>
    </>
  );
}
