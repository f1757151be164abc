import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { errorResponses, type ErrorStatus } from '../openapi/responses';
import type { AppEnv } from './env';
import { jsonBody } from './json-body';
import { invalidInput } from './validation';

/** A router of API routes: `app.openapi(route, handler)` declares, validates and documents each one. */
export type ApiRouter = OpenAPIHono<AppEnv>;

/**
 * A router whose routes are declared once with `createRoute` + `app.openapi` (the OpenAPI document, request
 * validation and the handler's types all come from the route's zod schemas). On top of `@hono/zod-openapi`:
 * - every route must have an `operationId`;
 * - invalid input throws (the one error handler answers 400 in the request's language);
 * - a JSON body is read by our own reader (any content type, forbidden keys and depth refused, an empty body is
 *   `undefined` so optional bodies default) instead of hono's, which would answer 415 or skip validation;
 * - the error responses a route can give are documented for it (400, 401, 404, 413, 429, 503 as it applies).
 * @example
 * const app = createRouter();
 * app.openapi(getThing, async (c) => c.json(await load(c.req.valid('param').id), 200));
 */
export function createRouter(): ApiRouter {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: (result) => throwIfInvalid(result) });
  const register = app.openapi;
  app.openapi = ((route: RouteConfig, handler: never, hook?: never) => {
    if (!route.operationId) throw new Error(`route ${route.method.toUpperCase()} ${route.path} has no operationId`);
    const documented = { ...route, responses: { ...errorResponses(...impliedErrors(route)), ...route.responses } };
    const body = bodySchemaOf(route);
    if (!body) return register(documented, handler, hook);
    const { middleware, hide, ...doc } = documented;
    if (!hide) app.openAPIRegistry.registerPath(doc);
    const { body: _documented, ...request } = route.request ?? {};
    return register(
      { ...documented, hide: true, request, middleware: [...asList(middleware), jsonBody(body)] },
      handler,
      hook,
    );
  }) as typeof register;
  return app;
}

/**
 * Documents `route` in `app`'s OpenAPI document (its implied error responses added, as `app.openapi` does) without
 * mounting validators: for a hot route whose handler checks its few inputs itself, mounted with `app.on`.
 */
export function documentRoute(app: ApiRouter, route: RouteConfig): void {
  if (!route.operationId) throw new Error(`route ${route.method.toUpperCase()} ${route.path} has no operationId`);
  const { middleware: _middleware, hide, ...doc } = route;
  if (!hide)
    app.openAPIRegistry.registerPath({
      ...doc,
      responses: { ...errorResponses(...impliedErrors(route)), ...route.responses },
    });
}

function throwIfInvalid(result: { success: boolean; error?: z.ZodError; data?: unknown }): void {
  if (!result.success && result.error) throw invalidInput(result.error, result.data);
}

/** The errors any route of this shape can answer: input checks, authentication, the body limit, outages. */
function impliedErrors(route: RouteConfig): ErrorStatus[] {
  const request = route.request ?? {};
  const hasInput = Boolean(request.body || request.query || request.params);
  const isPublic = Array.isArray(route.security) && route.security.length === 0;
  // A public route without input (liveness, the login mode, this document) reads nothing it could fail on.
  if (isPublic && !hasInput) return [];
  const statuses: ErrorStatus[] = [];
  if (hasInput) statuses.push(400);
  if (!isPublic) statuses.push(401);
  if (request.params) statuses.push(404);
  if (request.body) statuses.push(413);
  if (!isPublic) statuses.push(429);
  statuses.push(503);
  return statuses;
}

function bodySchemaOf(route: RouteConfig): z.ZodType | undefined {
  const media = route.request?.body?.content?.['application/json'];
  const schema = media && 'schema' in media ? media.schema : undefined;
  return schema && typeof (schema as z.ZodType).safeParse === 'function' ? (schema as z.ZodType) : undefined;
}

function asList(middleware: RouteConfig['middleware']): MiddlewareHandler[] {
  if (!middleware) return [];
  return Array.isArray(middleware) ? [...middleware] : [middleware as MiddlewareHandler];
}
