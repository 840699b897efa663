// The portal's pages are built with Hono's `html` template, which escapes every interpolated
// value unless it is already escaped markup, so no page can print user or seed data raw.

import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export { html };

/** What `html` makes: escaped markup, or a promise of it when a value interpolated is one. */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The pages interpolate no promises, so their markup is ready at once. */
function rendered(markup: Markup): string {
  if (markup instanceof Promise) throw new TypeError('a page was given asynchronous markup');
  return markup.toString();
}

export function page(title: string, body: Markup): string {
  return rendered(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Sandbox partner portal</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1b1f24; }
  header { background: #12355b; color: #fff; padding: 0.75rem 1.5rem; display: flex; gap: 1.5rem; align-items: center; }
  header a { color: #fff; }
  main { padding: 1.5rem; max-width: 60rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #d0d7de; }
  td.num, th.num { text-align: right; }
  button { font: inherit; padding: 0.3rem 0.9rem; }
  .error { color: #a40e26; }
  .note { color: #57606a; }
  form.inline { display: inline; }
</style>
</head>
<body>
<header><strong>Sandbox partner portal</strong><a href="/cart">Cart</a><a href="/quotes">Quotes</a></header>
<main>
${body}
</main>
</body>
</html>`);
}

export function formatMoney({ amount, currency }: { amount: number; currency: string }): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount / 100);
}
