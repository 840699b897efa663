import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// `--mode e2e` builds the extension the end-to-end tests load: the same code, plus host
// access to the loopback test server so automatic scanning can be exercised without a
// permission prompt. The shipped builds never have it.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: ({ mode }) => ({
    plugins: [preact()],
    // The scanner's figures (lib/scan/frame-scanner.ts) are for the tests and benchmarks:
    // the production build leaves them out.
    define: { __SCAN_STATS__: JSON.stringify(mode !== 'production') },
  }),
  manifest: ({ mode }) => ({
    name: 'Renewal Scout',
    description:
      'Finds telephony deployment IDs and appliance serials on the page, shows their support status and renews them in your partner portal cart.',
    // contextMenus: "Look up support for '…'" on selected text (Firefox MV3 accepts the
    // name as an alias of `menus`).
    permissions: ['activeTab', 'contextMenus', 'scripting', 'storage'],
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Renewal Scout' },
    // A keyboard shortcut opens the popup (users can change it in the browser's shortcut page).
    // S for Scout: Chromium leaves Alt+Shift+R unassigned (it is taken by the browser).
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+S' } } },
    browser_specific_settings: {
      gecko: {
        id: 'renewal-scout@example.test',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
  hooks: {
    // The content script's build resolves `wxt/browser` to the native APIs instead of the
    // polyfill (lib/scan/native-browser.ts says why): it keeps the script within its budget.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const native = { find: /^wxt\/browser$/, replacement: resolve('lib/scan/native-browser.ts') };
      const alias = config.resolve?.alias ?? [];
      const list = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [native, ...list] };
    },
  },
  zip: {
    excludeSources: ['.sandbox/**', '.output/**', 'test-results/**', '**/*.log', '.env*'],
  },
});
