// The headless walk-through of `npm start`: a demo ticket → the popup with each
// identifier's support status → "Add to cart" on the lapsed deployment → the portal's cart
// page with the line and its catch-up quantity. Saves a screenshot of each step.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { portalCart, signInOnPortalPage } from './demo-portal.mjs';

/** The demo ticket's lapsed deployment: 5 years and 80 days behind, on any date. */
const LAPSED = '14181336';

export async function headlessTour({ context, worker, extensionId, pages, portal }) {
  const outDir = resolve('.output/demo');
  mkdirSync(outDir, { recursive: true });
  for (const stale of readdirSync(outDir).filter((name) => name.startsWith('failed-'))) {
    rmSync(join(outDir, stale));
  }
  const shot = (name) => join(outDir, name);

  console.log(`» Signing in on the portal as ${portal.signIns[0].email}`);
  const portalPage = await context.newPage();
  await signInOnPortalPage(portalPage, portal);

  const ticketUrl = `${pages.url}/ticket-482913.html`;
  console.log(`» Opening ${ticketUrl}`);
  const ticket = context.pages()[0] ?? (await context.newPage());
  await ticket.goto(ticketUrl);
  await ticket.bringToFront();
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
  const addLapsed = popup.getByRole('button', { name: `Add deployment ${LAPSED} to cart` });
  await addLapsed.waitFor({ timeout: 20_000 });
  await popup.getByTestId('not-found').first().waitFor();
  await popup.waitForTimeout(300); // the last frame's report and the highlight paint
  const rows = await popup.getByRole('article').evaluateAll((articles) =>
    articles.map((article) => {
      const chip = article.querySelector('[data-testid="status-chip"]')?.textContent?.trim();
      const missing = article.querySelector('[data-testid="not-found"]') ? 'not found' : '';
      return `${article.getAttribute('aria-label')}: ${chip || missing || '…'}`;
    }),
  );
  console.log(rows.map((row) => `  ${row}`).join('\n'));

  await ticket.bringToFront();
  await ticket.screenshot({ path: shot('1-ticket.png') });
  await popup.screenshot({ path: shot('2-popup-status.png') });
  await composeOverview(
    context,
    shot('1-ticket.png'),
    shot('2-popup-status.png'),
    shot('overview.png'),
  );

  console.log(`» Adding deployment ${LAPSED} to the cart from the popup`);
  await addLapsed.click();
  const inCart = popup.getByTestId('in-cart').first();
  await inCart.waitFor({ timeout: 15_000 });
  await popup.getByTestId('cart-summary').getByText('1 line').waitFor();
  console.log(`  the popup says: ${await inCart.locator('.in-cart-label').textContent()}`);
  await popup
    .getByRole('article', { name: `Deployment ${LAPSED}` })
    .evaluate((row) => row.scrollIntoView({ block: 'center' }));
  await popup.screenshot({ path: shot('3-popup-in-cart.png') });

  const lines = await portalCart(portal);
  const line = lines.find((candidate) => candidate.deploymentId === LAPSED);
  if (!line) throw new Error(`the portal’s cart has no line for ${LAPSED}`);
  console.log(`  the portal’s cart: ${line.deploymentId} × ${line.quantity} (${line.name})`);

  console.log(`» Opening the portal’s cart page ${portal.url}/cart`);
  await portalPage.setViewportSize({ width: 1100, height: 520 });
  await portalPage.goto(`${portal.url}/cart`);
  await portalPage.getByRole('cell', { name: new RegExp(LAPSED) }).waitFor();
  await portalPage.bringToFront();
  await portalPage.screenshot({ path: shot('4-portal-cart.png') });

  return [
    '1-ticket.png',
    '2-popup-status.png',
    '3-popup-in-cart.png',
    '4-portal-cart.png',
    'overview.png',
  ].map(shot);
}

// The popup open over the ticket, under the toolbar, as the user sees them together.
async function composeOverview(context, ticketShot, popupShot, target) {
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
