import { Hono } from 'hono';
import type { Store } from '@swigs/automation-core';
import type { AppEnv } from '../http/env';

/** `/healthz` (the process answers) and `/readyz` (the store answers and the scheduler runs). */
export function healthRoutes(store: Store, isReady?: () => boolean | Promise<boolean>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await store.automations.list('__readyz__', { limit: 1 });
      if (isReady && !(await isReady())) return c.json({ status: 'starting' }, 503);
      return c.json({ status: 'ready', store: store.name });
    } catch {
      return c.json({ status: 'unavailable', store: store.name }, 503);
    }
  });
  return app;
}
