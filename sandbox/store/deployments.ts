// Reading deployments as a given user sees them. Visibility is part of every query: a user
// sees their own organization's deployments and its direct customers', so an invisible
// deployment and a missing one produce the very same empty result.

import type { Database } from 'better-sqlite3';
import type { SupportRecord } from '../../lib/portal/schemas';
import { statement } from '../db/statements';
import type { PortalUser } from '../http/env';

interface DeploymentRow {
  id: string;
  name: string;
  registeredOn: string;
  organizationId: string;
  organizationName: string;
  productSku: string;
  productName: string;
  expiresOn: string;
  planSku: string;
  planName: string;
  unitPrice: number;
  currency: string;
  serials: string | null;
}

const SELECT_VISIBLE = `
  SELECT d.id, d.name, d.registered_on AS registeredOn,
    o.id AS organizationId, o.name AS organizationName,
    p.sku AS productSku, p.name AS productName,
    d.expires_on AS expiresOn, sp.sku AS planSku, sp.name AS planName,
    sp.unit_price AS unitPrice, sp.currency AS currency,
    (SELECT group_concat(serial, ' ') FROM
      (SELECT serial FROM serials WHERE deployment_id = d.id ORDER BY serial)) AS serials
  FROM deployments d
  JOIN organizations o ON o.id = d.organization_id
  JOIN products p ON p.sku = d.product_sku
  JOIN support_plans sp ON sp.sku = d.plan_sku
  WHERE d.organization_id IN
    (SELECT id FROM organizations WHERE id = @org OR parent_id = @org)`;

function toRecord(row: DeploymentRow): SupportRecord {
  return {
    deployment: {
      id: row.id,
      name: row.name,
      registeredOn: row.registeredOn,
      organization: { id: row.organizationId, name: row.organizationName },
    },
    product: { sku: row.productSku, name: row.productName },
    serials: row.serials ? row.serials.split(' ') : [],
    support: {
      expiresOn: row.expiresOn,
      plan: { sku: row.planSku, name: row.planName },
      unitPrice: { amount: row.unitPrice, currency: row.currency },
    },
  };
}

export function findVisibleDeployment(
  db: Database,
  user: PortalUser,
  deploymentId: string,
): SupportRecord | undefined {
  const row = statement(db, `${SELECT_VISIBLE} AND d.id = @id`).get({
    org: user.organizationId,
    id: deploymentId,
  }) as DeploymentRow | undefined;
  return row && toRecord(row);
}

export function findVisibleBySerial(
  db: Database,
  user: PortalUser,
  serial: string,
): SupportRecord | undefined {
  const row = statement(
    db,
    `${SELECT_VISIBLE} AND d.id = (SELECT deployment_id FROM serials WHERE serial = @serial)`,
  ).get({ org: user.organizationId, serial: serial.trim() }) as DeploymentRow | undefined;
  return row && toRecord(row);
}

/**
 * Deployments whose number starts with `query` or whose name contains it (ASCII
 * case-insensitive), ordered by number. An empty query lists everything visible.
 */
export function searchVisibleDeployments(
  db: Database,
  user: PortalUser,
  query: string,
  limit: number,
): SupportRecord[] {
  const params = {
    org: user.organizationId,
    limit,
    prefix: query,
    contains: `%${escapeLike(query)}%`,
  };
  const filter = query
    ? `AND (substr(id, 1, length(@prefix)) = @prefix OR name LIKE @contains ESCAPE '\\')`
    : '';
  // Pick the ids from the narrow covering index first, then read only those rows.
  const rows = statement(
    db,
    `${SELECT_VISIBLE} AND d.id IN (
       SELECT id FROM deployments INDEXED BY deployments_search
       WHERE organization_id IN (SELECT id FROM organizations WHERE id = @org OR parent_id = @org)
       ${filter} ORDER BY id LIMIT @limit)
     ORDER BY d.id`,
  ).all(params) as DeploymentRow[];
  return rows.map(toRecord);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
