// Every error a portal message can answer with, as a sentence the user can act on, plus
// what the popup can offer next: Retry, the portal's sign-in page, or the options page.
import type { PortalServiceError } from '../messaging/portal-results';
import { describeError, type ErrorSentence } from './describe-error';

export interface PortalErrorSentence extends ErrorSentence {
  /** Trying the same thing again later may work. */
  retry: boolean;
  /**
   * `sign-in`: open the portal's sign-in page. `options`: the fix is in the options page.
   * `check-cart`: read the cart again to see whether a write happened.
   */
  action?: 'sign-in' | 'options' | 'check-cart';
}

export function describePortalServiceError(
  error: PortalServiceError,
  now: number = Date.now(),
): PortalErrorSentence {
  switch (error.kind) {
    case 'signed-out':
      return {
        title:
          error.reason === 'sign-in-page'
            ? 'Your portal session has expired'
            : 'You are signed out of the portal',
        advice: 'Sign in to the portal, or set a personal access token in the options.',
        retry: true,
        action: 'sign-in',
      };
    case 'forbidden':
      return {
        title: 'The portal refused the request',
        advice:
          'It does not accept requests from this extension with your portal session. Use a personal access token in the options, or ask the portal’s administrator to allow Renewal Scout.',
        retry: false,
        action: 'options',
      };
    case 'not-found':
      return {
        title: 'Not known to the portal',
        advice:
          'The portal has no such deployment, or it belongs to an organization you cannot see.',
        retry: false,
      };
    case 'invalid-request':
      // From the portal (it has a status) or from the messaging layer (a popup bug).
      if (!('status' in error)) return { ...describeError(error), retry: false };
      if (error.requiredQuantity !== undefined) {
        return {
          title: 'More years are needed',
          advice: `The portal needs at least ${error.requiredQuantity} one-year packages to bring this deployment up to date.`,
          retry: false,
        };
      }
      if (error.maxQuantity !== undefined) {
        return {
          title: 'Too many years',
          advice: `One renewal can carry at most ${error.maxQuantity} one-year packages.`,
          retry: false,
        };
      }
      return {
        title: 'The portal rejected the request',
        advice: error.detail ?? 'It did not say why. Reload the page and try again.',
        retry: false,
      };
    case 'rate-limited': {
      const seconds = Math.max(1, Math.ceil((error.retryAt - now) / 1000));
      return {
        title: 'Too many requests to the portal',
        advice: `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        retry: true,
      };
    }
    case 'portal-unavailable':
      return {
        title:
          error.cause === 'timeout'
            ? 'The portal did not answer in time'
            : error.cause === 'network'
              ? 'The portal cannot be reached'
              : 'The portal is having trouble',
        advice:
          error.cause === 'network'
            ? 'Check your connection and the portal address in the options, then try again.'
            : 'Nothing was lost. Try again in a moment.',
        retry: true,
      };
    case 'unexpected-response':
      return {
        title: 'The portal’s answer was not understood',
        advice: 'Try again; if it keeps happening, the portal may have changed.',
        retry: true,
      };
    case 'cancelled':
      return {
        title: 'The request was cancelled',
        advice: 'It stopped before the portal answered. Try again.',
        retry: true,
      };
    case 'outcome-unknown':
      return error.operation === 'add-renewal'
        ? {
            title: 'The portal did not confirm the renewal',
            advice:
              'Its answer was lost and the cart could not be read, so the renewal may or may not be in the cart. Check the cart; adding it again never makes a second line.',
            retry: true,
            action: 'check-cart',
          }
        : {
            title: 'The portal did not confirm the removal',
            advice:
              'Its answer was lost and the cart could not be read, so the line may or may not still be there. Check the cart.',
            retry: false,
            action: 'check-cart',
          };
    case 'not-configured':
      return error.reason === 'no-token'
        ? {
            title: 'No access token saved',
            advice:
              'Paste your personal access token in the options, or choose the portal session as the sign-in method.',
            retry: false,
            action: 'options',
          }
        : {
            title: 'The saved access token cannot be read',
            advice: 'Paste your personal access token again in the options.',
            retry: false,
            action: 'options',
          };
    case 'no-permission':
      return {
        title: 'Renewal Scout may not reach the portal',
        advice: `Allow access to ${error.origin} in the options.`,
        retry: false,
        action: 'options',
      };
    default:
      return { ...describeError(error), retry: true };
  }
}
