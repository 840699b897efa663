import type { Result } from '../result';
import { describeSiteOriginError, type SiteOriginError } from './origin';

export type SiteError =
  | { kind: 'invalid-site'; reason: SiteOriginError }
  /** The user said no in the browser's permission prompt. */
  | { kind: 'permission-denied'; origin: string }
  /** The browser refused to ask (e.g. not called from a click). */
  | { kind: 'permission-failed'; origin: string; detail: string }
  | { kind: 'registration-failed'; origin: string; detail: string }
  | { kind: 'settings-failed'; origin: string; detail: string };

export type SiteResult = Result<string, SiteError>;

export function describeSiteError(error: SiteError): string {
  switch (error.kind) {
    case 'invalid-site':
      return describeSiteOriginError(error.reason);
    case 'permission-denied':
      return `Permission to read ${error.origin} was not given, so it will not be scanned automatically. Try again and choose Allow.`;
    case 'permission-failed':
      return `The browser would not ask for access to ${error.origin} (${error.detail}).`;
    case 'registration-failed':
      return `Automatic scanning could not be set up for ${error.origin} (${error.detail}).`;
    case 'settings-failed':
      return `The change for ${error.origin} could not be saved (${error.detail}).`;
  }
}
