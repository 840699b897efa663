// The products the seed deploys and the support plans sold for them, prices in US cents.

export interface CatalogProduct {
  sku: string;
  name: string;
  /** How this product's serials look; serials are matched case-insensitively anyway. */
  serialStyle: 'vega' | 'freepbx-appliance' | 'pbxact' | 'switchvox' | 'none';
  plans: { sku: string; name: string; unitPrice: number }[];
}

export const CURRENCY = 'USD';

export const catalog: readonly CatalogProduct[] = [
  {
    sku: 'FREEPBX',
    name: 'FreePBX',
    serialStyle: 'none',
    plans: [{ sku: 'FPBX-SUP-STD', name: 'FreePBX Commercial Support, 1 year', unitPrice: 14900 }],
  },
  {
    sku: 'FPBX-APP-60',
    name: 'FreePBX Appliance 60',
    serialStyle: 'freepbx-appliance',
    plans: [
      { sku: 'FPBX-APP-60-SUP', name: 'FreePBX Appliance 60 Support, 1 year', unitPrice: 19900 },
    ],
  },
  {
    sku: 'FPBX-APP-100',
    name: 'FreePBX Appliance 100',
    serialStyle: 'freepbx-appliance',
    plans: [
      { sku: 'FPBX-APP-100-SUP', name: 'FreePBX Appliance 100 Support, 1 year', unitPrice: 24900 },
    ],
  },
  {
    sku: 'PBXACT-60',
    name: 'PBXact 60',
    serialStyle: 'pbxact',
    plans: [
      { sku: 'PBXACT-60-STD', name: 'PBXact 60 Standard Support, 1 year', unitPrice: 29900 },
      { sku: 'PBXACT-60-PRM', name: 'PBXact 60 Premium Support, 1 year', unitPrice: 44900 },
    ],
  },
  {
    sku: 'PBXACT-100',
    name: 'PBXact 100',
    serialStyle: 'pbxact',
    plans: [
      { sku: 'PBXACT-100-STD', name: 'PBXact 100 Standard Support, 1 year', unitPrice: 39900 },
      { sku: 'PBXACT-100-PRM', name: 'PBXact 100 Premium Support, 1 year', unitPrice: 59900 },
    ],
  },
  {
    sku: 'PBXACT-400',
    name: 'PBXact 400',
    serialStyle: 'pbxact',
    plans: [
      { sku: 'PBXACT-400-STD', name: 'PBXact 400 Standard Support, 1 year', unitPrice: 69900 },
    ],
  },
  {
    sku: 'SWITCHVOX-65',
    name: 'Switchvox 65',
    serialStyle: 'switchvox',
    plans: [
      { sku: 'SVX-65-STD', name: 'Switchvox 65 Standard Support, 1 year', unitPrice: 54900 },
      { sku: 'SVX-65-PRM', name: 'Switchvox 65 Premium Support, 1 year', unitPrice: 79900 },
    ],
  },
  {
    sku: 'VEGA-60G',
    name: 'Vega 60G',
    serialStyle: 'vega',
    plans: [{ sku: 'VEGA-60G-SUP', name: 'Vega 60G Gateway Support, 1 year', unitPrice: 14900 }],
  },
  {
    sku: 'VEGA-100G',
    name: 'Vega 100G',
    serialStyle: 'vega',
    plans: [{ sku: 'VEGA-100G-SUP', name: 'Vega 100G Gateway Support, 1 year', unitPrice: 18900 }],
  },
];

export function findProduct(sku: string): CatalogProduct {
  const product = catalog.find((candidate) => candidate.sku === sku);
  if (!product) throw new Error(`Unknown product ${sku} in the seed`);
  return product;
}
