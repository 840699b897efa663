// Deterministic filler deployments: a fixed pseudo-random sequence, so the same seed size
// and today always give the same portal (tests and screenshots can rely on it).

import { type CatalogProduct, catalog } from './catalog';
import type { Offset } from './dates';
import type { SeedDeployment } from './demo-data';

/** mulberry32: tiny, fast, good enough for test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SITES = [
  'front desk',
  'branch office',
  'call centre',
  'warehouse',
  'annex',
  'clinic',
  'plant',
  'depot',
  'campus',
  'store',
  'lab',
  'head office',
  'north site',
  'south site',
  'harbour site',
];

const HEX = '0123456789ABCDEF';
const ALNUM = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export interface GenerateOptions {
  count: number;
  /** Organizations to spread the deployments over, with a short name for each. */
  organizations: { id: string; shortName: string }[];
  /** IDs and serials already taken (by hand-written deployments or reserved). */
  takenIds: Set<string>;
  takenSerials: Set<string>;
  seed: number;
}

export function generateDeployments(options: GenerateOptions): SeedDeployment[] {
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chars = (alphabet: string, length: number) =>
    Array.from({ length }, () => pick(alphabet.split(''))).join('');

  const serialFor = (product: CatalogProduct): string | undefined => {
    switch (product.serialStyle) {
      case 'vega':
        return `VS0${chars(ALNUM, 5)}`;
      case 'freepbx-appliance':
        return next() < 0.5
          ? `FPBX-${product.sku.endsWith('60') ? '60' : '100'}-${chars(HEX, 6)}`
          : `FPBX-${chars(HEX, 4)}-${chars(HEX, 4)}`;
      case 'pbxact':
        return `PBXACT${product.sku.replace(/\D/g, '')}${chars(HEX, 6)}`;
      case 'switchvox':
        return `SVX-${chars(ALNUM, 4)}-${chars(ALNUM, 4)}`;
      case 'none':
        return undefined;
    }
  };

  const expiry = (): Offset => {
    const roll = next();
    if (roll < 0.4) return { days: 31 + Math.floor(next() * 670) }; // active
    if (roll < 0.55) return { days: Math.floor(next() * 31) }; // expiring within 30 days
    if (roll < 0.7) return { days: -1 - Math.floor(next() * 364) }; // lapsed < 1 year
    if (roll < 0.9) return { years: -1 - Math.floor(next() * 4), days: -Math.floor(next() * 365) };
    return { years: -5 - Math.floor(next() * 5), days: -Math.floor(next() * 365) }; // 5+ years
  };

  const deployments: SeedDeployment[] = [];
  for (let index = 0; index < options.count; index += 1) {
    let id: string;
    do id = String(10_000_000 + Math.floor(next() * 90_000_000));
    while (options.takenIds.has(id));
    options.takenIds.add(id);

    const organization = pick(options.organizations);
    const product = pick(catalog);
    const serials: string[] = [];
    const serial = serialFor(product);
    if (serial && !options.takenSerials.has(serial)) {
      options.takenSerials.add(serial);
      serials.push(serial);
    }
    deployments.push({
      id,
      name: `${organization.shortName} ${pick(SITES)} ${index + 1}`,
      organizationId: organization.id,
      productSku: product.sku,
      planSku: pick(product.plans).sku,
      serials,
      expires: expiry(),
    });
  }
  return deployments;
}
