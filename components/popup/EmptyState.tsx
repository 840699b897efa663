// What the popup says when the page has none: what it looks for, so the user can tell a
// miss from a page that simply has no identifiers.
export function EmptyState() {
  return (
    <div class="empty" data-testid="empty-state">
      <h2 class="empty-title">No deployment IDs or serial numbers here</h2>
      <p>
        Renewal Scout looks for identifiers with a cue in front of them or a label beside them, for
        example:
      </p>
      <ul class="examples">
        <li>
          <code>Deployment ID 14181336</code>
        </li>
        <li>
          <code>S/N VS0164AB</code>
        </li>
        <li>
          a <em>Serial number</em> column or field
        </li>
      </ul>
      <p class="muted">Bare numbers are skipped: tickets and phones are full of them.</p>
    </div>
  );
}
