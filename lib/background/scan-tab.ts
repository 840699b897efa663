// On-demand scanning: the popup opened on a tab, which grants `activeTab`, so the content
// script can be injected into every frame of that page without any host permission. The
// frames then report through the ordinary `detections` message.
import { browser } from 'wxt/browser';
import type { BackgroundError, Result, ScanStarted } from '../messaging/results';
import { messageOf } from '../result';
import { CONTENT_SCRIPT_FILE } from '../sites/registration';
import { classifyScanError } from './scan-errors';

export async function scanTab(tabId: number): Promise<Result<ScanStarted, BackgroundError>> {
  try {
    // A first, tiny injection into the top frame tells the PDF viewer (which may accept a
    // script but has no page text) from a page, and fails fast where nothing may be injected.
    const [top] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => document.contentType,
    });
    if (top?.result === 'application/pdf') {
      return {
        ok: false,
        error: { kind: 'pdf', detail: 'document.contentType is application/pdf' },
      };
    }
    const injected = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: [`/${CONTENT_SCRIPT_FILE}` as const],
    });
    return { ok: true, value: { frames: injected.length } };
  } catch (error) {
    const detail = messageOf(error);
    const kind = classifyScanError(detail, await tabUrl(tabId));
    return { ok: false, error: { kind, detail } };
  }
}

/** The tab's URL, when this extension may see it (activeTab or a host permission). */
async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined;
  }
}
