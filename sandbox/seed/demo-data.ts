// The hand-written part of the demo seed. Deployment IDs and serials come from the
// identifier corpus and the demo pages, so the extension finds them there. Expiry dates are
// offsets from the portal's today, covering every case the catch-up rule has.

import type { Offset } from './dates';

export interface SeedOrganization {
  id: string;
  name: string;
  parentId: string | null;
}

export const RESELLER_ORG = 'org-brightline';
export const OTHER_ORG = 'org-orchid';

export const organizations: readonly SeedOrganization[] = [
  { id: RESELLER_ORG, name: 'Brightline Communications', parentId: null },
  { id: 'org-lakeshore', name: 'Lakeshore Dental Group', parentId: RESELLER_ORG },
  { id: 'org-harbourline', name: 'Harbourline Logistics', parentId: RESELLER_ORG },
  { id: 'org-northgate', name: 'Northgate Veterinary', parentId: RESELLER_ORG },
  { id: 'org-pinecrest', name: 'Pinecrest Schools', parentId: RESELLER_ORG },
  { id: 'org-ridgeway', name: 'Ridgeway Law LLP', parentId: RESELLER_ORG },
  { id: 'org-oakridge', name: 'Oakridge Motors', parentId: RESELLER_ORG },
  // Unrelated: nothing of theirs may ever be visible to Brightline, and the reverse.
  { id: OTHER_ORG, name: 'Orchid Voice Networks', parentId: null },
  { id: 'org-tidewater', name: 'Tidewater Marine Supply', parentId: OTHER_ORG },
];

export const DEMO_PASSWORD = 'renewal-scout-demo';

export const users = [
  {
    id: 'usr-reseller',
    email: 'reseller@example.test',
    name: 'Robin Reyes',
    organizationId: RESELLER_ORG,
  },
  {
    id: 'usr-other',
    email: 'other@example.test',
    name: 'Olivia Ortega',
    organizationId: OTHER_ORG,
  },
] as const;

export interface SeedDeployment {
  id: string;
  name: string;
  organizationId: string;
  productSku: string;
  /** Defaults to the product's first plan. */
  planSku?: string;
  serials: string[];
  /** 'leap-day': the latest Feb 29 before today. */
  expires: Offset | 'leap-day';
}

export const demoDeployments: readonly SeedDeployment[] = [
  // Lapsed 5+ years: 6 packages (5 catch-up years).
  d(
    '14181336',
    'Lakeshore Dental, main office',
    'org-lakeshore',
    'PBXACT-60',
    ['VS0164AB', 'VS0232CD', 'FX22090041'],
    { years: -5, days: -80 },
  ),
  // Expiring within 30 days.
  d(
    '85922823',
    'Harbourline warehouse',
    'org-harbourline',
    'FPBX-APP-100',
    ['SVX-6C5A-5A62R', 'SVX-2F9K-77QA'],
    { days: 12 },
  ),
  // Lapsed a little over a year: 2 packages.
  d('47310958', 'Northgate clinic', 'org-northgate', 'FPBX-APP-100', ['FPBX-100-00A3C9'], {
    years: -1,
    days: -45,
  }),
  {
    ...d('90516244', 'Ridgeway Law, downtown', 'org-ridgeway', 'PBXACT-60', ['PBXACT60A1B2'], {
      days: 200,
    }),
    planSku: 'PBXACT-60-PRM',
  },
  d('71159380', 'Oakridge showroom', 'org-oakridge', 'SWITCHVOX-65', ['SNG-4471-K2Q8'], {
    days: 300,
  }),
  // Lapsed less than a year: 1 package, no catch-up.
  d('42512316', 'Northgate annex', 'org-northgate', 'PBXACT-100', ['FPBX-100-4F0C93'], {
    days: -20,
  }),
  d('94304018', 'Ridgeway Law, records centre', 'org-ridgeway', 'PBXACT-400', ['FPBX-100-DBEE53'], {
    years: 1,
    days: 40,
  }),
  d('62047719', 'Oakridge service bay', 'org-oakridge', 'SWITCHVOX-65', ['FPBX-100-3B74A5'], {
    days: 3,
  }),
  d('36925814', 'Pinecrest high school', 'org-pinecrest', 'FPBX-APP-60', ['FPBX-100-AF8253'], {
    years: -2,
    days: -10,
  }),
  // Feb 29 expiry.
  d('19750628', 'Pinecrest district office', 'org-pinecrest', 'FREEPBX', [], 'leap-day'),
  // Boundaries: last covered day is today; 30 days out; expired yesterday.
  d('64218095', 'Brightline hosted PBX A', 'org-brightline', 'FREEPBX', [], { days: 0 }),
  d(
    '93081756',
    'Brightline head office',
    'org-brightline',
    'FPBX-APP-100',
    ['FPBX-100-00B71E', 'FPBX-7A21-9C03'],
    { days: 30 },
  ),
  d('41867203', 'Brightline lab', 'org-brightline', 'PBXACT-100', [], { days: -1 }),
  d('16081095', 'Harbourline dispatch', 'org-harbourline', 'FPBX-APP-60', ['FR4M3-0099'], {
    days: 150,
  }),
  d('66037476', 'Lakeshore Dental, east clinic', 'org-lakeshore', 'VEGA-100G', [], {
    years: -3,
    days: -5,
  }),
  d('54475490', 'Lakeshore Dental, west clinic', 'org-lakeshore', 'VEGA-60G', ['VS032BKD'], {
    days: 25,
  }),
  // Lapsed 7+ years: 8 packages.
  d('96295684', 'Harbourline cold store', 'org-harbourline', 'PBXACT-60', ['SVX-491E-1E81R'], {
    years: -7,
    days: -100,
  }),
  d('55893026', 'Pinecrest middle school', 'org-pinecrest', 'PBXACT-100', ['FPBX-60-03D9E1'], {
    days: 60,
  }),
  d('48583619', 'Pinecrest elementary', 'org-pinecrest', 'PBXACT-400', ['FPBX-100-7CCA2E'], {
    days: -200,
  }),
  d('63010537', 'Ridgeway Law, uptown', 'org-ridgeway', 'FPBX-APP-100', ['PBXACT1000A17B2'], {
    days: 365,
  }),
  d('50602765', 'Oakridge parts counter', 'org-oakridge', 'VEGA-100G', ['VS0325K9'], { days: 7 }),
  d('32903937', 'Oakridge body shop', 'org-oakridge', 'VEGA-60G', ['VS0E68K6'], {
    years: -1,
    days: -1,
  }),
  d('29459446', 'Brightline support desk', 'org-brightline', 'PBXACT-60', ['PBXACT601AED80'], {
    days: 90,
  }),
  d('78438004', 'Northgate boarding', 'org-northgate', 'PBXACT-100', ['VS080DKA'], {
    years: -4,
    days: -30,
  }),
  d('46451655', 'Ridgeway Law, chambers', 'org-ridgeway', 'PBXACT-400', [], { days: 500 }),
  d('15920969', 'Harbourline yard office', 'org-harbourline', 'FPBX-APP-100', ['SVX-0B7F-7F6AR'], {
    days: 18,
  }),
  d('58987777', 'Lakeshore Dental, lab', 'org-lakeshore', 'FPBX-APP-60', ['FPBX-100-6F7500'], {
    years: -6,
    days: -10,
  }),
  d('56312166', 'Brightline training room', 'org-brightline', 'VEGA-100G', ['SVX-1C32-321BR'], {
    days: 240,
  }),
  // Orchid's: real deployments the reseller must not see (30000007 shares a demo page
  // with two of the reseller's).
  d('30000007', 'Orchid head office', OTHER_ORG, 'SWITCHVOX-65', ['SVX-9125-25F6R'], {
    days: -400,
  }),
  d('27596340', 'Tidewater store', 'org-tidewater', 'PBXACT-100', ['PBXACT100F2C3A1'], {
    days: 100,
  }),
];

/** IDs that appear on the demo pages but exist nowhere in the portal. */
export const unknownDeploymentIds: readonly string[] = ['58602147', '80433172'];

function d(
  id: string,
  name: string,
  organizationId: string,
  productSku: string,
  serials: string[],
  expires: SeedDeployment['expires'],
): SeedDeployment {
  return { id, name, organizationId, productSku, serials, expires };
}
