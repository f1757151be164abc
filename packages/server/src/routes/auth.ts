import { Hono } from 'hono';
import type { Authenticator } from '../auth/authenticator';
import type { FailureLimiter } from '../auth/failure-limiter';
import { clientKey } from '../http/auth-middleware';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/http-error';
import { readJson } from '../http/read-json';
import { LocalLoginBodySchema } from './schemas';

export interface AuthRouteOptions {
  authenticator: Authenticator;
  limiter: FailureLimiter;
  trustProxy: boolean;
  /** swigs-hub's login page, which sends the user back with `#/login?token=...`. */
  ssoLoginUrl?: string;
}

/**
 * `GET /auth/config` (public: which login the UI shows), `POST /auth/local-login` (public, embedded mode)
 * and `GET /auth/me` (authenticated).
 */
export function authRoutes(options: AuthRouteOptions): Hono<AppEnv> {
  const { authenticator, limiter } = options;
  const app = new Hono<AppEnv>();

  app.get('/auth/config', (c) =>
    c.json({
      mode: authenticator.mode,
      localLogin: authenticator.mode === 'local',
      ...(authenticator.mode === 'sso' && options.ssoLoginUrl ? { ssoLoginUrl: options.ssoLoginUrl } : {}),
    }),
  );

  app.post('/auth/local-login', async (c) => {
    const client = clientKey(c, options.trustProxy);
    const wait = limiter.blockedFor(client);
    if (wait > 0) throw new HttpError(429, 'too_many_failures', { headers: { 'Retry-After': String(Math.ceil(wait / 1000)) } });
    if (authenticator.mode !== 'local') throw new HttpError(404, 'local_login_disabled');
    const body = await readJson(c, LocalLoginBodySchema);
    const session = await authenticator.localLogin(body.password, body.userId);
    if (!session) {
      limiter.recordFailure(client);
      throw new HttpError(401, 'bad_credentials');
    }
    limiter.reset(client);
    return c.json({ token: session.token, userId: session.userId, expiresAt: session.expiresAt.toISOString() });
  });

  app.get('/auth/me', (c) => c.json({ userId: c.get('userId'), mode: authenticator.mode }));

  return app;
}
