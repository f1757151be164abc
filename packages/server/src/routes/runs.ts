import { createRoute } from '@hono/zod-openapi';
import { TERMINAL_RUN_STATUSES, type AutomationRun, type Store } from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import { HttpError } from '../http/http-error';
import { createRouter, type ApiRouter } from '../http/router';
import type { Lang } from '../http/env';
import { errorResponses, jsonContent, jsonRequest, noContent } from '../openapi/responses';
import { requireAutomation } from './automations';
import { pageBody } from './paging';
import {
  AutomationRunDetailSchema,
  AutomationRunResponseSchema,
  RunBulkResultSchema,
  RunPageSchema,
} from './response-schemas';
import { runTitle } from './run-titles';
import { encodeRunCursor, IdParamsSchema, RunBulkBodySchema, RunListQuerySchema } from './schemas';

const tags = ['runs'];

const listAutomationRuns = createRoute({
  operationId: 'listAutomationRuns',
  method: 'get',
  path: '/automations/{id}/runs',
  tags,
  summary: 'Runs of an automation, newest first',
  request: { params: IdParamsSchema, query: RunListQuerySchema.pick({ limit: true, offset: true, status: true }) },
  responses: { 200: jsonContent(RunPageSchema, 'A page of runs') },
});

const listRuns = createRoute({
  operationId: 'listRuns',
  method: 'get',
  path: '/automation-runs',
  tags,
  summary:
    'Runs of the tenant, newest first: filters (status, automation, trigger type, period, text in the trigger data), keyset paging by `cursor`',
  request: { query: RunListQuerySchema },
  responses: { 200: jsonContent(RunPageSchema, 'A page of runs') },
});

const bulkRuns = createRoute({
  operationId: 'bulkRuns',
  method: 'post',
  path: '/automation-runs/bulk',
  tags,
  summary: 'Retry (failed runs) or cancel (runs not ended) several runs; the others are skipped with a reason',
  request: { body: jsonRequest(RunBulkBodySchema) },
  responses: { 200: jsonContent(RunBulkResultSchema, 'What was done and what was skipped') },
});

const getRun = createRoute({
  operationId: 'getRun',
  method: 'get',
  path: '/automation-runs/{id}',
  tags,
  summary: 'A run with its execution log',
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(AutomationRunDetailSchema, 'The run') },
});

const retryRun = createRoute({
  operationId: 'retryRun',
  method: 'post',
  path: '/automation-runs/{id}/retry',
  tags,
  summary: 'Retry a failed run from its failed node',
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(AutomationRunResponseSchema, 'The run'), ...errorResponses(409) },
});

const cancelRun = createRoute({
  operationId: 'cancelRun',
  method: 'post',
  path: '/automation-runs/{id}/cancel',
  tags,
  summary: 'Cancel a run that has not ended',
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(AutomationRunResponseSchema, 'The cancelled run'), ...errorResponses(409) },
});

const deleteRun = createRoute({
  operationId: 'deleteRun',
  method: 'delete',
  path: '/automation-runs/{id}',
  tags,
  summary: 'Delete a run (not while it runs)',
  request: { params: IdParamsSchema },
  responses: { 204: noContent('Deleted'), ...errorResponses(409) },
});

/** Run history, detail, retry, cancel and delete, scoped to the caller's tenant. */
export function runRoutes(deps: RouteDeps): ApiRouter {
  const { store, engine } = deps;
  const app = createRouter();

  app.openapi(listAutomationRuns, async (c) => {
    const userId = c.get('userId');
    const query = c.req.valid('query');
    const automation = await requireAutomation(store, userId, c.req.valid('param').id);
    const { items, total } = await store.runs.list({
      userId,
      automationId: automation.id,
      limit: query.limit,
      offset: query.offset,
      ...(query.status ? { status: query.status } : {}),
    });
    const lang = c.get('lang');
    return c.json(
      pageBody(
        items.map((run) => titled(run, lang)),
        total,
        query,
      ),
      200,
    );
  });

  app.openapi(listRuns, async (c) => {
    const query = c.req.valid('query');
    const lang = c.get('lang');
    const { items, total } = await store.runs.list({
      userId: c.get('userId'),
      limit: query.limit,
      offset: query.cursor ? 0 : query.offset,
      ...(query.status ? { status: query.status } : {}),
      ...(query.automationId ? { automationId: query.automationId } : {}),
      ...(query.triggerType ? { triggerType: query.triggerType } : {}),
      ...(query.from ? { createdFrom: new Date(query.from) } : {}),
      ...(query.to ? { createdTo: new Date(query.to) } : {}),
      ...(query.q ? { text: query.q } : {}),
      ...(query.cursor ? { before: query.cursor } : {}),
    });
    const last = items.at(-1);
    const nextCursor = items.length === query.limit && last ? encodeRunCursor(last) : null;
    return c.json(
      {
        ...pageBody(
          items.map((run) => titled(run, lang)),
          total,
          query,
        ),
        nextCursor,
      },
      200,
    );
  });

  app.openapi(bulkRuns, async (c) => {
    const userId = c.get('userId');
    const { action, ids } = c.req.valid('json');
    const done: string[] = [];
    const skipped: Array<{ id: string; reason: string }> = [];
    // One after the other: each goes through the same checks as the single-run routes.
    for (const id of new Set(ids)) {
      const run = await store.runs.get(userId, id);
      if (!run) {
        skipped.push({ id, reason: 'not_found' });
        continue;
      }
      if (action === 'retry') {
        if (run.status !== 'failed') {
          skipped.push({ id, reason: 'run_not_retryable' });
          continue;
        }
        await engine.retryRun(run.id, { userId });
        done.push(id);
      } else {
        const cancelled = TERMINAL_RUN_STATUSES.includes(run.status)
          ? null
          : await engine.cancelRun(run.id, { userId });
        if (cancelled?.status === 'cancelled') done.push(id);
        else skipped.push({ id, reason: 'run_not_cancellable' });
      }
    }
    return c.json({ done, skipped }, 200);
  });

  app.openapi(getRun, async (c) => {
    const run = await requireRun(store, c.get('userId'), c.req.valid('param').id);
    const title = runTitle(run, c.get('lang'));
    return c.json(title ? { ...run, title } : run, 200);
  });

  app.openapi(retryRun, async (c) => {
    const userId = c.get('userId');
    const existing = await requireRun(store, userId, c.req.valid('param').id);
    if (existing.status !== 'failed') throw conflict('run_not_retryable', existing.status);
    const run = await engine.retryRun(existing.id, { userId });
    return c.json(run, 200);
  });

  app.openapi(cancelRun, async (c) => {
    const userId = c.get('userId');
    const existing = await requireRun(store, userId, c.req.valid('param').id);
    if (TERMINAL_RUN_STATUSES.includes(existing.status)) throw conflict('run_not_cancellable', existing.status);
    const run = await engine.cancelRun(existing.id, { userId });
    if (run?.status !== 'cancelled') throw conflict('run_not_cancellable', run?.status ?? existing.status);
    return c.json(run, 200);
  });

  app.openapi(deleteRun, async (c) => {
    const userId = c.get('userId');
    const existing = await requireRun(store, userId, c.req.valid('param').id);
    // A run a worker holds right now would be written back by it; cancel it first.
    if (existing.status === 'running' || existing.status === 'pending') throw conflict('run_busy', existing.status);
    await store.runs.delete(userId, existing.id);
    return c.body(null, 204);
  });

  return app;
}

/** A list entry: the summary with its title from the trigger data. */
function titled(run: AutomationRun, lang: Lang): ReturnType<typeof summary> & { title?: string } {
  const title = runTitle(run, lang);
  return title ? { ...summary(run), title } : summary(run);
}

/** A run without its outputs, queue and log, for lists. */
export function summary(run: AutomationRun): Omit<AutomationRun, 'outputs' | 'executionLog' | 'queue'> {
  const { outputs: _o, executionLog: _l, queue: _q, ...rest } = run;
  return rest;
}

async function requireRun(store: Store, userId: string, id: string): Promise<AutomationRun> {
  const run = await store.runs.get(userId, id);
  if (!run) throw new HttpError(404, 'not_found');
  return run;
}

function conflict(key: 'run_not_retryable' | 'run_not_cancellable' | 'run_busy', status: string): HttpError {
  return new HttpError(409, key, {
    params: { status },
    issues: [{ path: ['status'], key: 'run_status', params: { status } }],
  });
}
