// The detector's two walkers on DOM that only a real browser builds: a form whose control is
// named "localName" replaces the form's own `localName` with that control (happy-dom does not
// do this), so a walker that trusted the property would read the form as inline text.
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, HEADLESS_CHROMIUM_ARGS } from './support/extension';

const ROOT = resolve(import.meta.dirname, '../..');

/** Both walkers bundled for the page, reporting each run's non-blank text. */
async function bundleWalkers(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { createOwnRunWalker } from './lib/identifiers/own-run-walker';
        import { createRunWalker } from './lib/identifiers/run-walker';
        const texts = (walker) => {
          const out = [];
          for (let run = walker.next(); run; run = walker.next()) {
            if (run.text.trim()) out.push(run.text);
          }
          return out;
        };
        globalThis.walkers = {
          own: (el) => texts(createOwnRunWalker(el)),
          whole: (el) => texts(createRunWalker(el)),
        };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: false, // `--headless=new` in the args
    args: [...HEADLESS_CHROMIUM_ARGS],
  });
  page = await browser.newPage();
  await page.setContent(
    `<div id="feed">Deployment ID <form><input name="localName"><span>14181336</span></form> tail</div>`,
  );
  await page.addScriptTag({ content: await bundleWalkers() });
});
afterAll(async () => {
  await browser?.close();
});

type Walkers = { own(el: Element): string[]; whole(el: Element): string[] };

describe('walkers on a form that clobbers its localName, in Chromium', () => {
  test('the page really clobbers it', async () => {
    const clobbered = await page.evaluate(
      () => typeof (document.querySelector('form') as HTMLFormElement).localName,
    );
    expect(clobbered).toBe('object');
  });

  test('the own-run walker leaves the form out as a nested block, as the whole walk does', async () => {
    const { own, whole } = await page.evaluate(() => {
      const { walkers } = globalThis as unknown as { walkers: Walkers };
      const feed = document.querySelector('#feed') as Element;
      return { own: walkers.own(feed), whole: walkers.whole(feed) };
    });
    expect(own).toEqual(['Deployment ID ', ' tail']);
    expect(whole).toContain('14181336');
    expect(whole).not.toContain('Deployment ID 14181336 tail');
  });
});
