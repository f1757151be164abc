import { createRoute } from '@hono/zod-openapi';
import type { Automation } from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import { createRouter, type ApiRouter } from '../http/router';
import { jsonContent, jsonRequest } from '../openapi/responses';
import { checked, requireAutomation } from './automations';
import { AutomationResponseSchema, AutomationRunResponseSchema, DryRunResultSchema } from './response-schemas';
import { IdParamsSchema, IdempotencyHeadersSchema, RunBodySchema, TestBodySchema, ToggleBodySchema } from './schemas';

const tags = ['automations'];

const toggleAutomation = createRoute({
  operationId: 'toggleAutomation',
  method: 'patch',
  path: '/automations/{id}/toggle',
  tags,
  summary: 'Switch an automation on or off (switching on re-validates)',
  request: { params: IdParamsSchema, body: jsonRequest(ToggleBodySchema, 'Without `isActive` the flag flips') },
  responses: { 200: jsonContent(AutomationResponseSchema, 'The stored automation') },
});

const testAutomation = createRoute({
  operationId: 'testAutomation',
  method: 'post',
  path: '/automations/{id}/test',
  tags,
  summary: 'Dry run on a virtual clock: the simulated timeline, nothing sent',
  request: { params: IdParamsSchema, body: jsonRequest(TestBodySchema) },
  responses: { 200: jsonContent(DryRunResultSchema, 'The simulated timeline') },
});

const runAutomation = createRoute({
  operationId: 'runAutomation',
  method: 'post',
  path: '/automations/{id}/run',
  tags,
  summary: 'Run an automation now with a payload (default: its sampleData); `Idempotency-Key` makes retries safe',
  request: { params: IdParamsSchema, headers: IdempotencyHeadersSchema, body: jsonRequest(RunBodySchema) },
  responses: { 201: jsonContent(AutomationRunResponseSchema, 'The run, as far as it went before answering') },
});

/** Toggle, dry run and manual run of an automation, scoped to the caller's tenant. */
export function automationActionRoutes(deps: RouteDeps): ApiRouter {
  const { store, engine, clock } = deps;
  const app = createRouter();

  app.openapi(toggleAutomation, async (c) => {
    const current = await requireAutomation(store, c.get('userId'), c.req.valid('param').id);
    const body = c.req.valid('json');
    const next: Automation = { ...current, isActive: body?.isActive ?? !current.isActive, updatedAt: clock.now() };
    const problems = await checked(engine, next, c.get('lang'));
    const saved = await store.automations.save(next);
    return c.json({ ...saved, problems }, 200);
  });

  app.openapi(testAutomation, async (c) => {
    const current = await requireAutomation(store, c.get('userId'), c.req.valid('param').id);
    const body = c.req.valid('json');
    const draft: Automation = { ...current, ...(body?.automation ?? {}) };
    const result = await engine.testAutomation(draft, body?.sampleData, { lang: c.get('lang') });
    return c.json(result, 200);
  });

  app.openapi(runAutomation, async (c) => {
    const body = c.req.valid('json');
    const { id } = c.req.valid('param');
    const userId = c.get('userId');
    const key = c.req.valid('header')['idempotency-key'];
    // Without a payload the run takes the automation's sample data, as the UI's manual-run dialog offers it.
    const payload =
      body?.payload !== undefined ? body.payload : ((await requireAutomation(store, userId, id)).sampleData ?? {});
    // The engine loads the automation for this tenant and answers NotFoundError (404) for another's. With a key,
    // a second call within 24 h gets the first call's run (same id), whichever worker answers.
    const run = await engine.runAutomation(id, payload, { userId, ...(key ? { idempotencyKey: key } : {}) });
    return c.json(run, 201);
  });

  return app;
}
