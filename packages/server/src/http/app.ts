import { existsSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRoute, z } from '@hono/zod-openapi';
import { getRequestListener } from '@hono/node-server';
import { silentLogger } from '@swigs/automation-core';
import { createFailureLimiter } from '../auth/failure-limiter';
import { createOpenApiDocument, type OpenApiDocument } from '../openapi/document';
import { jsonContent } from '../openapi/responses';
import { authRoutes } from '../routes/auth';
import { automationActionRoutes } from '../routes/automation-actions';
import { automationInsightRoutes } from '../routes/automation-insights';
import { automationSampleRoutes } from '../routes/automation-samples';
import { automationRoutes } from '../routes/automations';
import { emailTemplateRoutes } from '../routes/email-templates';
import { healthRoutes } from '../routes/health';
import { metricsRoutes, requestMetrics } from '../metrics/metrics-routes';
import { createTemplateWorker } from '../templates/template-worker';
import { createWebhookReceiver, hookRoutes } from '../routes/hooks';
import { nodeTypeRoutes } from '../routes/node-types';
import { outboxRoutes } from '../routes/outbox';
import { runEventRoutes } from '../routes/run-events';
import { runRoutes } from '../routes/runs';
import { templateCheckRoutes } from '../routes/template-check';
import { templateHelperRoutes } from '../routes/template-helpers';
import { createSampleListeners } from '../samples/sample-listeners';
import { unsubscribeRoutes } from '../routes/unsubscribe';
import type { AppDeps, RouteDeps } from './app-deps';
import { authMiddleware } from './auth-middleware';
import { limitBodySize } from './body-size';
import { createClientAddressResolver } from './client-address';
import { createErrorAnswerer, createErrorHandler } from './error-handler';
import { HttpError } from './http-error';
import { pickLang } from './i18n';
import { createRouter, type ApiRouter } from './router';
import { securityHeaders, securityHeaderValues } from './security-headers';
import { staticUi } from './static-ui';
import { createWebhookFastPath, type FastPath } from './webhook-fast-path';

const DEFAULT_BODY_LIMIT = 1024 * 1024;

const getOpenApi = createRoute({
  operationId: 'getOpenApiDocument',
  method: 'get',
  path: '/api/openapi.json',
  tags: ['meta'],
  summary: 'This document',
  security: [],
  responses: { 200: jsonContent(z.record(z.string(), z.unknown()), 'The OpenAPI 3.1 document') },
});

/**
 * Builds the HTTP app: health, the authenticated `/api`, the signed hooks and the web UI.
 * @example
 * const app = createApp({ store, engine, authenticator });
 * serve({ fetch: app.fetch, port: 3003 });
 */
export function createApp(deps: AppDeps): ApiRouter {
  const logger = deps.logger ?? silentLogger;
  const routeDeps: RouteDeps = {
    store: deps.store,
    engine: deps.engine,
    clock: deps.clock ?? deps.engine.clock,
    logger,
    mailFrom: deps.mailFrom ?? 'SWIGS Automation <noreply@localhost>',
    secrets: deps.secrets ?? envWebhookSecret,
    templates: createTemplateWorker(
      deps.templateTimeLimitMs === undefined ? {} : { timeLimitMs: deps.templateTimeLimitMs },
    ),
    listeners: deps.listeners ?? createSampleListeners(deps.store, deps.clock ?? deps.engine.clock),
    ...(deps.mail ? { mail: deps.mail } : {}),
    ...(deps.cms ? { cms: deps.cms } : {}),
  };
  const limiter = createFailureLimiter(deps.authFailures);
  const clientAddress = createClientAddressResolver(deps.trustProxy ?? false);

  const app = createRouter();
  // The routes declared with `security: []`, known once every route is mounted.
  let publicRoutes: RegExp[] | undefined;
  const onError = createErrorHandler(logger);
  app.onError(onError);
  if (deps.metrics) app.use('*', requestMetrics(deps.metrics));
  const security = deps.frameAncestors === undefined ? {} : { frameAncestors: deps.frameAncestors };
  app.use('*', securityHeaders(security));
  app.use('*', async (c, next) => {
    c.set('lang', pickLang(c.req.header('accept-language')));
    await next();
  });
  app.route('/', healthRoutes(deps.store, deps.isReady));
  // 404 unless a token is set: the figures (tenants' volumes, routes) are for the operator only.
  app.route('/', metricsRoutes(deps.metrics, deps.metricsToken));
  const bodyLimit = deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
  app.use('/api/*', limitBodySize(bodyLimit));
  app.use(
    '/api/*',
    authMiddleware({
      authenticator: deps.authenticator,
      limiter,
      clientAddress,
      isPublic: (path) => {
        publicRoutes ??= publicPathsOf(app);
        return publicRoutes.some((pattern) => pattern.test(path));
      },
      allowsQueryToken: (path) => path === '/api/events',
    }),
  );
  let document: OpenApiDocument | undefined;
  app.openapi(getOpenApi, (c) => {
    // Written on first use, once every route is declared.
    document ??= createOpenApiDocument(app);
    return c.json(document as unknown as Record<string, unknown>, 200);
  });

  const api = createRouter();
  api.route(
    '/',
    authRoutes({
      authenticator: deps.authenticator,
      limiter,
      clientAddress,
      ...(deps.ssoLoginUrl ? { ssoLoginUrl: deps.ssoLoginUrl } : {}),
    }),
  );
  api.route('/', automationRoutes(routeDeps));
  api.route('/', automationActionRoutes(routeDeps));
  api.route('/', automationInsightRoutes(routeDeps));
  api.route('/', automationSampleRoutes(routeDeps));
  api.route('/', templateHelperRoutes());
  api.route('/', runRoutes(routeDeps));
  api.route('/', templateCheckRoutes(routeDeps));
  api.route('/', emailTemplateRoutes(routeDeps));
  api.route('/', nodeTypeRoutes(routeDeps));
  api.route('/', runEventRoutes(routeDeps));
  api.route('/', outboxRoutes(routeDeps));
  const receive = createWebhookReceiver(routeDeps, { limiter });
  api.route('/', hookRoutes(routeDeps, { limiter, clientAddress, receive }));
  // Request metrics are middleware: with them every request takes hono's path.
  if (!deps.metrics) {
    fastPaths.set(
      app,
      createWebhookFastPath({
        receive,
        answerError: createErrorAnswerer(logger),
        clientAddress,
        securityHeaders: securityHeaderValues(security),
        bodyLimit,
      }),
    );
  }
  if (deps.unsubscribeSecret) api.route('/', unsubscribeRoutes(deps.store, deps.unsubscribeSecret));
  for (const extra of deps.apiRoutes ?? []) api.route('/', extra);
  app.route('/api', api);

  app.use(
    '*',
    staticUi(deps.uiDir === undefined ? defaultUiDir() : deps.uiDir, { sourceMaps: deps.sourceMaps ?? false }),
  );
  app.notFound((c) => onError(new HttpError(404, 'route_not_found'), c));
  return app;
}

/** Patterns of the paths of the routes declared public (`security: []`): no token is asked for them. */
function publicPathsOf(app: ApiRouter): RegExp[] {
  const patterns: RegExp[] = [];
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route' || definition.route.security?.length !== 0) continue;
    const source = definition.route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    patterns.push(new RegExp(`^${source}$`));
  }
  return patterns;
}

/** The node:http fast paths of the apps `createApp` built (keyed by app: two apps can live in one process). */
const fastPaths = new WeakMap<ApiRouter, FastPath>();

/**
 * The app as a Node `(req, res)` listener, for `http.createServer` or `expressApp.use('/automation', listener)`.
 * Webhook calls are answered on node:http directly (see `createWebhookFastPath`), everything else by the app.
 */
export function createRequestListener(app: ApiRouter): ReturnType<typeof getRequestListener> {
  const listener = getRequestListener(app.fetch);
  const fast = fastPaths.get(app);
  if (!fast) return listener;
  return async (req, res) => {
    if (req instanceof IncomingMessage && res instanceof ServerResponse && fast(req, res)) return;
    return listener(req, res);
  };
}

/**
 * A webhook secret from the environment; only `WEBHOOK_*` variables can be used. Each is read once, on its first
 * use, and kept: `process.env` is an interceptor that costs more per read than a Map, and is read per request.
 */
export function envWebhookSecret(name: string): string | undefined {
  if (!name.startsWith('WEBHOOK_')) return undefined;
  if (!envSecrets.has(name)) envSecrets.set(name, process.env[name]);
  return envSecrets.get(name);
}

const envSecrets = new Map<string, string | undefined>();

/** `dist/ui` beside the built files, or the package's `dist/ui` when running from sources. */
export function defaultUiDir(): string | null {
  const here = moduleDir();
  if (!here) return null;
  for (const candidate of [join(here, 'ui'), join(here, '..', 'dist', 'ui'), join(here, '..', '..', 'dist', 'ui')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

function moduleDir(): string | null {
  if (typeof __dirname === 'string') return __dirname;
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return null;
  }
}
