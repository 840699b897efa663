// Results live as long as the documents that reported them. A tab that closes takes its
// results along. When a tab finishes loading (a navigation, a reload, or an SPA's pushState,
// which Chrome reports the same way and without a URL unless we hold a host permission),
// each reporting frame's document is asked whether it is still there: departed ones are
// dropped, so the badge clears on navigation but not on an in-page route change.
import { browser } from 'wxt/browser';
import type { ContentCommand } from '../messaging/content-protocol';
import { messageOf } from '../result';
import { aggregateTab } from './aggregate';
import { showIdentifierCount } from './badge';
import { highlightsEnabled } from './highlights';
import { forgetTabReports } from './report-assembly';
import type { FrameResults } from './tab-state';
import { forgetTab, readTab, updateTab } from './tab-store';

export function watchTabLifecycle(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTabReports(tabId);
    void forgetTab(tabId).catch((error) => console.error('Renewal Scout: forgetTab', error));
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'complete') return;
    void pruneDepartedFrames(tabId).catch((error) =>
      console.error('Renewal Scout: pruning departed frames', error),
    );
  });
}

export async function pruneDepartedFrames(tabId: number): Promise<void> {
  const tab = await readTab(tabId);
  if (tab === undefined) return;
  // The probe is a harmless command the content script understands: re-apply the setting.
  const probe: ContentCommand = { type: 'set-highlights', enabled: await highlightsEnabled() };
  const frames = Object.entries(tab.frames);
  const alive = await Promise.all(
    frames.map(([frameId, frame]) => documentStillThere(tabId, Number(frameId), frame, probe)),
  );
  const departed = frames.filter((_, index) => !alive[index]);
  if (departed.length === 0) return;

  const next = await updateTab(tabId, (current) => {
    const kept = { ...current.frames };
    for (const [frameId, frame] of departed) {
      // Only the report we probed: the frame may have sent a fresh one meanwhile.
      if (kept[frameId]?.reportedAt === frame.reportedAt) delete kept[frameId];
    }
    return { frames: kept };
  });
  const shown = aggregateTab(tabId, next);
  await showIdentifierCount(tabId, shown.identifiers.length, shown.capped);
}

const DEPARTED =
  /receiving end does not exist|could not establish connection|no frame with id|invalid document|no document with id/i;

async function documentStillThere(
  tabId: number,
  frameId: number,
  frame: FrameResults,
  probe: ContentCommand,
): Promise<boolean> {
  const target = frame.documentId === undefined ? { frameId } : { documentId: frame.documentId };
  try {
    await browser.tabs.sendMessage(tabId, probe, target);
    return true;
  } catch (error) {
    // "The message port closed before a response was received" means a listener heard it.
    return !DEPARTED.test(messageOf(error));
  }
}
