import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { silentLogger } from '@swigs/automation-core';
import { createFailureLimiter } from '../auth/failure-limiter';
import { createOpenApiDocument } from '../openapi/openapi-document';
import { authRoutes } from '../routes/auth';
import { automationRoutes } from '../routes/automations';
import { emailTemplateRoutes } from '../routes/email-templates';
import { healthRoutes } from '../routes/health';
import { hookRoutes } from '../routes/hooks';
import { nodeTypeRoutes } from '../routes/node-types';
import { outboxRoutes } from '../routes/outbox';
import { runEventRoutes } from '../routes/run-events';
import { runRoutes } from '../routes/runs';
import { unsubscribeRoutes } from '../routes/unsubscribe';
import type { AppDeps, RouteDeps } from './app-deps';
import { authMiddleware } from './auth-middleware';
import { limitBodySize } from './body-size';
import type { AppEnv } from './env';
import { createErrorHandler } from './error-handler';
import { pickLang, t } from './i18n';
import { staticUi } from './static-ui';

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const PUBLIC_API = new Set(['/api/auth/config', '/api/auth/local-login', '/api/openapi.json']);

/**
 * Builds the HTTP app: health, the authenticated `/api`, the signed hooks and the web UI.
 * @example
 * const app = createApp({ store, engine, authenticator });
 * serve({ fetch: app.fetch, port: 3003 });
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const logger = deps.logger ?? silentLogger;
  const routeDeps: RouteDeps = {
    store: deps.store,
    engine: deps.engine,
    clock: deps.clock ?? deps.engine.clock,
    logger,
    mailFrom: deps.mailFrom ?? 'SWIGS Automation <noreply@localhost>',
    secrets: deps.secrets ?? envWebhookSecret,
    ...(deps.mail ? { mail: deps.mail } : {}),
    ...(deps.cms ? { cms: deps.cms } : {}),
  };
  const limiter = createFailureLimiter(deps.authFailures);
  const trustProxy = deps.trustProxy ?? false;
  const openApi = createOpenApiDocument();

  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(logger));
  app.use('*', async (c, next) => {
    c.set('lang', pickLang(c.req.header('accept-language')));
    await next();
  });
  app.route('/', healthRoutes(deps.store, deps.isReady));
  app.use('/api/*', limitBodySize(deps.bodyLimit ?? DEFAULT_BODY_LIMIT));
  app.use(
    '/api/*',
    authMiddleware({
      authenticator: deps.authenticator,
      limiter,
      trustProxy,
      isPublic: (path) => PUBLIC_API.has(path) || path.startsWith('/api/hooks/') || path.startsWith('/api/unsubscribe/'),
      allowsQueryToken: (path) => path === '/api/events',
    }),
  );
  app.get('/api/openapi.json', (c) => c.json(openApi));

  const api = new Hono<AppEnv>();
  api.route(
    '/',
    authRoutes({ authenticator: deps.authenticator, limiter, trustProxy, ...(deps.ssoLoginUrl ? { ssoLoginUrl: deps.ssoLoginUrl } : {}) }),
  );
  api.route('/', automationRoutes(routeDeps));
  api.route('/', runRoutes(routeDeps));
  api.route('/', emailTemplateRoutes(routeDeps));
  api.route('/', nodeTypeRoutes(routeDeps));
  api.route('/', runEventRoutes(routeDeps));
  api.route('/', outboxRoutes(routeDeps));
  api.route('/', hookRoutes(routeDeps, { limiter, trustProxy }));
  if (deps.unsubscribeSecret) api.route('/', unsubscribeRoutes(deps.store, deps.unsubscribeSecret));
  for (const extra of deps.apiRoutes ?? []) api.route('/', extra);
  app.route('/api', api);

  app.use('*', staticUi(deps.uiDir === undefined ? defaultUiDir() : deps.uiDir));
  app.notFound((c) => c.json({ error: t('route_not_found', c.get('lang') ?? 'fr'), code: 'route_not_found', issues: [] }, 404));
  return app;
}

/** The app as a Node `(req, res)` listener, for `http.createServer` or `expressApp.use('/automation', listener)`. */
export function createRequestListener(app: Hono<AppEnv>): ReturnType<typeof getRequestListener> {
  return getRequestListener(app.fetch);
}

/** A webhook secret from the environment; only `WEBHOOK_*` variables can be used. */
export function envWebhookSecret(name: string): string | undefined {
  return name.startsWith('WEBHOOK_') ? process.env[name] : undefined;
}

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
