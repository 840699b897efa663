// Quotes are frozen copies of a cart. Saving one and emptying the cart happen in one
// transaction: a crash leaves either the cart or the quote, never both or neither.

import type { Database } from 'better-sqlite3';
import type { Quote } from '../../lib/portal/schemas';
import type { IsoDate } from '../../lib/renewal';
import { emptyCart, type LineRow, readCart, toLine } from './cart';

interface QuoteRow {
  id: number;
  number: string;
  total: number;
  currency: string;
  createdAt: string;
}

/** Saves the cart as a quote and empties it; undefined when the cart is empty. */
export function saveQuote(db: Database, userId: string, today: IsoDate): Quote | undefined {
  return db.transaction(() => {
    const cart = readCart(db, userId);
    if (cart.lines.length === 0) return undefined;
    const sequence =
      ((db.prepare('SELECT max(id) FROM quotes').pluck().get() as number | null) ?? 0) + 1;
    const number = `Q-${today.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
    const createdAt = new Date().toISOString();
    const { lastInsertRowid } = db
      .prepare(
        'INSERT INTO quotes (id, number, user_id, total, currency, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(sequence, number, userId, cart.total.amount, cart.total.currency, createdAt);
    const insertLine = db.prepare(
      `INSERT INTO quote_lines (quote_id, position, line_id, sku, name, deployment_id, quantity,
         unit_price, currency, credits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    cart.lines.forEach((line, position) => {
      insertLine.run(
        lastInsertRowid,
        position,
        line.id,
        line.sku,
        line.name,
        line.deploymentId,
        line.quantity,
        line.unitPrice.amount,
        line.unitPrice.currency,
        line.credits,
      );
    });
    emptyCart(db, userId);
    return { number, lines: cart.lines, total: cart.total, createdAt };
  })();
}

/** The user's quotes, newest first. */
export function listQuotes(db: Database, userId: string): Quote[] {
  const quotes = db
    .prepare(
      `SELECT id, number, total, currency, created_at AS createdAt FROM quotes
       WHERE user_id = ? ORDER BY id DESC`,
    )
    .all(userId) as QuoteRow[];
  const linesOf = db.prepare(
    `SELECT line_id AS id, sku, name, deployment_id AS deploymentId, quantity,
       unit_price AS unitPrice, currency, credits
     FROM quote_lines WHERE quote_id = ? ORDER BY position`,
  );
  return quotes.map((quote) => ({
    number: quote.number,
    total: { amount: quote.total, currency: quote.currency },
    createdAt: quote.createdAt,
    lines: (linesOf.all(quote.id) as LineRow[]).map(toLine),
  }));
}
