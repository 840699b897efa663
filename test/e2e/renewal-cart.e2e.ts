// One-click renewal the way a user does it, in real Chromium against the real sandbox portal:
// a ticket's deployments → the popup's support status → "Add to cart" → the line in the
// portal's cart (read from Node through GET /api/v1/cart) with the catch-up quantity. Also
// the popup's first render from the persisted cache, printed as a figure.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { withRenewalHarness } from './support/harness';
import {
  deploymentRow,
  portalCart,
  TICKET_DEPLOYMENTS,
  waitForIdentifiers,
  waitForStatus,
} from './support/portal';
import { openPopupFor } from './support/shell';

const harness = withRenewalHarness({ page: 'ticket.html', signedIn: true });

const addButton = (popup: Page, deploymentId: string) =>
  popup.getByRole('button', { name: `Add deployment ${deploymentId} to cart` });

/** Opens the popup for the ticket and waits until the portal's answer is shown. */
async function openPopup(): Promise<Page> {
  const popup = await openPopupFor(harness.ext, harness.tabId);
  await waitForIdentifiers(popup, TICKET_DEPLOYMENTS);
  await waitForStatus(popup, '14181336');
  return popup;
}

describe('renewing from the popup', () => {
  test('detect → status → Add to cart → the portal’s cart has the catch-up line', async () => {
    const popup = await openPopup();
    // The first opening has nothing cached: its answer is fresh, so no cached-render mark.
    expect(
      await popup.evaluate(() => performance.getEntriesByName('popup-first-cached-render').length),
    ).toBe(0);

    const lapsed = deploymentRow(popup, '14181336');
    expect(await lapsed.getByTestId('status-chip').textContent()).toBe('Expired 5 years ago');
    expect(await lapsed.getByTestId('plan').textContent()).toContain(
      '6 × 1-year support: 5 catch-up + 1 ahead',
    );
    expect(await deploymentRow(popup, '85922823').getByTestId('status-chip').textContent()).toBe(
      'Expires in 12 days',
    );
    // Another organization's deployment and one that exists nowhere look the same: unknown.
    for (const unknown of ['30000007', '58602147']) {
      await expect
        .poll(() => deploymentRow(popup, unknown).getByTestId('not-found').textContent())
        .toBe('Not found in your portal account');
      expect(await deploymentRow(popup, unknown).getByRole('button', { name: /Add/ }).count()).toBe(
        0,
      );
    }
    expect(await popup.getByTestId('cart-summary').textContent()).toContain('Cart is empty');

    await addButton(popup, '14181336').click();
    await lapsed.getByTestId('in-cart').waitFor({ timeout: 15_000 });
    expect(await lapsed.getByTestId('in-cart').textContent()).toContain('In cart (6 years)');
    await expect.poll(() => popup.getByTestId('cart-summary').textContent()).toContain('1 line');

    expect(await portalCart(harness.portal)).toEqual([
      expect.objectContaining({ deploymentId: '14181336', quantity: 6 }),
    ]);
    await popup.close();
  });

  test('a double click on "Add to cart" makes one line', async () => {
    const popup = await openPopup();
    await addButton(popup, '47310958').dblclick();
    await deploymentRow(popup, '47310958').getByTestId('in-cart').waitFor({ timeout: 15_000 });

    // Two clicks in the same task, before the popup can render the button disabled.
    await addButton(popup, '96295684').evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await deploymentRow(popup, '96295684').getByTestId('in-cart').waitFor({ timeout: 15_000 });
    expect(await deploymentRow(popup, '96295684').getByTestId('in-cart').textContent()).toContain(
      'In cart (8 years)',
    );

    const lines = await portalCart(harness.portal);
    expect(lines.filter((line) => line.deploymentId === '47310958')).toEqual([
      expect.objectContaining({ quantity: 2 }),
    ]);
    expect(lines.filter((line) => line.deploymentId === '96295684')).toEqual([
      expect.objectContaining({ quantity: 8 }),
    ]);
    expect(lines).toHaveLength(3);
    await popup.close();
  });

  test('reopened, the popup shows the cached answer first; prints how soon', async () => {
    // Opened once already (above): its answers are in the persisted cache now.
    const popup = await openPopupFor(harness.ext, harness.tabId);
    await expect
      .poll(
        () =>
          popup.evaluate(() => performance.getEntriesByName('popup-first-cached-render').length),
        {
          timeout: 10_000,
        },
      )
      .toBe(1);
    const marks = await popup.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
      return { start: at('popup-start'), render: at('popup-first-cached-render') };
    });
    if (marks.start === undefined || marks.render === undefined) {
      throw new Error(`missing performance marks: ${JSON.stringify(marks)}`);
    }
    console.log(
      `popup first cached render: ${Math.round(marks.render - marks.start)} ms after popup-start (${Math.round(marks.render)} ms after navigation start; budget 100 ms)`,
    );
    // What it rendered from the cache is the cart state of the tests above.
    expect(await deploymentRow(popup, '14181336').getByTestId('in-cart').textContent()).toContain(
      'In cart (6 years)',
    );
    await popup.close();
  });
});
