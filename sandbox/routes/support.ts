// POST /api/v1/support/lookup and GET /api/v1/deployments.

import { Hono } from 'hono';
import * as z from 'zod/mini';
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

const searchParamsSchema = z.object({
  query: z.optional(z.string().check(z.maxLength(MAX_SEARCH_QUERY_LENGTH))),
  limit: z.optional(
    z.string().check(z.regex(/^\d{1,4}$/, `must be a whole number from 1 to ${SEARCH_LIMIT_MAX}`)),
  ),
});

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
    const parsed = z.safeParse(searchParamsSchema, {
      query: c.req.query('query'),
      limit: c.req.query('limit'),
    });
    const limit =
      parsed.success && parsed.data.limit !== undefined
        ? Number(parsed.data.limit)
        : SEARCH_LIMIT_DEFAULT;
    if (!parsed.success || limit < 1 || limit > SEARCH_LIMIT_MAX) {
      const path = parsed.success ? 'limit' : String(parsed.error.issues[0]?.path[0] ?? 'query');
      throw problems.validation([
        {
          path: `/${path}`,
          message:
            path === 'limit'
              ? `must be a whole number from 1 to ${SEARCH_LIMIT_MAX}`
              : `must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`,
        },
      ]);
    }
    const query = (parsed.data.query ?? '').trim();
    return c.json({
      deployments: searchVisibleDeployments(portal.db, c.get('user'), query, limit),
    });
  });

  return app;
}
