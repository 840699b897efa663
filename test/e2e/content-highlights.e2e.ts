// The content script in real Chromium: injected the way the popup injects it, it finds the
// identifiers of every frame (shadow roots, split text, an iframe), paints them with the CSS
// Custom Highlight API, keeps up with added text, and leaves the page's DOM byte for byte as
// it was — while highlighting and after highlights are switched off.
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LaunchedExtension, launchExtension } from './support/extension';
import { type StaticServer, serveDirectory } from './support/static-server';

let ext: LaunchedExtension;
let server: StaticServer;

beforeAll(async () => {
  ext = await launchExtension();
  server = await serveDirectory(resolve('test/fixtures/pages'));
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

// `chrome` of the extension's service worker, as far as these tests use it.
type Chrome = {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  scripting: {
    executeScript(injection: {
      target: { tabId: number; allFrames?: boolean };
      files?: string[];
      func?: () => unknown;
    }): Promise<{ frameId: number; result?: unknown }[]>;
  };
};
declare const chrome: Chrome;

async function openFixture(name: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  const url = `${server.url}/${name}`;
  await page.goto(url);
  const tabId = await ext.background.evaluate(
    async (u) => (await chrome.tabs.query({ url: u }))[0]?.id,
    url,
  );
  if (tabId === undefined) throw new Error(`no tab for ${url}`);
  return { page, tabId };
}

function inject(tabId: number): Promise<number> {
  return ext.background.evaluate(
    async (id) =>
      (
        await chrome.scripting.executeScript({
          target: { tabId: id, allFrames: true },
          files: ['/content-scripts/content.js'],
        })
      ).length,
    tabId,
  );
}

/** The DOM as the page sees it: the document's markup plus every open shadow root's. */
function serialize(frame: Page | Frame): Promise<string> {
  return frame.evaluate(() => {
    const parts = [document.documentElement.outerHTML];
    for (const el of document.querySelectorAll('*')) {
      if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
    }
    return parts.join('\n<!-- shadow root -->\n');
  });
}

/** What each highlight paints, as text, read from the page's own world. */
function highlighted(frame: Page | Frame): Promise<Record<string, string[]>> {
  return frame.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const kind of ['deployment', 'serial']) {
      const highlight = CSS.highlights.get(`renewal-scout-${kind}`);
      out[kind] = [...(highlight ?? [])]
        .map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        })
        .sort();
    }
    return out;
  });
}

function adoptedSheets(page: Page): Promise<{ document: number; shadow: number }> {
  return page.evaluate(() => ({
    document: document.adoptedStyleSheets.length,
    shadow: document.querySelector('scout-card')?.shadowRoot?.adoptedStyleSheets.length ?? -1,
  }));
}

const command = (tabId: number, enabled: boolean) =>
  ext.background.evaluate(
    ([id, on]) => chrome.tabs.sendMessage(id, { type: 'set-highlights', enabled: on }),
    [tabId, enabled] as const,
  );

describe('content script', () => {
  test('highlights every frame’s identifiers and leaves the DOM exactly as it was', async () => {
    const { page, tabId } = await openFixture('content-ticket.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const iframe = page.frames().find((f) => f.url().endsWith('content-frame.html'));
    if (!iframe) throw new Error('the fixture iframe did not load');
    const before = await serialize(page);
    const frameBefore = await serialize(iframe);

    expect(await inject(tabId)).toBe(2); // the page and its iframe
    await expect
      .poll(() => highlighted(page))
      .toEqual({
        deployment: ['14181336', '85922823'],
        serial: ['PBX77A1-0042', 'XK2291-77'],
      });
    await expect
      .poll(() => highlighted(iframe))
      .toEqual({ deployment: [], serial: ['FR4M3-0099'] });
    // Each frame reported to the background (native messaging, no polyfill): 5 distinct.
    await expect
      .poll(() => ext.background.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe('5');
    // Colours come from adopted sheets, in the document and in the shadow root.
    expect(await adoptedSheets(page)).toEqual({ document: 1, shadow: 1 });

    expect(await serialize(page)).toBe(before);
    expect(await serialize(iframe)).toBe(frameBefore);

    await command(tabId, false);
    await expect.poll(() => highlighted(page)).toEqual({ deployment: [], serial: [] });
    await expect.poll(() => highlighted(iframe)).toEqual({ deployment: [], serial: [] });
    // The (inert) sheet stays: dropping it would restyle the whole page for nothing.
    expect(await adoptedSheets(page)).toEqual({ document: 1, shadow: 1 });
    expect(await serialize(page)).toBe(before);
    expect(await serialize(iframe)).toBe(frameBefore);

    await command(tabId, true);
    await expect.poll(async () => (await highlighted(page)).serial).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('keeps up with a comment added after the scan, and with removed text', async () => {
    const { page, tabId } = await openFixture('content-ticket.html');
    await inject(tabId);
    await expect.poll(async () => (await highlighted(page)).deployment).toHaveLength(2);

    await page.evaluate(() => {
      const comment = document.createElement('div');
      comment.className = 'comment';
      comment.innerHTML = '<p>Moved to <span>deployment</span> 30000007 tonight.</p>';
      document.querySelector('#thread')?.append(comment);
    });
    await expect
      .poll(async () => (await highlighted(page)).deployment)
      .toEqual(['14181336', '30000007', '85922823']);

    await page.evaluate(() => document.querySelector('#thread .comment')?.remove());
    await expect
      .poll(async () => (await highlighted(page)).deployment)
      .toEqual(['14181336', '30000007']);
    await page.close();
  });

  test('a repeat injection reuses the running scout instead of starting another', async () => {
    const { page, tabId } = await openFixture('content-ticket.html');
    await inject(tabId);
    await expect.poll(async () => (await highlighted(page)).serial).toHaveLength(2);
    // A func injection runs in the same isolated world as the content script: tag the scout.
    const tagScout = () =>
      ext.background.evaluate(
        async (id) =>
          (
            await chrome.scripting.executeScript({
              target: { tabId: id },
              func: () => {
                const slot = globalThis as unknown as Record<symbol, { e2eTag?: string }>;
                const scout = slot[Symbol.for('renewal-scout.frame-scout')];
                if (!scout) return 'none';
                scout.e2eTag ??= Math.random().toString(36).slice(2);
                return scout.e2eTag;
              },
            })
          )[0]?.result,
        tabId,
      );
    const first = await tagScout();
    expect(first).not.toBe('none');
    await inject(tabId);
    await inject(tabId);
    expect(await tagScout()).toBe(first);
    expect(await highlighted(page)).toEqual({
      deployment: ['14181336', '85922823'],
      serial: ['PBX77A1-0042', 'XK2291-77'],
    });
    await page.close();
  });
});
