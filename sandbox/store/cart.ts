// One cart per user. Every change runs in a transaction and bumps the cart's version; the
// UNIQUE (cart_id, deployment_id) constraint plus an upsert is what makes concurrent PUTs
// for one deployment always end as exactly one line.

import type { Database } from 'better-sqlite3';
import type { Cart, CartLine, CreditsOption, SupportRecord } from '../../lib/portal/schemas';
import { statement } from '../db/statements';
import { CURRENCY } from '../seed/catalog';

/** A line as stored: in the cart (id: its rowid) or copied into a quote (id: the cart's). */
export interface LineRow {
  id: number | string;
  sku: string;
  name: string;
  deploymentId: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  credits: CreditsOption;
}

const SELECT_LINES = `
  SELECT l.id, l.plan_sku AS sku, sp.name, l.deployment_id AS deploymentId, l.quantity,
    l.unit_price AS unitPrice, l.currency, l.credits
  FROM cart_lines l JOIN support_plans sp ON sp.sku = l.plan_sku`;

export function toLine(row: LineRow): CartLine {
  return {
    id: String(row.id),
    sku: row.sku,
    name: row.name,
    deploymentId: row.deploymentId,
    quantity: row.quantity,
    unitPrice: { amount: row.unitPrice, currency: row.currency },
    credits: row.credits,
  };
}

export function cartTotal(lines: CartLine[]): Cart['total'] {
  const currency = lines[0]?.unitPrice.currency ?? CURRENCY;
  if (lines.some((line) => line.unitPrice.currency !== currency)) {
    throw new Error('A cart mixes currencies; the seed catalog should never allow that');
  }
  const amount = lines.reduce((sum, line) => sum + line.unitPrice.amount * line.quantity, 0);
  return { amount, currency };
}

function cartRow(db: Database, userId: string): { id: number; version: number } | undefined {
  return statement(db, 'SELECT id, version FROM carts WHERE user_id = ?').get(userId) as
    | { id: number; version: number }
    | undefined;
}

function ensureCart(db: Database, userId: string): { id: number; version: number } {
  statement(db, 'INSERT INTO carts (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING').run(
    userId,
  );
  return cartRow(db, userId) as { id: number; version: number };
}

function bumpVersion(db: Database, cartId: number): void {
  statement(db, 'UPDATE carts SET version = version + 1 WHERE id = ?').run(cartId);
}

export function readCart(db: Database, userId: string): Cart {
  const cart = cartRow(db, userId);
  if (!cart) return { lines: [], total: { amount: 0, currency: CURRENCY }, version: 0 };
  const lines = (
    statement(db, `${SELECT_LINES} WHERE l.cart_id = ? ORDER BY l.id`).all(cart.id) as LineRow[]
  ).map(toLine);
  return { lines, total: cartTotal(lines), version: cart.version };
}

/** Creates or replaces the deployment's renewal line; an identical request changes nothing. */
export function putRenewal(
  db: Database,
  userId: string,
  record: SupportRecord,
  quantity: number,
  credits: CreditsOption,
): { line: CartLine; cart: Cart } {
  return db.transaction(() => {
    const cart = ensureCart(db, userId);
    const plan = record.support.plan.sku;
    const price = record.support.unitPrice;
    const existing = statement(
      db,
      `${SELECT_LINES} WHERE l.cart_id = ? AND l.deployment_id = ?`,
    ).get(cart.id, record.deployment.id) as LineRow | undefined;
    const unchanged =
      existing?.quantity === quantity &&
      existing.credits === credits &&
      existing.sku === plan &&
      existing.unitPrice === price.amount &&
      existing.currency === price.currency;
    if (!unchanged) {
      statement(
        db,
        `INSERT INTO cart_lines (cart_id, deployment_id, plan_sku, quantity, unit_price, currency, credits)
         VALUES (@cart, @deployment, @plan, @quantity, @price, @currency, @credits)
         ON CONFLICT (cart_id, deployment_id) DO UPDATE SET plan_sku = excluded.plan_sku,
           quantity = excluded.quantity, unit_price = excluded.unit_price,
           currency = excluded.currency, credits = excluded.credits`,
      ).run({
        cart: cart.id,
        deployment: record.deployment.id,
        plan,
        quantity,
        price: price.amount,
        currency: price.currency,
        credits,
      });
      bumpVersion(db, cart.id);
    }
    const line = statement(db, `${SELECT_LINES} WHERE l.cart_id = ? AND l.deployment_id = ?`).get(
      cart.id,
      record.deployment.id,
    ) as LineRow;
    return { line: toLine(line), cart: readCart(db, userId) };
  })();
}

/** Removes one of the user's own lines; false when there is no such line in their cart. */
export function deleteLine(db: Database, userId: string, lineId: string): boolean {
  if (!/^\d{1,15}$/.test(lineId)) return false;
  return db.transaction(() => {
    const cart = cartRow(db, userId);
    if (!cart) return false;
    const { changes } = statement(db, 'DELETE FROM cart_lines WHERE id = ? AND cart_id = ?').run(
      Number(lineId),
      cart.id,
    );
    if (changes > 0) bumpVersion(db, cart.id);
    return changes > 0;
  })();
}

/** Empties the cart inside the caller's transaction (saving a quote). */
export function emptyCart(db: Database, userId: string): void {
  const cart = cartRow(db, userId);
  if (!cart) return;
  statement(db, 'DELETE FROM cart_lines WHERE cart_id = ?').run(cart.id);
  bumpVersion(db, cart.id);
}
