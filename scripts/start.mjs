// `npm start`: the full demo. Builds the extension, serves the demo helpdesk pages, opens
// Chromium with the extension loaded, starts the sandbox partner portal for it, points the
// extension at that portal and signs in on the portal's page. With a display (DISPLAY set)
// the browser stays open until Ctrl-C. Without one it runs the walk-through headless
// (./demo-tour.mjs), saves screenshots under .output/demo/ and exits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { DEMO_DATA_FILE, signInOnPortalPage, startDemoPortal, usePortal } from './demo-portal.mjs';
import { headlessTour } from './demo-tour.mjs';
import { ensureChromium, ensureDependencies, run } from './ensure.mjs';

ensureDependencies();
const chromiumPath = ensureChromium();
const headed = Boolean(process.env.DISPLAY);

// The e2e build: the shipped code plus host access to 127.0.0.1, where the sandbox portal
// and the demo pages are served. The shipped build would ask for the portal's address on the
// options page, a prompt nobody can answer headless; and headless nobody can click the
// toolbar button to grant `activeTab` either.
const buildScript = 'build:e2e';
const extensionDir = '.output/chrome-mv3-e2e';
console.log(`» Building the extension (npm run ${buildScript})…`);
if (run('npm', ['run', '--silent', buildScript]) !== 0) {
  console.error('The build failed: see the messages above.');
  process.exit(1);
}

const { chromium } = await import('playwright-core');
// The e2e tests' static server (TypeScript, through tsx) serves the demo pages too.
const { serveDirectory } = await tsImport('../test/e2e/support/static-server.ts', import.meta.url);
const pages = await serveDirectory('demo/pages');
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

let portal;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await context.close().catch(() => undefined);
  await portal?.close();
  await pages.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(code);
}

try {
  portal = await startDemoPortal(extensionId);
  await usePortal({ background: worker }, portal.url);
} catch (error) {
  console.error('The sandbox portal did not start:', error);
  await shutdown(1);
}
console.log(
  `» Sandbox portal ${portal.url} (data in ${DEMO_DATA_FILE}, seeded for ${portal.today})`,
);

if (headed) {
  try {
    const portalPage = context.pages()[0] ?? (await context.newPage());
    await signInOnPortalPage(portalPage, portal);
    const page = await context.newPage();
    await page.goto(`${pages.url}/index.html`);
  } catch (error) {
    console.error('Could not sign in on the sandbox portal:', error);
    await shutdown(1);
  }
  console.log(`
Renewal Scout is loaded in Chromium (extension id ${extensionId}), set to the sandbox
portal and signed in there as ${portal.signIns[0].email}.
  Demo pages:     ${pages.url}/index.html
  Sandbox portal: ${portal.url} (the cart page: ${portal.url}/cart)
  Sign-ins:       ${portal.signIns.map((s) => `${s.email} / ${s.password}`).join(', ')}
  Reseller token: ${portal.token} (for the options page's token sign-in)
Open a ticket and click the Renewal Scout button in the toolbar (pin it from the puzzle icon).
Press Ctrl-C here to stop.`);
  process.on('SIGINT', () => void shutdown(0));
  context.on('close', () => void shutdown(0));
} else {
  try {
    const shots = await headlessTour({ context, worker, extensionId, pages, portal });
    console.log('\nScreenshots:');
    for (const shot of shots) console.log(`  ${shot}`);
    await shutdown(0);
  } catch (error) {
    console.error('The headless demo failed:', error);
    await saveFailureShots();
    await shutdown(1);
  }
}

// What each open page showed when the walk-through stopped, to see why.
async function saveFailureShots() {
  const open = context.pages();
  for (const [index, page] of open.entries()) {
    const path = resolve(`.output/demo/failed-${index + 1}.png`);
    await page.screenshot({ path }).then(
      () => console.error(`  ${page.url()} → ${path}`),
      () => undefined,
    );
  }
}
