// A portal error as a sentence with what the user can do next: sign in, open the options,
// check the cart (a write the portal did not confirm either way), or try again. Signed out (including a session that expired into an HTML sign-in page)
// offers both ways in: the portal's own sign-in page, and the token option.
import type { PortalServiceError } from '@/lib/messaging/portal-results';
import { describePortalServiceError } from '@/lib/popup/describe-portal-error';
import { openOptions, openPortalPage, useCheckCart } from '@/lib/popup/portal-queries';
import { AlertIcon } from './icons';

interface Props {
  error: PortalServiceError;
  onRetry?: () => void;
  retrying?: boolean;
  /** A smaller notice inside a row. */
  inline?: boolean;
}

export function PortalErrorNotice({ error, onRetry, retrying = false, inline = false }: Props) {
  const sentence = describePortalServiceError(error);
  const signIn = sentence.action === 'sign-in';
  const checkCart = useCheckCart();
  return (
    <div
      class={`notice notice-error${inline ? ' notice-inline' : ''}`}
      role="alert"
      data-testid={signIn ? 'signed-out' : `portal-error-${error.kind}`}
    >
      {!inline && <AlertIcon />}
      <div class="notice-body">
        <p class="notice-title">{sentence.title}</p>
        <p>{sentence.advice}</p>
        <div class="notice-actions">
          {signIn && (
            <button
              type="button"
              class="button button-primary"
              onClick={() => void openPortalPage('signin')}
            >
              Sign in to the portal
            </button>
          )}
          {sentence.action === 'options' && (
            <button type="button" class="button" onClick={() => void openOptions()}>
              Open options
            </button>
          )}
          {sentence.action === 'check-cart' && (
            <button
              type="button"
              class="button button-primary"
              onClick={() => checkCart.mutate()}
              disabled={checkCart.isPending}
            >
              {checkCart.isPending ? 'Checking…' : 'Check the cart'}
            </button>
          )}
          {sentence.retry && onRetry && (
            <button type="button" class="button" onClick={onRetry} disabled={retrying}>
              {retrying ? 'Trying…' : 'Try again'}
            </button>
          )}
        </div>
        {signIn && (
          <p class="notice-aside">
            Or{' '}
            <button type="button" class="link-button" onClick={() => void openOptions()}>
              use a personal access token
            </button>{' '}
            in the options.
          </p>
        )}
      </div>
    </div>
  );
}
