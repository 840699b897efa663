import type { TargetTab } from '@/lib/popup/target-tab';
import { Notice } from './Notice';
import { PopupHeader } from './PopupHeader';

const SENTENCES = {
  'bad-tab-id': 'The address names no tab: its tabId must be a whole number.',
  'no-active-tab': 'There is no tab to show in this window.',
} as const;

export function TargetError({ reason }: { reason: Extract<TargetTab, { ok: false }>['reason'] }) {
  return (
    <div class="popup">
      <PopupHeader />
      <main class="content">
        <Notice tone="error" title="Nothing to show" testId={`target-${reason}`}>
          <p>{SENTENCES[reason]}</p>
        </Notice>
      </main>
    </div>
  );
}
