// The one place the end-to-end tests read the content script's scanner figures: from the
// extension's isolated world in the page, where the frame's scout is kept (the slot of
// lib/scan/frame-guard.ts), as the benchmark reads `scout.scanner.stats` in its own world.
import type { Page } from 'playwright-core';
import type { ScanStats } from '../../../lib/scan/frame-scanner';

export interface ScannerFigures extends ScanStats {
  charsRead: number;
  nodesRead: number;
  truncated: boolean;
  firstScanDone: boolean;
}

const READ = `(() => {
  const scout = globalThis[Symbol.for('renewal-scout.frame-scout')];
  if (!scout) return null;
  const { stats, charsRead, nodesRead, truncated, firstScanDone } = scout.scanner;
  if (!stats) return null;
  return { ...stats, charsRead, nodesRead, truncated, firstScanDone };
})()`;

/** The main frame's scanner figures, or null while no scout runs there. */
export async function scannerFigures(page: Page): Promise<ScannerFigures | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const worlds: number[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string; frameId?: string } | undefined;
      if (
        aux?.type === 'isolated' &&
        aux.frameId === frameTree.frame.id &&
        context.origin.startsWith('chrome-extension://')
      ) {
        worlds.push(context.id);
      }
    });
    // Enabling reports the contexts that already exist.
    await cdp.send('Runtime.enable');
    for (const contextId of worlds) {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: READ,
        contextId,
        returnByValue: true,
      });
      if (result.value) return result.value as ScannerFigures;
    }
    return null;
  } finally {
    await cdp.detach();
  }
}
