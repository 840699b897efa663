// Fills an empty portal: organizations, sign-ins, the catalog, the hand-written demo
// deployments and generated ones up to the seed size. All in one transaction; a portal
// that already has data is left alone (delete it with --reset).

import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../lib/renewal';
import { hashPassword } from '../auth/credentials';
import { CURRENCY, catalog, findProduct } from './catalog';
import { addDays, latestLeapDayBefore, shift } from './dates';
import {
  DEMO_PASSWORD,
  demoDeployments,
  OTHER_ORG,
  organizations,
  RESELLER_ORG,
  type SeedDeployment,
  unknownDeploymentIds,
  users,
} from './demo-data';
import { generateDeployments } from './generate';

export const DEFAULT_SEED_SIZE = 50;
const OTHER_ORG_FILLER = 6;

export interface SeedFacts {
  today: IsoDate;
  seedSize: number;
}

export function readSeedFacts(db: Database): SeedFacts | undefined {
  const rows = db.prepare('SELECT key, value FROM seed_facts').all() as {
    key: string;
    value: string;
  }[];
  const facts = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  if (!facts.today) return undefined;
  return { today: facts.today, seedSize: Number(facts.seedSize) };
}

/** Seeds the portal relative to `today` unless it already holds data; returns what it holds. */
export function seedIfEmpty(db: Database, today: IsoDate, seedSize: number): SeedFacts {
  const existing = readSeedFacts(db);
  if (existing) return existing;
  const deployments = planDeployments(seedSize);
  // What the reseller really sees: never fewer than the hand-written demo deployments.
  const resellerTree = new Set(
    organizations
      .filter((org) => org.id === RESELLER_ORG || org.parentId === RESELLER_ORG)
      .map((org) => org.id),
  );
  const seeded = deployments.filter((d) => resellerTree.has(d.organizationId)).length;
  db.transaction(() => {
    insertCatalog(db);
    insertOrganizationsAndUsers(db);
    insertDeployments(db, deployments, today);
    const fact = db.prepare('INSERT INTO seed_facts (key, value) VALUES (?, ?)');
    fact.run('today', today);
    fact.run('seedSize', String(seeded));
  })();
  return { today, seedSize: seeded };
}

/** The reseller's tree gets `seedSize` deployments in all (at least the hand-written ones). */
function planDeployments(seedSize: number): SeedDeployment[] {
  const takenIds = new Set([...demoDeployments.map((d) => d.id), ...unknownDeploymentIds]);
  const takenSerials = new Set(demoDeployments.flatMap((d) => d.serials));
  const resellerTree = organizations.filter(
    (org) => org.id === RESELLER_ORG || org.parentId === RESELLER_ORG,
  );
  const handWrittenInTree = demoDeployments.filter((d) =>
    resellerTree.some((org) => org.id === d.organizationId),
  ).length;
  const shortName = (name: string) => name.split(/[ ,]/)[0] ?? name;
  const resellerFiller = generateDeployments({
    count: Math.max(0, seedSize - handWrittenInTree),
    organizations: resellerTree.map((org) => ({ id: org.id, shortName: shortName(org.name) })),
    takenIds,
    takenSerials,
    seed: 0x5eed,
  });
  const otherFiller = generateDeployments({
    count: OTHER_ORG_FILLER,
    organizations: organizations
      .filter((org) => org.id === OTHER_ORG || org.parentId === OTHER_ORG)
      .map((org) => ({ id: org.id, shortName: shortName(org.name) })),
    takenIds,
    takenSerials,
    seed: 0x07c1d,
  });
  return [...demoDeployments, ...resellerFiller, ...otherFiller];
}

function insertCatalog(db: Database): void {
  const product = db.prepare('INSERT INTO products (sku, name) VALUES (?, ?)');
  const plan = db.prepare(
    'INSERT INTO support_plans (sku, product_sku, name, unit_price, currency) VALUES (?, ?, ?, ?, ?)',
  );
  for (const item of catalog) {
    product.run(item.sku, item.name);
    for (const p of item.plans) plan.run(p.sku, item.sku, p.name, p.unitPrice, CURRENCY);
  }
}

function insertOrganizationsAndUsers(db: Database): void {
  const org = db.prepare('INSERT INTO organizations (id, name, parent_id) VALUES (?, ?, ?)');
  for (const o of organizations) org.run(o.id, o.name, o.parentId);
  const user = db.prepare(
    'INSERT INTO users (id, email, name, organization_id, password_hash) VALUES (?, ?, ?, ?, ?)',
  );
  for (const u of users) {
    user.run(u.id, u.email, u.name, u.organizationId, hashPassword(DEMO_PASSWORD));
  }
}

function insertDeployments(db: Database, deployments: SeedDeployment[], today: IsoDate): void {
  const deployment = db.prepare(
    `INSERT INTO deployments (id, name, organization_id, product_sku, plan_sku, registered_on, expires_on)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const serial = db.prepare('INSERT INTO serials (serial, deployment_id) VALUES (?, ?)');
  deployments.forEach((d, index) => {
    const product = findProduct(d.productSku);
    const planSku = d.planSku ?? product.plans[0]?.sku;
    if (!planSku) throw new Error(`Product ${d.productSku} has no support plan`);
    const expiresOn =
      d.expires === 'leap-day' ? latestLeapDayBefore(today) : shift(today, d.expires);
    // Registered one to six years (plus a few days) before the coverage it last bought ended.
    const coverageStart = expiresOn < today ? expiresOn : today;
    const registeredOn = addDays(
      shift(coverageStart, { years: -(1 + (index % 6)) }),
      -(index % 28),
    );
    deployment.run(d.id, d.name, d.organizationId, product.sku, planSku, registeredOn, expiresOn);
    for (const s of d.serials) serial.run(s.toUpperCase(), d.id);
  });
}
