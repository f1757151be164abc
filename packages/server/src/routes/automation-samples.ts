import { createRoute, z } from '@hono/zod-openapi';
import type { Automation } from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import { HttpError } from '../http/http-error';
import { createRouter, type ApiRouter } from '../http/router';
import { jsonContent, jsonRequest, noContent } from '../openapi/responses';
import { DEFAULT_LISTEN_MS } from '../samples/sample-listeners';
import { requireAutomation } from './automations';
import { AutomationResponseSchema, ListenStateSchema } from './response-schemas';
import { IdParamsSchema } from './schemas';

const tags = ['automations'];

/** Trigger types whose next event can be listened for: the webhook call and the CMS's events. */
const LISTENABLE = /^(webhook\.received|order\.|customer\.)/;
const DELAY_TRIGGER = 'time.delay';

const SampleFromRunBodySchema = z
  .object({ runId: z.string().min(1).max(200).openapi({ description: 'A run of this automation' }) })
  .openapi('SampleFromRunBody');

const ListenBodySchema = z
  .object({
    seconds: z
      .number()
      .int()
      .min(10)
      .max(3600)
      .optional()
      .openapi({ description: 'How long to wait for the event (default 600 s)' }),
  })
  .optional()
  .openapi('ListenBody');

const sampleFromRun = createRoute({
  operationId: 'takeSampleFromRun',
  method: 'post',
  path: '/automations/{id}/sample-data/from-run',
  tags,
  summary: 'Store a past run’s trigger data as the automation’s sampleData (n8n’s "debug in editor")',
  request: { params: IdParamsSchema, body: jsonRequest(SampleFromRunBodySchema) },
  responses: { 200: jsonContent(AutomationResponseSchema, 'The automation with its new sample data') },
});

const startListening = createRoute({
  operationId: 'listenForSample',
  method: 'post',
  path: '/automations/{id}/listen',
  tags,
  summary:
    'Listen for the next event: the next webhook call or CMS event for this automation (for a `time.delay`, the CMS event it follows) becomes its sampleData and does not run',
  request: { params: IdParamsSchema, body: jsonRequest(ListenBodySchema) },
  responses: { 200: jsonContent(ListenStateSchema, 'Listening') },
});

const listenState = createRoute({
  operationId: 'getListenState',
  method: 'get',
  path: '/automations/{id}/listen',
  tags,
  summary: 'Whether the automation still listens (false once the event arrived: read its sampleData)',
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(ListenStateSchema, 'The listener') },
});

const stopListening = createRoute({
  operationId: 'stopListening',
  method: 'delete',
  path: '/automations/{id}/listen',
  tags,
  summary: 'Stop listening',
  request: { params: IdParamsSchema },
  responses: { 204: noContent('No longer listening') },
});

/** Ways to get sample data besides typing it: a past run's trigger data, or the next real event. */
export function automationSampleRoutes(deps: RouteDeps): ApiRouter {
  const { store, engine, clock, listeners } = deps;
  const app = createRouter();

  app.openapi(sampleFromRun, async (c) => {
    const userId = c.get('userId');
    const automation = await requireAutomation(store, userId, c.req.valid('param').id);
    const { runId } = c.req.valid('json');
    const run = await store.runs.get(userId, runId);
    if (!run) throw new HttpError(404, 'not_found');
    if (run.automationId !== automation.id) throw new HttpError(409, 'run_other_automation');
    if (run.triggerData === undefined) throw new HttpError(409, 'run_has_no_trigger_data');
    // Sample data is not part of the graph: no new version, and an active automation stays as it is.
    const next: Automation = { ...automation, sampleData: run.triggerData, updatedAt: clock.now() };
    const saved = await store.automations.save(next);
    return c.json({ ...saved, problems: await engine.validateAsync(saved, { lang: c.get('lang') }) }, 200);
  });

  app.openapi(startListening, async (c) => {
    const automation = await requireAutomation(store, c.get('userId'), c.req.valid('param').id);
    // A delay's payload is its source event's: listening for it is listening for that event.
    const eventType = automation.trigger.type === DELAY_TRIGGER ? sourceEventOf(automation) : automation.trigger.type;
    if (!LISTENABLE.test(eventType)) {
      throw new HttpError(409, 'listen_not_supported', { params: { trigger: eventType } });
    }
    const seconds = c.req.valid('json')?.seconds;
    return c.json(await listeners.arm(automation, seconds ? seconds * 1000 : DEFAULT_LISTEN_MS, eventType), 200);
  });

  app.openapi(listenState, async (c) => {
    const automation = await requireAutomation(store, c.get('userId'), c.req.valid('param').id);
    return c.json(await listeners.state(automation.userId, automation.id), 200);
  });

  app.openapi(stopListening, async (c) => {
    const automation = await requireAutomation(store, c.get('userId'), c.req.valid('param').id);
    await listeners.disarm(automation.userId, automation.id);
    return c.body(null, 204);
  });

  return app;
}

/** The event a `time.delay` trigger follows, as stored (`''` when its config names none). */
function sourceEventOf(automation: Automation): string {
  const event = (automation.trigger.config as { event?: unknown } | undefined)?.event;
  return typeof event === 'string' ? event : '';
}
