import { createRoute } from '@hono/zod-openapi';
import type { Automation } from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import { HttpError } from '../http/http-error';
import { createRouter, type ApiRouter } from '../http/router';
import { jsonContent, jsonRequest } from '../openapi/responses';
import { requireAutomation } from './automations';
import {
  STATS_PERIODS,
  StatsQuerySchema,
  StepStatsResponseSchema,
  StepTestResultSchema,
  TestStepBodySchema,
} from './insight-schemas';
import { IdParamsSchema } from './schemas';

const tags = ['automations'];
const DAY_MS = 86_400_000;

const getStepStats = createRoute({
  operationId: 'getAutomationStepStats',
  method: 'get',
  path: '/automations/{id}/stats',
  tags,
  summary: 'Per step of one version: runs that reached it, waiting there now, succeeded, failed, messages sent',
  request: { params: IdParamsSchema, query: StatsQuerySchema },
  responses: { 200: jsonContent(StepStatsResponseSchema, 'The figures per step (steps never reached are absent)') },
});

const testStepRoute = createRoute({
  operationId: 'testAutomationStep',
  method: 'post',
  path: '/automations/{id}/test-step',
  tags,
  summary: 'Run one step on given input, dry unless `live`: its output or error, nothing stored',
  request: { params: IdParamsSchema, body: jsonRequest(TestStepBodySchema) },
  responses: { 200: jsonContent(StepTestResultSchema, 'The step’s input and output') },
});

/** What the builder shows beside the graph: per-step stats and "test this step", scoped to the caller's tenant. */
export function automationInsightRoutes(deps: RouteDeps): ApiRouter {
  const { store, engine, clock } = deps;
  const app = createRouter();

  app.openapi(getStepStats, async (c) => {
    const userId = c.get('userId');
    const automation = await requireAutomation(store, userId, c.req.valid('param').id);
    const query = c.req.valid('query');
    if (!store.runs.stepStats) throw new HttpError(503, 'stats_unavailable');
    const since =
      query.since in STATS_PERIODS
        ? new Date(clock.now().getTime() - STATS_PERIODS[query.since as keyof typeof STATS_PERIODS] * DAY_MS)
        : new Date(query.since);
    const version = query.version ?? automation.version;
    const steps = await store.runs.stepStats(userId, automation.id, { version, since });
    return c.json({ automationId: automation.id, version, since: since.toISOString(), steps }, 200);
  });

  app.openapi(testStepRoute, async (c) => {
    const userId = c.get('userId');
    const current = await requireAutomation(store, userId, c.req.valid('param').id);
    const body = c.req.valid('json');
    const draft: Automation = { ...current, ...(body.automation ?? {}) };
    if (!draft.nodes.some((node) => node.id === body.nodeId)) throw new HttpError(404, 'step_not_found');
    let data = body.data ?? { trigger: draft.sampleData ?? {}, nodes: {} };
    if (body.runId) {
      const run = await store.runs.get(userId, body.runId);
      if (!run || run.automationId !== current.id) throw new HttpError(404, 'not_found');
      data = { trigger: run.triggerData, nodes: run.outputs };
    }
    const result = await engine.testStep(draft, body.nodeId, data, { live: body.live === true });
    return c.json(
      {
        ...result,
        startedAt: result.startedAt.toISOString(),
        ...(result.waitUntil ? { waitUntil: result.waitUntil.toISOString() } : {}),
      },
      200,
    );
  });

  return app;
}
