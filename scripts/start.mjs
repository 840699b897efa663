// `npm start`: builds the extension, serves the demo pages on 127.0.0.1 and opens Chromium
// with the extension loaded. With a display (DISPLAY set) the browser stays open until
// Ctrl-C. Without one it runs the tour headless: opens a demo ticket, scans it, opens the
// popup's view for that tab, saves screenshots under .output/demo/ and exits.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDemoPages } from './demo-server.mjs';
import { ensureChromium, ensureDependencies, run } from './ensure.mjs';

ensureDependencies();
const chromiumPath = ensureChromium();
const headed = Boolean(process.env.DISPLAY);

// Headed, the user clicks the toolbar button, which grants `activeTab`: the shipped build.
// Headless nobody can click, so the tour uses the e2e build, whose only difference is host
// access to 127.0.0.1 (where the demo pages are served).
const [buildScript, extensionDir] = headed
  ? ['build', '.output/chrome-mv3']
  : ['build:e2e', '.output/chrome-mv3-e2e'];
console.log(`» Building the extension (npm run ${buildScript})…`);
if (run('npm', ['run', '--silent', buildScript]) !== 0) {
  console.error('The build failed: see the messages above.');
  process.exit(1);
}

const { chromium } = await import('playwright-core');
const pages = await serveDemoPages('demo/pages');
const profile = mkdtempSync(join(tmpdir(), 'renewal-scout-demo-'));
const context = await launchChromium().catch(async (error) => {
  console.error(
    headed
      ? `Chromium did not start on display ${process.env.DISPLAY}: ${error.message}\nUnset DISPLAY to run the headless tour instead.`
      : `Chromium did not start: ${error.message}`,
  );
  await pages.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(1);
});

async function launchChromium() {
  return await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: false, // `--headless=new` below when there is no display: it loads extensions
    viewport: headed ? null : { width: 1280, height: 860 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${resolve(extensionDir)}`,
      `--load-extension=${resolve(extensionDir)}`,
      ...(headed ? [] : ['--headless=new', '--disable-gpu']),
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  });
}

const worker =
  context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
const extensionId = new URL(worker.url()).host;

async function shutdown(code) {
  await context.close().catch(() => undefined);
  await pages.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(code);
}

if (headed) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${pages.url}/index.html`);
  console.log(`
Renewal Scout is loaded in Chromium (extension id ${extensionId}).
Demo pages: ${pages.url}/index.html
Open a ticket and click the Renewal Scout button in the toolbar (pin it from the puzzle icon).
Press Ctrl-C here to stop.`);
  process.on('SIGINT', () => void shutdown(0));
  context.on('close', () => void shutdown(0));
} else {
  try {
    const shots = await headlessTour();
    console.log('\nScreenshots:');
    for (const shot of shots) console.log(`  ${shot}`);
    await shutdown(0);
  } catch (error) {
    console.error('The headless demo failed:', error);
    await shutdown(1);
  }
}

async function headlessTour() {
  const outDir = resolve('.output/demo');
  mkdirSync(outDir, { recursive: true });
  const ticketUrl = `${pages.url}/ticket-482913.html`;
  console.log(`» Opening ${ticketUrl}`);
  const ticket = context.pages()[0] ?? (await context.newPage());
  await ticket.goto(ticketUrl);

  const tabs = await worker.evaluate(() => chrome.tabs.query({}));
  const tabId = tabs.find((tab) => tab.url === ticketUrl)?.id;
  if (tabId === undefined) throw new Error('could not find the ticket’s tab');

  // The popup's view for that tab, in a window of its own (as the pop-out button opens it),
  // so the ticket stays the active tab of its window. Opening it starts the scan.
  const popupUrl = `chrome-extension://${extensionId}/popup.html?tabId=${tabId}`;
  console.log(`» Opening the popup for tab ${tabId}`);
  const opened = context.waitForEvent('page', (page) => page.url() === popupUrl);
  await worker.evaluate(
    (url) => chrome.windows.create({ url, type: 'popup', width: 400, height: 600 }),
    popupUrl,
  );
  const popup = await opened;
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.locator('[data-testid="identifier"]').first().waitFor({ timeout: 15_000 });
  await popup.waitForTimeout(300); // the last frame's report and the highlight paint
  const found = await popup.locator('[data-testid="identifier"]').allTextContents();
  const badge = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  console.log(`  found ${found.length}: ${found.join(', ')} (badge "${badge}")`);

  const ticketShot = join(outDir, 'ticket-highlighted.png');
  const popupShot = join(outDir, 'popup.png');
  await ticket.bringToFront();
  await ticket.screenshot({ path: ticketShot });
  await popup.screenshot({ path: popupShot });
  const overviewShot = join(outDir, 'overview.png');
  await composeOverview(ticketShot, popupShot, overviewShot);
  return [ticketShot, popupShot, overviewShot];
}

// The two shots as the user sees them: the popup open over the ticket, under the toolbar.
async function composeOverview(ticketShot, popupShot, target) {
  const dataUrl = (file) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;
  const canvas = await context.newPage();
  await canvas.setViewportSize({ width: 1280, height: 860 });
  await canvas.setContent(`<body style="margin:0">
    <img src="${dataUrl(ticketShot)}" style="display:block">
    <img src="${dataUrl(popupShot)}" style="position:absolute;top:8px;right:24px;
      border-radius:8px;box-shadow:0 12px 40px rgb(0 0 0 / .35),0 0 0 1px rgb(0 0 0 / .12)">
  </body>`);
  await canvas.screenshot({ path: target });
  await canvas.close();
}
