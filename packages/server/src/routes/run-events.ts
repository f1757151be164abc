import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AutomationRun, EngineEvents } from '@swigs/automation-core';
import type { RouteDeps } from '../http/app-deps';
import { createRouter, type ApiRouter } from '../http/router';
import { EventsQuerySchema } from './schemas';

const EVENT_NAMES = [
  'run.created',
  'node.started',
  'node.completed',
  'node.failed',
  'run.waiting',
  'run.completed',
  'run.failed',
  'run.cancelled',
] as const satisfies readonly (keyof EngineEvents)[];

/** A run event as streamed to live views. */
export interface RunEventMessage {
  type: (typeof EVENT_NAMES)[number];
  runId: string;
  automationId: string;
  status: AutomationRun['status'];
  at: string;
  nodeId?: string;
  nodeType?: string;
  error?: string;
  until?: string;
}

const streamRunEvents = createRoute({
  operationId: 'streamRunEvents',
  method: 'get',
  path: '/events',
  tags: ['runs'],
  summary: 'Server-sent events of the tenant’s runs (`ready`, then one event per run change)',
  request: { query: EventsQuerySchema },
  responses: {
    200: {
      description: 'An event stream; each `data` is a run event as JSON',
      content: { 'text/event-stream': { schema: z.string() } },
    },
  },
});

/**
 * `GET /api/events`: server-sent events of the caller's runs (optionally one automation or run).
 * EventSource cannot send headers, so this route also takes `?access_token=`.
 */
export function runEventRoutes(deps: RouteDeps): ApiRouter {
  const { engine, clock } = deps;
  const app = createRouter();

  app.openapi(streamRunEvents, (c) => {
    const userId = c.get('userId');
    const query = c.req.valid('query');
    return streamSSE(c, async (stream) => {
      let id = 0;
      const handlers = EVENT_NAMES.map((type) => {
        const handler = (event: {
          run: AutomationRun;
          nodeId?: string;
          nodeType?: string;
          error?: string;
          until?: Date;
        }): void => {
          const { run } = event;
          if (run.userId !== userId) return;
          if (query.automationId && run.automationId !== query.automationId) return;
          if (query.runId && run.id !== query.runId) return;
          const message: RunEventMessage = {
            type,
            runId: run.id,
            automationId: run.automationId,
            status: run.status,
            at: clock.now().toISOString(),
            ...(event.nodeId ? { nodeId: event.nodeId } : {}),
            ...(event.nodeType ? { nodeType: event.nodeType } : {}),
            ...(event.error ? { error: event.error } : {}),
            ...(event.until ? { until: event.until.toISOString() } : {}),
          };
          void stream.writeSSE({ event: type, data: JSON.stringify(message), id: String(++id) });
        };
        engine.on(type, handler as never);
        return { type, handler };
      });
      const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ userId }) });
      const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n'), 15_000);
      keepAlive.unref?.();
      await closed;
      clearInterval(keepAlive);
      for (const { type, handler } of handlers) engine.off(type, handler as never);
    });
  });

  return app;
}
