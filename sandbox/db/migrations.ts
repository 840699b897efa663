// Schema migrations, applied in order and recorded in `schema_migrations`, so a data file
// from an older sandbox is upgraded in place instead of being thrown away. Append only:
// never edit a migration that has shipped.

import type { Database } from 'better-sqlite3';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'organizations, users, credentials',
    sql: `
      CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- A customer organization points at its reseller; resellers and direct
        -- customers have none.
        parent_id TEXT REFERENCES organizations(id)
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        organization_id TEXT NOT NULL REFERENCES organizations(id),
        password_hash TEXT NOT NULL
      );
      -- Only hashes of session cookies and access tokens are stored.
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        expires_at INTEGER NOT NULL
      );
      CREATE TABLE access_tokens (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        label TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'catalog and deployments',
    sql: `
      CREATE TABLE products (
        sku TEXT PRIMARY KEY,
        name TEXT NOT NULL
      );
      CREATE TABLE support_plans (
        sku TEXT PRIMARY KEY,
        product_sku TEXT NOT NULL REFERENCES products(sku),
        name TEXT NOT NULL,
        unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3)
      );
      CREATE TABLE deployments (
        id TEXT PRIMARY KEY CHECK (length(id) = 8 AND id NOT GLOB '*[^0-9]*'),
        name TEXT NOT NULL,
        organization_id TEXT NOT NULL REFERENCES organizations(id),
        product_sku TEXT NOT NULL REFERENCES products(sku),
        plan_sku TEXT NOT NULL REFERENCES support_plans(sku),
        registered_on TEXT NOT NULL,
        expires_on TEXT NOT NULL
      );
      CREATE INDEX deployments_by_organization ON deployments(organization_id, id);
      CREATE TABLE serials (
        serial TEXT PRIMARY KEY COLLATE NOCASE,
        deployment_id TEXT NOT NULL REFERENCES deployments(id)
      );
      CREATE INDEX serials_by_deployment ON serials(deployment_id);
    `,
  },
  {
    version: 3,
    name: 'carts and quotes',
    sql: `
      CREATE TABLE carts (
        id INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL UNIQUE REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE cart_lines (
        -- AUTOINCREMENT: a line id is never reused, so a stale id cannot hit a new line.
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        cart_id INTEGER NOT NULL REFERENCES carts(id),
        deployment_id TEXT NOT NULL REFERENCES deployments(id),
        plan_sku TEXT NOT NULL REFERENCES support_plans(sku),
        quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 25),
        unit_price INTEGER NOT NULL,
        currency TEXT NOT NULL,
        credits TEXT NOT NULL CHECK (credits IN ('organization', 'card')),
        -- One renewal line per deployment: concurrent PUTs upsert into the same row.
        UNIQUE (cart_id, deployment_id)
      );
      CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL REFERENCES users(id),
        total INTEGER NOT NULL,
        currency TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE quote_lines (
        quote_id INTEGER NOT NULL REFERENCES quotes(id),
        position INTEGER NOT NULL,
        line_id TEXT NOT NULL,
        sku TEXT NOT NULL,
        name TEXT NOT NULL,
        deployment_id TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        unit_price INTEGER NOT NULL,
        currency TEXT NOT NULL,
        credits TEXT NOT NULL,
        PRIMARY KEY (quote_id, position)
      );
    `,
  },
  {
    version: 4,
    name: 'seed facts',
    sql: `
      -- What the data was seeded with (the portal's today at the time, the seed size), so
      -- a restart can tell the user what it is serving.
      CREATE TABLE seed_facts (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'search index',
    sql: `
      -- Covers the search filter (visibility, number prefix, name) in id order, so a search
      -- over many deployments reads one narrow index instead of every table row.
      CREATE INDEX deployments_search ON deployments(id, organization_id, name);
    `,
  },
];

/** Applies every migration the file has not seen yet, each in its own transaction. */
export function migrate(db: Database): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((version) => Number(version)),
  );
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const newlyApplied: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}
