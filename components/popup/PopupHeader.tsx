import { PopOutIcon, ScoutMark } from './icons';

interface Props {
  pageUrl?: string;
  /** Offered in the toolbar popup; the popped-out window is already its own window. */
  onPopOut?: () => void;
}

export function PopupHeader({ pageUrl, onPopOut }: Props) {
  return (
    <header class="header">
      <ScoutMark />
      <div class="header-text">
        <h1 class="title">Renewal Scout</h1>
        {pageUrl && (
          <p class="page" title={pageUrl}>
            {hostOf(pageUrl)}
          </p>
        )}
      </div>
      {onPopOut && (
        <button
          type="button"
          class="icon-button"
          onClick={onPopOut}
          aria-label="Open in its own window"
          title="Open in its own window"
        >
          <PopOutIcon />
        </button>
      )}
    </header>
  );
}

function hostOf(url: string): string {
  try {
    const { host, protocol } = new URL(url);
    return host || protocol.replace(/:$/, '');
  } catch {
    return url;
  }
}
