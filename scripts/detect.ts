// Runs the identifier detector over HTML files: one JSON line per file, in the order given.
// Usage: npm run --silent detect -- FILE...
// Pages are parsed, never run: no page script, stylesheet, image or frame is loaded. A file
// that cannot be read is named on stderr, the rest are still processed, and the exit status
// is 2 at the end.

import { readFile } from 'node:fs/promises';
import { Window } from 'happy-dom';
import type { Identifier } from '../lib/identifiers';
import { detectIdentifiers } from '../lib/identifiers';
import { messageOf } from '../lib/result';

const PARSE_ONLY = {
  enableJavaScriptEvaluation: false,
  disableJavaScriptFileLoading: true,
  enableCSSFileLoading: false,
  enableImageFileLoading: false,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
  handleDisabledFileLoadingAsSuccess: true,
  suppressInsecureJavaScriptEnvironmentWarning: true,
  navigation: {
    disableMainFrameNavigation: true,
    disableChildFrameNavigation: true,
    disableChildPageNavigation: true,
    disableFallbackToSetURL: true,
  },
};

function reasonOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    const reasons: Record<string, string> = {
      ENOENT: 'no such file',
      EACCES: 'permission denied',
      EISDIR: 'is a directory',
      ENOTDIR: 'a parent is not a directory',
    };
    return reasons[code] ?? `${code}: ${messageOf(error)}`;
  }
  return messageOf(error);
}

/** The page's distinct identifiers, in order of first appearance. */
function identifiersIn(window: Window, html: string): Identifier[] {
  const parser = new window.DOMParser();
  const document = parser.parseFromString(html, 'text/html');
  return detectIdentifiers(document as unknown as Document).map(({ kind, value }) => ({
    kind,
    value,
  }));
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent detect -- FILE...\n');
    return 2;
  }
  const window = new Window({ settings: PARSE_ONLY });
  let failed = false;
  try {
    for (const file of files) {
      let html: string;
      try {
        html = await readFile(file, 'utf8');
      } catch (error) {
        process.stderr.write(`detect: cannot read ${file}: ${reasonOf(error)}\n`);
        failed = true;
        continue;
      }
      try {
        const identifiers = identifiersIn(window, html);
        process.stdout.write(`${JSON.stringify({ file, identifiers })}\n`);
      } catch (error) {
        process.stderr.write(`detect: cannot scan ${file}: ${reasonOf(error)}\n`);
        failed = true;
      }
    }
  } finally {
    await window.happyDOM.close();
  }
  return failed ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`detect: ${reasonOf(error)}\n`);
    process.exitCode = 2;
  },
);
