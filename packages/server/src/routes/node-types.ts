import { Hono } from 'hono';
import type { NodeTypeDescriptor } from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import type { AppEnv } from '../http/env';

/** `GET /api/node-types`: the registry's catalogue (JSON Schemas, titles, sampleOutput) for the builder. */
export function nodeTypeRoutes(deps: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let catalogue: NodeTypeDescriptor[] | undefined;
  app.get('/node-types', (c) => {
    // The registry is frozen once the engine exists, so the catalogue is computed once.
    catalogue ??= deps.engine.registry.describe();
    return c.json({ items: catalogue });
  });
  return app;
}
