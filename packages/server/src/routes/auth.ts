import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Authenticator } from '../auth/authenticator';
import type { FailureLimiter } from '../auth/failure-limiter';
import { clientKey } from '../http/auth-middleware';
import type { ClientAddressResolver } from '../http/client-address';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/http-error';
import { createRouter, type ApiRouter } from '../http/router';
import { errorResponses, jsonContent, jsonRequest } from '../openapi/responses';
import { LocalLoginBodySchema } from './schemas';

/** Options of `authRoutes`. */
export interface AuthRouteOptions {
  authenticator: Authenticator;
  limiter: FailureLimiter;
  clientAddress: ClientAddressResolver;
  /** swigs-hub's login page, which sends the user back with `#/login?token=...`. */
  ssoLoginUrl?: string;
}

const tags = ['auth'];
const AuthModeSchema = z.enum(['local', 'sso']);

const getAuthConfig = createRoute({
  operationId: 'getAuthConfig',
  method: 'get',
  path: '/auth/config',
  tags,
  summary: 'Which login the UI offers',
  security: [],
  responses: {
    200: jsonContent(
      z.object({ mode: AuthModeSchema, localLogin: z.boolean(), ssoLoginUrl: z.string().optional() }),
      'The login mode',
    ),
  },
});

const localLogin = createRoute({
  operationId: 'localLogin',
  method: 'post',
  path: '/auth/local-login',
  tags,
  summary: 'Embedded mode: exchange the local password for a token',
  security: [],
  request: { body: jsonRequest(LocalLoginBodySchema) },
  responses: {
    200: jsonContent(
      z.object({ token: z.string(), userId: z.string(), expiresAt: z.iso.datetime() }).openapi('Session'),
      'A session token',
    ),
    ...errorResponses(401, 404, 429),
  },
});

const getMe = createRoute({
  operationId: 'getMe',
  method: 'get',
  path: '/auth/me',
  tags,
  summary: 'The caller',
  responses: { 200: jsonContent(z.object({ userId: z.string(), mode: AuthModeSchema }), 'The tenant') },
});

/**
 * `GET /auth/config` (public: which login the UI shows), `POST /auth/local-login` (public, embedded mode)
 * and `GET /auth/me` (authenticated).
 */
export function authRoutes(options: AuthRouteOptions): ApiRouter {
  const { authenticator, limiter } = options;
  const app = createRouter();

  app.openapi(getAuthConfig, (c) =>
    c.json(
      {
        mode: authenticator.mode,
        localLogin: authenticator.mode === 'local',
        ...(authenticator.mode === 'sso' && options.ssoLoginUrl ? { ssoLoginUrl: options.ssoLoginUrl } : {}),
      },
      200,
    ),
  );

  // The limiter and the mode answer before the body is read.
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    const wait = limiter.blockedFor(clientKey(c, options.clientAddress));
    if (wait > 0) {
      throw new HttpError(429, 'too_many_failures', { headers: { 'Retry-After': String(Math.ceil(wait / 1000)) } });
    }
    if (authenticator.mode !== 'local') throw new HttpError(404, 'local_login_disabled');
    await next();
  };

  app.openapi({ ...localLogin, middleware: [guard] }, async (c) => {
    const client = clientKey(c, options.clientAddress);
    const body = c.req.valid('json');
    const session = await authenticator.localLogin(body.password, body.userId);
    if (!session) {
      limiter.recordFailure(client);
      throw new HttpError(401, 'bad_credentials');
    }
    limiter.reset(client);
    return c.json({ token: session.token, userId: session.userId, expiresAt: session.expiresAt.toISOString() }, 200);
  });

  app.openapi(getMe, (c) => c.json({ userId: c.get('userId'), mode: authenticator.mode }, 200));

  return app;
}
