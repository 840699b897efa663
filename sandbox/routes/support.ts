// POST /api/v1/support/lookup and GET /api/v1/deployments.

import { Hono } from 'hono';
import type { FieldError } from '../../lib/portal/problems';
import {
  type LookupResult,
  lookupRequestSchema,
  MAX_SEARCH_QUERY_LENGTH,
  SEARCH_LIMIT_DEFAULT,
  SEARCH_LIMIT_MAX,
} from '../../lib/portal/schemas';
import type { Portal, PortalEnv } from '../http/env';
import { readJson } from '../http/json-body';
import { problems } from '../http/problem';
import {
  findVisibleBySerial,
  findVisibleDeployment,
  searchVisibleDeployments,
} from '../store/deployments';

/** Search parameters: both optional; every problem reported at once. */
function readSearchParams(query: string | undefined, limit: string | undefined) {
  const errors: FieldError[] = [];
  if (query !== undefined && query.length > MAX_SEARCH_QUERY_LENGTH) {
    errors.push({
      path: '/query',
      message: `must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`,
    });
  }
  const count =
    limit === undefined ? SEARCH_LIMIT_DEFAULT : /^\d{1,3}$/.test(limit) ? Number(limit) : 0;
  if (count < 1 || count > SEARCH_LIMIT_MAX) {
    errors.push({
      path: '/limit',
      message: `must be a whole number from 1 to ${SEARCH_LIMIT_MAX}`,
    });
  }
  if (errors.length > 0) throw problems.validation(errors);
  return { query: (query ?? '').trim(), limit: count };
}

export function supportRoutes(portal: Portal) {
  const app = new Hono<PortalEnv>();

  app.post('/support/lookup', async (c) => {
    const { items } = await readJson(c, lookupRequestSchema);
    const user = c.get('user');
    const results = items.map((item): LookupResult => {
      const record =
        item.kind === 'deployment'
          ? findVisibleDeployment(portal.db, user, item.value.trim())
          : findVisibleBySerial(portal.db, user, item.value);
      return record
        ? { kind: item.kind, value: item.value, found: true, ...record }
        : { kind: item.kind, value: item.value, found: false };
    });
    return c.json({ results });
  });

  app.get('/deployments', (c) => {
    const { query, limit } = readSearchParams(c.req.query('query'), c.req.query('limit'));
    return c.json({
      deployments: searchVisibleDeployments(portal.db, c.get('user'), query, limit),
    });
  });

  return app;
}
