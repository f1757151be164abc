import { Hono } from 'hono';
import type { StoredDocument } from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/http-error';
import { parseWith } from '../http/read-json';
import { PageQuerySchema } from './schemas';

/** Collection the outbox mail adapter writes. */
export const OUTBOX_COLLECTION = 'outbox';

/** The messages the outbox mail adapter kept (embedded mode), newest first. */
export function outboxRoutes(deps: RouteDeps): Hono<AppEnv> {
  const outbox = deps.store.collection<StoredDocument>(OUTBOX_COLLECTION);
  const app = new Hono<AppEnv>();

  app.get('/outbox', async (c) => {
    const query = parseWith(c, PageQuerySchema, c.req.query());
    const { items, total } = await outbox.find(c.get('userId'), {
      sort: { field: 'createdAt', direction: 'desc' },
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({ items, total, limit: query.limit, offset: query.offset });
  });

  app.get('/outbox/:id', async (c) => {
    const message = await outbox.get(c.get('userId'), c.req.param('id'));
    if (!message) throw new HttpError(404, 'not_found');
    return c.json(message);
  });

  return app;
}
