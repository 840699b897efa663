// Watch records for the watchlist's tests: valid by default, any field overridden.
import type { WatchRecord } from '../record';

let names = 0;

/** A database name no other test uses (fake-indexeddb keeps databases for the whole run). */
export const freshName = () => `watchlist-test-${++names}`;

export function watchRecord(id: string, overrides: Partial<WatchRecord> = {}): WatchRecord {
  return {
    deploymentId: id,
    status: 'active',
    name: `Deployment ${id}`,
    organization: 'Customer Ltd',
    product: 'PBXact 60',
    expiresOn: '2027-03-01',
    lastCheckedAt: Date.UTC(2026, 11, 6),
    firstSeen: {
      at: Date.UTC(2026, 11, 1),
      title: 'Ticket #482913',
      url: 'https://help.example.test/t/482913',
    },
    ...overrides,
  };
}
