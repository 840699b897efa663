// The cart, renewals and quotes. The catch-up rule is enforced with the extension's own
// planRenewal, so the portal and the popup can never disagree about a quantity.

import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  deploymentIdSchema,
  MAX_RENEWAL_QUANTITY,
  renewalRequestSchema,
} from '../../lib/portal/schemas';
import { planRenewal } from '../../lib/renewal';
import type { Portal, PortalEnv } from '../http/env';
import { readJson } from '../http/json-body';
import { problems } from '../http/problem';
import { deleteLine, putRenewal, readCart } from '../store/cart';
import { findVisibleDeployment } from '../store/deployments';
import { listQuotes, saveQuote } from '../store/quotes';

export function cartRoutes(portal: Portal) {
  const app = new Hono<PortalEnv>();

  app.get('/cart', (c) => c.json(readCart(portal.db, c.get('user').id)));

  app.put('/cart/renewals/:deploymentId', async (c) => {
    const user = c.get('user');
    const deploymentId = c.req.param('deploymentId');
    const body = await readJson(c, renewalRequestSchema, { maxQuantity: MAX_RENEWAL_QUANTITY });
    const record = z.safeParse(deploymentIdSchema, deploymentId).success
      ? findVisibleDeployment(portal.db, user, deploymentId)
      : undefined;
    if (!record) throw problems.notFound(`There is no deployment ${deploymentId}.`);

    const { expiresOn } = record.support;
    const plan = planRenewal(expiresOn, portal.today());
    // Only an expired contract can need more than the one package the schema guarantees.
    if (body.quantity < plan.quantity) {
      const years =
        plan.catchUpYears === 1 ? '1 catch-up year' : `${plan.catchUpYears} catch-up years`;
      throw problems.catchUpRequired(
        plan.quantity,
        expiresOn,
        `Support for deployment ${deploymentId} lapsed after ${expiresOn}: renewing takes at least ${plan.quantity} packages (${years} and 1 year ahead).`,
      );
    }
    return c.json(putRenewal(portal.db, user.id, record, body.quantity, body.credits));
  });

  app.delete('/cart/lines/:lineId', (c) => {
    const user = c.get('user');
    const lineId = c.req.param('lineId');
    if (!deleteLine(portal.db, user.id, lineId)) {
      throw problems.notFound(`There is no cart line ${lineId}.`);
    }
    return c.json(readCart(portal.db, user.id));
  });

  app.post('/cart/quote', (c) => {
    const quote = saveQuote(portal.db, c.get('user').id, portal.today());
    if (!quote) throw problems.cartEmpty();
    return c.json(quote, 201);
  });

  app.get('/quotes', (c) => c.json({ quotes: listQuotes(portal.db, c.get('user').id) }));

  return app;
}
