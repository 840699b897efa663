// Every error kind the background can answer with, as a sentence the user can act on.
import type { BackgroundError, BackgroundErrorKind } from '../messaging/results';

export interface ErrorSentence {
  title: string;
  advice: string;
}

const SENTENCES: Record<BackgroundErrorKind, ErrorSentence> = {
  'restricted-page': {
    title: 'This page can’t be scanned',
    advice: 'Browser pages (settings, new tab, other extensions) are off limits to extensions.',
  },
  'web-store': {
    title: 'Add-on stores can’t be scanned',
    advice: 'The browser protects its extension store from every extension.',
  },
  pdf: {
    title: 'PDF documents can’t be scanned',
    advice:
      'The browser’s PDF viewer has no page text to read. Open the ticket’s web page instead.',
  },
  'file-access': {
    title: 'Local files need your permission',
    advice:
      'Turn on “Allow access to file URLs” for Renewal Scout on the browser’s extensions page, then try again.',
  },
  'no-access': {
    title: 'No access to this tab yet',
    advice: 'Click the Renewal Scout toolbar button while this tab is showing, then try again.',
  },
  'tab-closed': {
    title: 'The tab was closed',
    advice: 'Open the page again and click the toolbar button.',
  },
  'injection-failed': {
    title: 'The page could not be scanned',
    advice: 'Reload the page and try again.',
  },
  'invalid-request': {
    title: 'Something went wrong inside Renewal Scout',
    advice: 'The popup and the background disagree. Reload the extension and try again.',
  },
  internal: {
    title: 'Something went wrong inside Renewal Scout',
    advice: 'Try again. If it keeps happening, the browser console has the details.',
  },
  'background-unavailable': {
    title: 'Renewal Scout is restarting',
    advice: 'Try again in a moment.',
  },
};

export function describeError(error: BackgroundError): ErrorSentence {
  return SENTENCES[error.kind];
}
