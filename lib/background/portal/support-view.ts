// A portal support record as the popup shows it: planned against the user's today with the
// same planRenewal the portal enforces, and placed on the expiring-soon scale.
import type { SupportView } from '../../messaging/portal-results';
import type { SupportRecord } from '../../portal/schemas';
import { daysBetween, type IsoDate, planRenewalOrNull } from '../../renewal';

export function supportView(
  record: SupportRecord,
  today: IsoDate,
  expiringSoonDays: number,
): SupportView {
  const { deployment, product, serials, support } = record;
  const renewal = planRenewalOrNull(support.expiresOn, today);
  const daysLeft = daysBetween(today, support.expiresOn);
  const standing =
    daysLeft < 0 ? 'expired' : daysLeft <= expiringSoonDays ? 'expiring-soon' : 'active';
  // Fields named one by one: a portal may add fields, and only these cross to the popup.
  return {
    deployment: {
      id: deployment.id,
      name: deployment.name,
      registeredOn: deployment.registeredOn,
      organization: { id: deployment.organization.id, name: deployment.organization.name },
    },
    product: { sku: product.sku, name: product.name },
    serials: [...serials],
    support: {
      expiresOn: support.expiresOn,
      plan: { sku: support.plan.sku, name: support.plan.name },
      unitPrice: { amount: support.unitPrice.amount, currency: support.unitPrice.currency },
    },
    renewal,
    standing,
    daysLeft,
  };
}
