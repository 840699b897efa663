// The portal's few HTML pages. Everything interpolated goes through `html`, which escapes.

import type { Cart, Quote } from '../../lib/portal/schemas';
import { planRenewal } from '../../lib/renewal';
import { formatMoney, html, page } from './html';

export function signInPage(next: string, error?: string): string {
  return page(
    'Sign in',
    html`<h1>Sign in</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/sign-in">
  <input type="hidden" name="next" value="${next}">
  <p><label>Email<br><input type="email" name="email" autocomplete="username" required></label></p>
  <p><label>Password<br><input type="password" name="password" autocomplete="current-password" required></label></p>
  <p><button type="submit">Sign in</button></p>
</form>
<p class="note">Demo sign-ins: reseller@example.test or other@example.test, password renewal-scout-demo.</p>`,
  );
}

/**
 * What the form says while sign-in is refused: why, and when to try again in words a person
 * can act on. `locked` after too many failures, `busy` for too many attempts too fast.
 */
export function signInRefusedMessage(why: 'locked' | 'busy', retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const when =
    retryAfterSeconds < 60
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`
      : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const reason =
    why === 'locked'
      ? 'Too many failed sign-ins for this account or from this address.'
      : 'Too many sign-in attempts from this address.';
  return `${reason} Try again in ${when}.`;
}

export interface CartLineView {
  deploymentName: string;
  expiresOn: string;
}

export function cartPage(
  who: string,
  cart: Cart,
  details: Map<string, CartLineView>,
  today: string,
): string {
  const rows = cart.lines.map((line) => {
    const detail = details.get(line.deploymentId);
    const plan = detail ? planRenewal(detail.expiresOn, today) : undefined;
    const catchUp =
      plan && plan.catchUpYears > 0
        ? html`<br><span class="note">includes ${plan.catchUpYears} catch-up year${plan.catchUpYears === 1 ? '' : 's'} (lapsed after ${detail?.expiresOn})</span>`
        : '';
    return html`<tr>
  <td>${line.deploymentId}<br><span class="note">${detail?.deploymentName}</span></td>
  <td>${line.name}<br><span class="note">${line.sku} · credits: ${line.credits}</span></td>
  <td class="num">${line.quantity}${catchUp}</td>
  <td class="num">${formatMoney(line.unitPrice)}</td>
  <td class="num">${formatMoney({ amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency })}</td>
  <td><form class="inline" method="post" action="/cart/lines/${line.id}/remove"><button type="submit">Remove</button></form></td>
</tr>`;
  });
  const body =
    cart.lines.length === 0
      ? html`<p>The cart is empty.</p>`
      : html`<table>
<thead><tr><th>Deployment</th><th>Support plan</th><th class="num">Years</th><th class="num">Unit price</th><th class="num">Amount</th><th></th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th colspan="4">Total</th><th class="num">${formatMoney(cart.total)}</th><th></th></tr></tfoot>
</table>
<p>
  <form class="inline" method="get" action="/checkout"><button type="submit">Checkout</button></form>
  <form class="inline" method="post" action="/cart/quote"><button type="submit">Save as quote</button></form>
</p>`;
  return page(
    'Cart',
    html`<h1>Cart</h1>
<p class="note">Signed in as ${who}. <form class="inline" method="post" action="/sign-out"><button type="submit">Sign out</button></form></p>
${body}`,
  );
}

export function checkoutPage(cart: Cart): string {
  return page(
    'Checkout',
    html`<h1>Checkout</h1>
<p>Payment happens here, on the portal: the extension never takes payment details.</p>
<p>Amount due: <strong>${formatMoney(cart.total)}</strong> for ${cart.lines.length} renewal line${cart.lines.length === 1 ? '' : 's'}.</p>
<p class="note">This is a sandbox: no payment is taken.</p>
<p><a href="/cart">Back to the cart</a></p>`,
  );
}

export function quotesPage(quotes: Quote[]): string {
  const items = quotes.map(
    (quote) => html`<section>
<h2>${quote.number}</h2>
<p class="note">Saved ${quote.createdAt} · total ${formatMoney(quote.total)}</p>
<ul>${quote.lines.map((line) => html`<li>${line.deploymentId}: ${line.name} × ${line.quantity}</li>`)}</ul>
</section>`,
  );
  return page(
    'Quotes',
    html`<h1>Quotes</h1>${quotes.length === 0 ? html`<p>No quotes yet.</p>` : items}`,
  );
}
