import { createRoute, z } from '@hono/zod-openapi';
import type { Store } from '@swigs/automation-core';
import { createRouter, type ApiRouter } from '../http/router';
import { jsonContent } from '../openapi/responses';

const tags = ['health'];
const ReadinessSchema = z
  .object({ status: z.enum(['ready', 'starting', 'unavailable']), store: z.string().optional() })
  .openapi('Readiness');

const liveness = createRoute({
  operationId: 'liveness',
  method: 'get',
  path: '/healthz',
  tags,
  summary: 'Liveness: the process answers',
  security: [],
  responses: { 200: jsonContent(z.object({ status: z.literal('ok') }), 'Alive') },
});

const readiness = createRoute({
  operationId: 'readiness',
  method: 'get',
  path: '/readyz',
  tags,
  summary: 'Readiness: the store answers and the scheduler runs',
  security: [],
  responses: {
    200: jsonContent(ReadinessSchema, 'Ready'),
    503: jsonContent(ReadinessSchema, 'Starting, or the store is unreachable'),
  },
});

/** `/healthz` (the process answers) and `/readyz` (the store answers and the scheduler runs). */
export function healthRoutes(store: Store, isReady?: () => boolean | Promise<boolean>): ApiRouter {
  const app = createRouter();
  app.openapi(liveness, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readiness, async (c) => {
    try {
      await store.automations.list('__readyz__', { limit: 1 });
      if (isReady && !(await isReady())) return c.json({ status: 'starting' as const }, 503);
      return c.json({ status: 'ready' as const, store: store.name }, 200);
    } catch {
      return c.json({ status: 'unavailable' as const, store: store.name }, 503);
    }
  });
  return app;
}
