// Code passed to `background.evaluate` runs in the extension's service worker, where the
// `chrome` namespace exists. Typed like WXT's `browser` (which mirrors `chrome`).
declare const chrome: typeof import('wxt/browser').browser;
