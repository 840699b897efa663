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
