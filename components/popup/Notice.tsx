import type { ComponentChildren } from 'preact';
import type { BackgroundError } from '@/lib/messaging/results';
import { describeError } from '@/lib/popup/describe-error';
import { AlertIcon } from './icons';

interface NoticeProps {
  tone: 'warning' | 'error';
  title: string;
  children?: ComponentChildren;
  testId?: string;
}

export function Notice({ tone, title, children, testId }: NoticeProps) {
  return (
    <div
      class={`notice notice-${tone}`}
      role={tone === 'error' ? 'alert' : 'note'}
      data-testid={testId}
    >
      <AlertIcon />
      <div>
        <p class="notice-title">{title}</p>
        {children}
      </div>
    </div>
  );
}

export function ErrorNotice({ error, onRetry }: { error: BackgroundError; onRetry?: () => void }) {
  const { title, advice } = describeError(error);
  return (
    <Notice tone="error" title={title} testId={`error-${error.kind}`}>
      <p>{advice}</p>
      {onRetry && (
        <button type="button" class="link-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </Notice>
  );
}

export function TruncatedNotice() {
  return (
    <Notice tone="warning" title="Scan truncated" testId="truncated">
      <p>This page is very large, so only part of it was read. Some identifiers may be missing.</p>
    </Notice>
  );
}

/** The page has more distinct identifiers than one page may list (TabResults.capped). */
export function CappedNotice({ shown }: { shown: number }) {
  const first = shown.toLocaleString();
  return (
    <Notice tone="warning" title={`Showing the first ${first} of more`} testId="capped">
      <p>
        This page has more distinct identifiers than Renewal Scout lists at once. Only the first{' '}
        {first} are listed, highlighted and looked up.
      </p>
    </Notice>
  );
}

/** Some frame's report could not be accepted (TabResults.unreadable). */
export function UnreadableNotice({ partly, onRescan }: { partly: boolean; onRescan: () => void }) {
  return (
    <Notice tone="error" title="This page’s results could not be read" testId="unreadable">
      <p>
        {partly
          ? 'Part of this page sent results Renewal Scout could not accept, so identifiers may be missing.'
          : 'The page sent results Renewal Scout could not accept, so nothing can be listed.'}{' '}
        Scanning again often helps; reload the page if it does not.
      </p>
      <button type="button" class="link-button" onClick={onRescan}>
        Scan again
      </button>
    </Notice>
  );
}
