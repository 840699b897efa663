// @vitest-environment node
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate, migrations } from '../db/migrations';

describe('migrations', () => {
  test('applies every migration once, in order, and records each', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    const recorded = db
      .prepare('SELECT version FROM schema_migrations ORDER BY version')
      .pluck()
      .all();
    expect(recorded).toEqual(migrations.map((m) => m.version));
    db.close();
  });

  test('upgrades a file that stopped at an earlier version', () => {
    const db = new Database(':memory:');
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const [first] = migrations;
    if (!first) throw new Error('no migrations');
    db.exec(first.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
      first.version,
      first.name,
      'then',
    );
    expect(migrate(db)).toEqual(migrations.slice(1).map((m) => m.version));
    db.close();
  });

  test('has strictly increasing versions', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  test('keeps one renewal line per deployment in the schema itself', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.exec(`INSERT INTO organizations VALUES ('o', 'O', NULL);
      INSERT INTO users VALUES ('u', 'u@x', 'U', 'o', 'h');
      INSERT INTO products VALUES ('p', 'P');
      INSERT INTO support_plans VALUES ('s', 'p', 'S', 100, 'USD');
      INSERT INTO deployments VALUES ('12345678', 'D', 'o', 'p', 's', '2020-01-01', '2021-01-01');
      INSERT INTO carts (id, user_id) VALUES (1, 'u');`);
    const line = db.prepare(
      `INSERT INTO cart_lines (cart_id, deployment_id, plan_sku, quantity, unit_price, currency, credits)
       VALUES (1, '12345678', 's', ?, 100, 'USD', 'card')`,
    );
    line.run(1);
    expect(() => line.run(2)).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(
        `INSERT INTO deployments VALUES ('1234567x', 'D', 'o', 'p', 's', '2020-01-01', '2021-01-01')`,
      ),
    ).toThrow(/CHECK/);
    db.close();
  });
});
