import { Hono } from 'hono';
import { TERMINAL_RUN_STATUSES, type AutomationRun } from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/http-error';
import { parseWith } from '../http/read-json';
import { RunListQuerySchema } from './schemas';

/** Run history, detail, retry, cancel and delete, scoped to the caller's tenant. */
export function runRoutes(deps: RouteDeps): Hono<AppEnv> {
  const { store, engine } = deps;
  const app = new Hono<AppEnv>();

  app.get('/automations/:id/runs', async (c) => {
    const userId = c.get('userId');
    const query = parseWith(c, RunListQuerySchema, c.req.query());
    const automation = await store.automations.get(userId, c.req.param('id'));
    if (!automation) throw new HttpError(404, 'not_found');
    const { items, total } = await store.runs.list({
      userId,
      automationId: automation.id,
      limit: query.limit,
      offset: query.offset,
      ...(query.status ? { status: query.status } : {}),
    });
    return c.json({ items: items.map(summary), total, limit: query.limit, offset: query.offset });
  });

  app.get('/automation-runs', async (c) => {
    const query = parseWith(c, RunListQuerySchema, c.req.query());
    const { items, total } = await store.runs.list({
      userId: c.get('userId'),
      limit: query.limit,
      offset: query.offset,
      ...(query.status ? { status: query.status } : {}),
      ...(query.automationId ? { automationId: query.automationId } : {}),
    });
    return c.json({ items: items.map(summary), total, limit: query.limit, offset: query.offset });
  });

  app.get('/automation-runs/:id', async (c) => {
    const run = await store.runs.get(c.req.param('id'), c.get('userId'));
    if (!run) throw new HttpError(404, 'not_found');
    return c.json(run);
  });

  app.post('/automation-runs/:id/retry', async (c) => {
    const userId = c.get('userId');
    const existing = await store.runs.get(c.req.param('id'), userId);
    if (!existing) throw new HttpError(404, 'not_found');
    if (existing.status !== 'failed') {
      throw new HttpError(409, 'conflict', { issues: [{ path: ['status'], message: existing.status }] });
    }
    const run = await engine.retryRun(existing.id, { userId });
    return c.json(run);
  });

  app.post('/automation-runs/:id/cancel', async (c) => {
    const userId = c.get('userId');
    const existing = await store.runs.get(c.req.param('id'), userId);
    if (!existing) throw new HttpError(404, 'not_found');
    if (TERMINAL_RUN_STATUSES.includes(existing.status)) {
      throw new HttpError(409, 'conflict', { issues: [{ path: ['status'], message: existing.status }] });
    }
    const run = await engine.cancelRun(existing.id, { userId });
    if (!run || run.status !== 'cancelled') {
      throw new HttpError(409, 'conflict', { issues: [{ path: ['status'], message: run?.status ?? existing.status }] });
    }
    return c.json(run);
  });

  app.delete('/automation-runs/:id', async (c) => {
    const userId = c.get('userId');
    const existing = await store.runs.get(c.req.param('id'), userId);
    if (!existing) throw new HttpError(404, 'not_found');
    // A run a worker holds right now would be written back by it; cancel it first.
    if (existing.status === 'running' || existing.status === 'pending') {
      throw new HttpError(409, 'conflict', { issues: [{ path: ['status'], message: existing.status }] });
    }
    await store.runs.delete(existing.id, userId);
    return c.body(null, 204);
  });

  return app;
}

/** A run without its outputs, queue and log, for lists. */
export function summary(run: AutomationRun): Omit<AutomationRun, 'outputs' | 'executionLog' | 'queue'> {
  const { outputs: _o, executionLog: _l, queue: _q, ...rest } = run;
  return rest;
}
