// What the benchmark and the probe share: the in-world bundle, isolated worlds made through
// CDP (the kind of world a content script runs in), and fresh, settled copies of a page.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM, HEADLESS_CHROMIUM_ARGS } from '../test/e2e/support/extension';
import { serveDirectory } from '../test/e2e/support/static-server';

/** Headless Chromium and a loopback server for the generated pages. */
export interface Bench {
  browser: Browser;
  /** Writes a page where the server serves it; returns its URL. */
  serve(name: string, html: string): string;
  close(): Promise<void>;
}

/** `jsFlags`: V8 flags for the renderers (`--js-flags`), for probes that need them. */
export async function startBench(options: { jsFlags?: string } = {}): Promise<Bench> {
  const dir = mkdtempSync(join(tmpdir(), 'renewal-scout-bench-'));
  const server = await serveDirectory(dir);
  const removeAll = async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: false, // `--headless=new` in the args
      args: [
        ...HEADLESS_CHROMIUM_ARGS,
        ...(options.jsFlags ? [`--js-flags=${options.jsFlags}`] : []),
      ],
    });
  } catch (error) {
    await removeAll();
    throw error;
  }
  return {
    browser,
    serve(name, html) {
      writeFileSync(join(dir, name), html);
      return `${server.url}/${name}`;
    },
    async close() {
      await browser.close();
      await removeAll();
    },
  };
}

export async function bundleInWorld(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, 'in-world.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    minify: true,
    // The scanner's figures, left out of the production build, are what the benchmarks read.
    define: { __SCAN_STATS__: 'true' },
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

export class World {
  private static count = 0;
  private constructor(
    private readonly cdp: CDPSession,
    readonly contextId: number,
  ) {}

  /** A fresh isolated world in the page's main frame, with the bench bundle loaded. */
  static async create(cdp: CDPSession, bundle: string): Promise<World> {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: `renewal-scout-bench-${World.count++}`,
    });
    const world = new World(cdp, executionContextId);
    await world.evaluate(bundle);
    return world;
  }

  async evaluate<T>(expression: string): Promise<T> {
    const result = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: this.contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails) {
      throw new Error(
        `in-world: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`,
      );
    }
    return result.result.value as T;
  }

  call<T>(fn: string, ...args: unknown[]): Promise<T> {
    return this.evaluate<T>(`__scoutBench.${fn}(${args.map((a) => JSON.stringify(a)).join(',')})`);
  }
}

/**
 * Waits until a freshly loaded copy has rendered and gone quiet: its first frames and
 * post-load work would otherwise land inside whatever is measured first.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  await page.waitForTimeout(500);
}

/** One copy of the page in a renderer process of its own. */
export interface Copy {
  page: Page;
  cdp: CDPSession;
  /** Closes the copy's browser context, and with it its renderer process. */
  close(): Promise<void>;
}

/**
 * A fresh copy of the page, settled, with its long tasks and long frames observed. Each copy
 * gets a browser context of its own, so a renderer process of its own: copies loaded one
 * after another in one tab share a process, and V8 sizes its young generation and its heap
 * limits from what the earlier copies allocated, which made later copies' scavenges far
 * longer. `beforeLoad` runs on the copy's CDP session before it navigates.
 */
export async function open(
  browser: Browser,
  url: string,
  beforeLoad?: (cdp: CDPSession) => Promise<void>,
): Promise<Copy> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await beforeLoad?.(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
  // Long tasks from any world show up in the page's performance timeline. Long animation
  // frames add what the longtask entries leave out: style, layout and paint of a frame (a
  // highlight change or a stylesheet adoption costs the page there, not in our script).
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __longFrames: number[] };
    w.__longTasks = [];
    w.__longFrames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longFrames.push(e.duration);
    }).observe({ type: 'long-animation-frame' });
  });
  await settle(page);
  return { page, cdp, close: () => context.close() };
}

/** The durations of the long tasks the copy saw since it opened or since the last call. */
export const longTasks = (page: Page): Promise<number[]> =>
  page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));

/** The same for long animation frames. */
export const longFrames = (page: Page): Promise<number[]> =>
  page.evaluate(() => (window as unknown as { __longFrames: number[] }).__longFrames.splice(0));
