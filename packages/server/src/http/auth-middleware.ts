import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Authenticator, Principal } from '../auth/authenticator';
import type { FailureLimiter } from '../auth/failure-limiter';
import type { ClientAddressResolver } from './client-address';
import type { AppEnv } from './env';
import { HttpError } from './http-error';

export interface AuthMiddlewareOptions {
  authenticator: Authenticator;
  limiter: FailureLimiter;
  /** Paths under /api that need no token (login, OpenAPI, signed webhooks). */
  isPublic: (path: string, method: string) => boolean;
  /** Paths where `?access_token=` is accepted (EventSource cannot send headers). */
  allowsQueryToken: (path: string) => boolean;
  /** The client address the limiter keys on (see TRUST_PROXY). */
  clientAddress: ClientAddressResolver;
}

/** Resolves the tenant from the bearer token (or a service token plus X-Swigs-User) and sets `userId`. */
export function authMiddleware(options: AuthMiddlewareOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (options.isPublic(c.req.path, c.req.method)) return next();
    const principal = await authenticate(c, options);
    c.set('userId', principal.userId);
    return next();
  };
}

/** Authenticates the request or throws 401/429; failures count towards the per-client limit. */
export async function authenticate(c: Context<AppEnv>, options: AuthMiddlewareOptions): Promise<Principal> {
  const client = (): string => clientKey(c, options.clientAddress);
  // No failures recorded anywhere: nothing can be blocked, so skip reading the client address.
  const wait = options.limiter.size > 0 ? options.limiter.blockedFor(client()) : 0;
  if (wait > 0) {
    throw new HttpError(429, 'too_many_failures', { headers: { 'Retry-After': String(Math.ceil(wait / 1000)) } });
  }
  const token = bearer(c) ?? (options.allowsQueryToken(c.req.path) ? c.req.query('access_token') : undefined);
  if (!token) {
    options.limiter.recordFailure(client());
    throw new HttpError(401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const asUser = c.req.header('x-swigs-user');
  const principal = await options.authenticator.verify(token, asUser);
  if (!principal) {
    options.limiter.recordFailure(client());
    const key = options.authenticator.isServiceToken(token) ? 'missing_user' : 'invalid_token';
    throw new HttpError(401, key, { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
  }
  return principal;
}

function bearer(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** The client's address: the socket's, or the first untrusted X-Forwarded-For hop from the right. */
export function clientKey(c: Context<AppEnv>, resolve: ClientAddressResolver): string {
  let socket = 'unknown';
  try {
    socket = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (app.request) have no socket.
  }
  return resolve(socket, c.req.header('x-forwarded-for'));
}
