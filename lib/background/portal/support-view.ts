// A portal support record as the popup shows it: planned against the user's today with the
// same planRenewal the portal enforces, and placed on the expiring-soon scale.
import type { SupportView } from '../../messaging/portal-results';
import type { SupportRecord } from '../../portal/schemas';
import { daysBetween, type IsoDate, planRenewal, type RenewalPlan } from '../../renewal';

export function supportView(
  record: SupportRecord,
  today: IsoDate,
  expiringSoonDays: number,
): SupportView {
  const { deployment, product, serials, support } = record;
  const renewal = planOrNull(support.expiresOn, today);
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

// Coverage that runs to the calendar's last years (9999-12-31 is a common "never expires")
// has no representable next expiry: planRenewal refuses it, and the row says no renewal is
// needed instead of failing the whole tab's answer.
function planOrNull(expiresOn: IsoDate, today: IsoDate): RenewalPlan | null {
  try {
    return planRenewal(expiresOn, today);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
