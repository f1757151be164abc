import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/http-error';
import { errorResponses } from '../openapi/responses';
import { createRouter, type ApiRouter } from '../http/router';
import type { ServerMetrics } from './server-metrics';

const scrapeMetrics = createRoute({
  operationId: 'scrapeMetrics',
  method: 'get',
  path: '/metrics',
  tags: ['health'],
  summary: 'Prometheus metrics (text format); `Authorization: Bearer <METRICS_TOKEN>`; 404 unless it is set',
  // Its own bearer token, not an API token: a scraper gets no tenant's data.
  security: [],
  responses: {
    ...errorResponses(401, 404),
    200: {
      description: 'The metrics, Prometheus text format 0.0.4',
      content: { 'text/plain': { schema: z.string() } },
    },
  },
});

/**
 * `GET /metrics` for scrapers presenting `token` as a bearer token; any other request answers 401. Without metrics
 * or a token the route answers 404 (rather than falling through to the UI's pages).
 */
export function metricsRoutes(metrics: ServerMetrics | undefined, token: string | undefined): ApiRouter {
  const expected = token ? digest(token) : undefined;
  const app = createRouter();
  app.openapi(scrapeMetrics, async (c) => {
    if (!metrics || !expected) throw new HttpError(404, 'route_not_found');
    const presented = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    // Compared as digests: equal lengths for timingSafeEqual, and no timing hint of the token's length.
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      throw new HttpError(401, 'unauthorized', { headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
    }
    return c.text(await metrics.scrape(), 200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
  });
  return app;
}

/**
 * Times every request and records it under the pattern of the route that answered (`/api/automations/:id`), so
 * the number of series stays bounded whatever paths clients send; the UI's files and unknown paths share `other`.
 */
export function requestMetrics(metrics: ServerMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = matchedRoutes(c)[c.req.routeIndex]?.path;
      metrics.observeRequest(
        c.req.method,
        route === undefined || route === '*' || route === '/*' ? 'other' : route,
        c.res.status,
        (performance.now() - started) / 1000,
      );
    }
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
