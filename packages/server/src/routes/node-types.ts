import { createRoute, z } from '@hono/zod-openapi';
import type { NodeTypeDescriptor } from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import { createRouter, type ApiRouter } from '../http/router';
import { jsonContent } from '../openapi/responses';
import { NodeTypeSchema } from './response-schemas';

const listNodeTypes = createRoute({
  operationId: 'listNodeTypes',
  method: 'get',
  path: '/node-types',
  tags: ['node types'],
  summary: 'The node catalogue for the builder: titles, config JSON Schemas, output JSON Schemas, sample outputs',
  description:
    'What a step can read: the trigger’s data under `trigger.` (its node type’s `outputJsonSchema` is the payload), ' +
    'the output of an earlier step under `nodes.<id>.`. Parts marked `x-swigs-open` accept any path below them ' +
    '(a webhook’s `trigger.body.status`, a manual run’s `trigger.total`); `x-swigs-from-config` outputs follow ' +
    'the step’s config (a transform’s `fields`).',
  responses: { 200: jsonContent(z.object({ items: z.array(NodeTypeSchema) }), 'Every node type') },
});

/** `GET /api/node-types`: the registry's catalogue (JSON Schemas, titles, sampleOutput) for the builder. */
export function nodeTypeRoutes(deps: RouteDeps): ApiRouter {
  const app = createRouter();
  let catalogue: NodeTypeDescriptor[] | undefined;
  app.openapi(listNodeTypes, (c) => {
    // The registry is frozen once the engine exists, so the catalogue is computed once.
    catalogue ??= deps.engine.registry.describe();
    return c.json({ items: catalogue }, 200);
  });
  return app;
}
