// A web page cannot order renewals or read support answers through the extension, in real
// Chromium against the real sandbox. The page's own scripts have no channel at all; the
// content-script world (where a compromised page's renderer could reach) has one, so every
// privileged message is forged from there with `chrome.scripting.executeScript` (ISOLATED
// world): none is answered, and the portal's cart is unchanged. The same messages sent from
// the popup work, so the only thing that differs is who sent them.
import { beforeAll, expect, test } from 'vitest';
import { withRenewalHarness } from './support/harness';
import { portalCart, waitForStatus } from './support/portal';
import { openPopupFor } from './support/shell';

const harness = withRenewalHarness({
  page: (ext) => `forger.html#${ext.extensionId}`,
  signedIn: true,
});

beforeAll(async () => {
  // The user looked at the ticket once: the background holds its results and statuses.
  const popup = await openPopupFor(harness.ext, harness.tabId);
  await waitForStatus(popup, '14181336');
  await popup.close();
});

type Message = { type: string; [field: string]: unknown };

/** Every privileged request, well formed: only its sender is wrong. */
function privilegedMessages(forTab: number): Message[] {
  return [
    { type: 'add-renewal', deploymentId: '14181336', quantity: 6, credits: 'card' },
    { type: 'add-all-expired', tabId: forTab, credits: 'organization' },
    { type: 'save-quote' },
    { type: 'remove-cart-line', lineId: '1' },
    { type: 'support-status', tabId: forTab },
    { type: 'support-status', tabId: forTab, refresh: true },
    { type: 'lookup-manual', query: '14181336' },
    { type: 'get-cart' },
    { type: 'get-account' },
    { type: 'get-settings' },
    { type: 'get-tab-results', tabId: forTab },
    { type: 'open-portal', page: 'cart' },
  ];
}

interface Outcome {
  type: string;
  answer?: unknown;
  error?: string;
}

/** Sends each message from the content-script world of the ticket's tab; what came back. */
async function forgeFromContentWorld(messages: Message[]): Promise<Outcome[]> {
  return await harness.ext.background.evaluate(
    async ({ target, forged }) => {
      const [injection] = await chrome.scripting.executeScript({
        target: { tabId: target },
        world: 'ISOLATED',
        args: [forged],
        func: (list: Message[]) =>
          Promise.all(
            list.map(async (message) => {
              const silence = new Promise((done) => setTimeout(() => done('(no answer)'), 3000));
              try {
                const answer = await Promise.race([chrome.runtime.sendMessage(message), silence]);
                return { type: message.type, answer: answer ?? '(undefined)' };
              } catch (error) {
                return { type: message.type, error: String((error as Error).message ?? error) };
              }
            }),
          ),
      });
      return injection?.result as Outcome[];
    },
    { target: harness.tabId, forged: messages },
  );
}

test('the page’s own script has no channel to the extension', async () => {
  expect(await harness.ticket.evaluate(() => document.body.dataset.forgery)).toBe('no channel');
  expect(await portalCart(harness.portal)).toEqual([]);
});

test('privileged messages forged in the content-script world get no answer and change nothing', async () => {
  const tabsBefore = await harness.ext.background.evaluate(() => chrome.tabs.query({}));
  const outcomes = await forgeFromContentWorld(privilegedMessages(harness.tabId));

  expect(outcomes).toHaveLength(privilegedMessages(harness.tabId).length);
  for (const outcome of outcomes) {
    // Ignored by the background: the channel closes without an answer, or nothing comes.
    const nothing =
      outcome.answer === '(undefined)' ||
      outcome.answer === '(no answer)' ||
      /message port closed|receiving end does not exist/i.test(outcome.error ?? '');
    expect(nothing, `${outcome.type}: ${JSON.stringify(outcome)}`).toBe(true);
  }
  // Nothing of the portal's answers leaked into any of them.
  expect(JSON.stringify(outcomes)).not.toMatch(/Lakeshore|14181336|reseller@example\.test/);

  expect(await portalCart(harness.portal)).toEqual([]);
  const tabsAfter = await harness.ext.background.evaluate(() => chrome.tabs.query({}));
  expect(tabsAfter.map((tab) => tab.url)).toEqual(tabsBefore.map((tab) => tab.url));
});

test('the same messages from the popup are answered: only the sender made the difference', async () => {
  const popup = await openPopupFor(harness.ext, harness.tabId);
  const ask = (message: Message) =>
    popup.evaluate((body) => chrome.runtime.sendMessage(body), message) as Promise<{
      ok: boolean;
    }>;
  const sent = (type: string) => {
    const message = privilegedMessages(harness.tabId).find((candidate) => candidate.type === type);
    if (!message) throw new Error(`no ${type} message`);
    return ask(message);
  };
  expect(await sent('support-status')).toMatchObject({ ok: true });
  expect(await sent('get-cart')).toMatchObject({ ok: true, value: { lines: [] } });
  expect(await sent('add-renewal')).toMatchObject({ ok: true });
  expect(await portalCart(harness.portal)).toEqual([
    expect.objectContaining({ deploymentId: '14181336', quantity: 6 }),
  ]);
  await popup.close();
});
