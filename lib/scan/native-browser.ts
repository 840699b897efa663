// `wxt/browser` for the content script's build only (see wxt.config.ts): the extension APIs
// the content script uses already return promises natively (Chrome MV3's `chrome`, Firefox's
// `browser`), so it does without webextension-polyfill, which would otherwise come in
// through WXT's content-script wrapper and weigh on the content script's size budget.

import type { browser as Browser } from 'wxt/browser';

type Api = typeof Browser;
const scope = globalThis as { browser?: Api; chrome?: Api };

export const browser: Api = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Api;
