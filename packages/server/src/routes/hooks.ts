import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { FailureLimiter } from '../auth/failure-limiter';
import { clientKey } from '../http/auth-middleware';
import type { ClientAddressResolver } from '../http/client-address';
import type { RouteDeps } from '../http/app-deps';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/http-error';
import { createRouter, documentRoute, type ApiRouter } from '../http/router';
import { errorResponses, jsonContent } from '../openapi/responses';
import { WebhookAcceptedSchema } from './response-schemas';
import { IdempotencyHeadersSchema } from './schemas';
import { createWebhookHandler, type WebhookAnswer, type WebhookCall } from './webhook-handler';

const tags = ['hooks'];

// The bodies are read by the handlers (the CMS signature covers the raw bytes), so they are documented, not parsed.
const anyJson = { 'application/json': { schema: {} } };

const cmsHook = createRoute({
  operationId: 'receiveCmsWebhook',
  method: 'post',
  path: '/hooks/cms',
  tags,
  summary: 'Signed CMS webhook (HMAC-SHA256 over the raw body)',
  security: [],
  request: { body: { required: true, content: { 'application/json': { schema: { type: 'object' } } } } },
  responses: {
    200: jsonContent(z.object({ fired: z.number().int().min(0) }), 'The automations it fired'),
    ...errorResponses(400, 401, 404, 413, 429),
  },
});

/** The webhook URL answers each of these methods; which ones an automation accepts is its trigger's `methods`. */
const WEBHOOK_ROUTE_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const webhookRoutes = WEBHOOK_ROUTE_METHODS.map((method) =>
  createRoute({
    operationId: `receiveWebhook${method === 'post' ? '' : method[0]?.toUpperCase() + method.slice(1)}`,
    method,
    path: '/hooks/webhook/{automationId}',
    tags,
    summary:
      'Generic inbound webhook (`webhook.received`), its secret in X-Webhook-Secret or ?secret=; the trigger’s `methods` say which methods it accepts, its `responseMode` whether it answers at once or with the run’s result',
    security: [],
    request: {
      params: z.object({ automationId: z.string() }),
      query: z.object({ secret: z.string().optional() }),
      headers: IdempotencyHeadersSchema,
      ...(method === 'get' || method === 'delete' ? {} : { body: { required: false, content: anyJson } }),
    },
    responses: {
      200: {
        description:
          'A `when_finished` webhook’s answer: what its `respond_webhook` step set (status, headers, body), else the last step’s output as JSON; or `{ kept: true }` when the automation listened for this event',
        content: { 'application/json': { schema: {} }, 'text/plain': { schema: { type: 'string' as const } } },
      },
      202: jsonContent(WebhookAcceptedSchema, 'The run started (and, past a `when_finished` timeout, goes on)'),
      ...errorResponses(400, 401, 404, 405, 413, 429),
    },
  }),
);

/** Options of `hookRoutes`. */
export interface HookRouteOptions {
  limiter: FailureLimiter;
  clientAddress: ClientAddressResolver;
  /** The webhook URL's handler (`createWebhookReceiver`), shared with the node:http fast path. */
  receive: (call: WebhookCall) => Promise<WebhookAnswer>;
}

/** Options of `createWebhookReceiver`. */
export type WebhookReceiverOptions = Pick<HookRouteOptions, 'limiter'>;

/** The handler of `/hooks/webhook/:automationId`, its failures counted by the hooks' limiter. */
export function createWebhookReceiver(
  deps: RouteDeps,
  options: WebhookReceiverOptions,
): (call: WebhookCall) => Promise<WebhookAnswer> {
  return createWebhookHandler(deps, {
    guard: (client) => refuseBlocked(options.limiter, client),
    recordFailure: (client) => options.limiter.recordFailure(client),
  });
}

/** Throws 429 while the failure limiter blocks `client`. */
function refuseBlocked(limiter: FailureLimiter, client: string): void {
  const wait = limiter.blockedFor(client);
  if (wait > 0)
    throw new HttpError(429, 'too_many_failures', { headers: { 'Retry-After': String(Math.ceil(wait / 1000)) } });
}

/**
 * Unauthenticated, signed entry points: `POST /hooks/cms` (the CMS bridge checks the HMAC over the raw body)
 * and `/hooks/webhook/:automationId` for the methods its trigger lists (the secret named by the trigger's
 * `secretRef`, sent in `X-Webhook-Secret` or `?secret=`).
 */
export function hookRoutes(deps: RouteDeps, options: HookRouteOptions): ApiRouter {
  const app = createRouter();

  const guard = (c: Context<AppEnv>): string => {
    const client = clientKey(c, options.clientAddress);
    refuseBlocked(options.limiter, client);
    return client;
  };

  app.openapi(cmsHook, async (c) => {
    const client = guard(c);
    if (!deps.cms) throw new HttpError(404, 'cms_not_configured');
    // The signature covers the exact bytes, so the body is not decoded first.
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const result = await deps.cms.handleWebhook(rawBody, c.req.header());
    const issues = result.error ? [{ path: [], message: result.error }] : [];
    if (result.status === 401) {
      options.limiter.recordFailure(client);
      throw new HttpError(401, 'bad_signature', { issues });
    }
    if (result.status >= 400 && result.status < 500) throw new HttpError(400, 'bad_request', { issues });
    if (result.status >= 500) throw new Error(`CMS webhook failed with ${result.status}`);
    return c.json({ fired: result.fired ?? 0 }, 200);
  });

  // The hottest route: documented like the others, but mounted without the per-request zod validators of
  // params, query and headers (a tenth of a webhook's CPU); the handler checks the one input with a format itself.
  // On a socket `createRequestListener` answers it before hono (see webhook-fast-path.ts); this is the in-process
  // path (`app.request`, an app mounted by its `fetch`).
  const receive = async (c: Context<AppEnv>): Promise<Response> => {
    const answer = await options.receive(honoCall(c, options.clientAddress));
    return c.body(answer.body, answer.status as 200, answer.headers);
  };
  for (const route of webhookRoutes) {
    documentRoute(app, route);
    app.on(route.method.toUpperCase(), '/hooks/webhook/:automationId', receive);
  }

  return app;
}

/** A webhook call read from hono's context. */
function honoCall(c: Context<AppEnv>, clientAddress: ClientAddressResolver): WebhookCall {
  return {
    method: c.req.method,
    automationId: c.req.param('automationId') ?? '',
    header: (name) => c.req.header(name),
    query: (name) => c.req.query(name),
    queries: () => ({ ...c.req.query() }),
    text: () => c.req.text(),
    client: () => clientKey(c, clientAddress),
  };
}
