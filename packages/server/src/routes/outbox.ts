import { createRoute } from '@hono/zod-openapi';
import type { StoredDocument } from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import { HttpError } from '../http/http-error';
import { createRouter, type ApiRouter } from '../http/router';
import { jsonContent } from '../openapi/responses';
import { PageQuerySchema, pageBody } from './paging';
import { OutboxMessageSchema, OutboxPageSchema } from './response-schemas';
import { IdParamsSchema } from './schemas';

/** Collection the outbox mail adapter writes. */
export const OUTBOX_COLLECTION = 'outbox';
const tags = ['outbox'];

const listOutbox = createRoute({
  operationId: 'listOutbox',
  method: 'get',
  path: '/outbox',
  tags,
  summary: 'Messages kept by the outbox mail adapter (embedded mode), newest first',
  request: { query: PageQuerySchema },
  responses: { 200: jsonContent(OutboxPageSchema, 'A page of messages') },
});

const getOutboxMessage = createRoute({
  operationId: 'getOutboxMessage',
  method: 'get',
  path: '/outbox/{id}',
  tags,
  summary: 'One outbox message',
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(OutboxMessageSchema, 'The message') },
});

/** The messages the outbox mail adapter kept (embedded mode), newest first. */
export function outboxRoutes(deps: RouteDeps): ApiRouter {
  const outbox = deps.store.collection<StoredDocument>(OUTBOX_COLLECTION);
  const app = createRouter();

  app.openapi(listOutbox, async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await outbox.find(c.get('userId'), {
      sort: { field: 'createdAt', direction: 'desc' },
      limit: query.limit,
      offset: query.offset,
    });
    return c.json(pageBody(items, total, query), 200);
  });

  app.openapi(getOutboxMessage, async (c) => {
    const message = await outbox.get(c.get('userId'), c.req.valid('param').id);
    if (!message) throw new HttpError(404, 'not_found');
    return c.json(message, 200);
  });

  return app;
}
