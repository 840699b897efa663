// The portal cart at a glance: its lines and total, the portal's cart page, and "Save as
// quote" (the portal turns the cart into a numbered quote and empties it).
import { formatMoney } from '@/lib/popup/format';
import { openPortalPage, useCart, useSaveQuote } from '@/lib/popup/portal-queries';
import { useAnnounceAnswer } from './announcer';
import { CartIcon } from './icons';
import { PortalErrorNotice } from './PortalErrorNotice';

export function CartBar({ announce }: { announce: (message: string) => void }) {
  const cart = useCart();
  const save = useSaveQuote();
  useAnnounceAnswer(
    save.data,
    (answer) => (answer.ok ? `Saved the cart as quote ${answer.value.number}` : undefined),
    announce,
  );
  if (!cart.data?.ok) return null;
  const { lines, total } = cart.data.value;
  const saved = save.data?.ok ? save.data.value : undefined;
  const saveError = save.data?.ok === false ? save.data.error : undefined;

  const saveQuote = () => {
    if (save.isPending) return;
    save.mutate();
  };

  return (
    <section class="cart-bar" aria-label="Cart">
      <div class="cart-row">
        <p class="cart-summary" data-testid="cart-summary" aria-live="polite">
          <CartIcon />
          {lines.length === 0 ? (
            <span>Cart is empty</span>
          ) : (
            <span class="cart-figures">
              <span class="cart-lines">
                {lines.length} {lines.length === 1 ? 'line' : 'lines'}
              </span>
              <span class="visually-hidden">, total </span>
              <strong class="cart-total">{formatMoney(total)}</strong>
            </span>
          )}
        </p>
        <div class="cart-actions">
          <button type="button" class="button" onClick={() => void openPortalPage('cart')}>
            Open cart
          </button>
          <button
            type="button"
            class="button"
            disabled={lines.length === 0 || save.isPending}
            onClick={saveQuote}
          >
            {save.isPending ? 'Saving…' : 'Save as quote'}
          </button>
        </div>
      </div>
      {saved && (
        <p class="quote-saved" role="status" data-testid="quote-saved">
          Saved as quote <strong class="mono">{saved.number}</strong> ({formatMoney(saved.total)})
          <button type="button" class="link-button" onClick={() => void openPortalPage('quotes')}>
            Open quotes
          </button>
        </p>
      )}
      {saveError && <PortalErrorNotice inline error={saveError} onRetry={saveQuote} />}
    </section>
  );
}
