import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { FailureLimiter } from '../auth/failure-limiter';
import { clientKey } from '../http/auth-middleware';
import type { RouteDeps } from '../http/app-deps';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/http-error';
import { parseJsonText } from '../http/read-json';

/** Trigger type of the generic inbound webhook. */
export const WEBHOOK_TRIGGER = 'webhook.received';

export interface HookRouteOptions {
  limiter: FailureLimiter;
  trustProxy: boolean;
}

/**
 * Unauthenticated, signed entry points: `POST /hooks/cms` (the CMS bridge checks the HMAC over the raw body)
 * and `POST /hooks/webhook/:automationId` (the secret named by the trigger's `secretRef`, sent in
 * `X-Webhook-Secret` or `?secret=`).
 */
export function hookRoutes(deps: RouteDeps, options: HookRouteOptions): Hono<AppEnv> {
  const { store, engine } = deps;
  const app = new Hono<AppEnv>();

  const guard = (c: Context<AppEnv>): string => {
    const client = clientKey(c, options.trustProxy);
    const wait = options.limiter.blockedFor(client);
    if (wait > 0) throw new HttpError(429, 'too_many_failures', { headers: { 'Retry-After': String(Math.ceil(wait / 1000)) } });
    return client;
  };

  app.post('/hooks/cms', async (c) => {
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
    return c.json({ fired: result.fired ?? 0 });
  });

  app.post('/hooks/webhook/:automationId', async (c) => {
    const client = guard(c);
    const automationId = c.req.param('automationId');
    const given = c.req.header('x-webhook-secret') ?? c.req.query('secret') ?? '';
    const candidates = await store.automations.findActiveByTrigger(WEBHOOK_TRIGGER);
    const automation = candidates.find((a) => a.id === automationId);
    const ref = automation?.trigger.config.secretRef;
    const secret = typeof ref === 'string' ? deps.secrets(ref) : undefined;
    if (!automation || typeof secret !== 'string' || secret.length === 0 || !sameSecret(given, secret)) {
      options.limiter.recordFailure(client);
      // The same answer whether the automation is unknown or the secret is wrong: ids are not probed.
      throw new HttpError(401, 'bad_signature');
    }
    const body = parseJsonText(await c.req.text());
    const query = { ...c.req.query() };
    delete query.secret;
    const payload = {
      method: c.req.method,
      // Only harmless headers reach the run log; the secret and credentials never do.
      headers: pickHeaders(c.req.header()),
      query,
      body: body ?? null,
      receivedAt: deps.clock.now().toISOString(),
    };
    const run = await engine.runAutomation(automation.id, payload, { userId: automation.userId });
    return c.json({ runId: run.id, status: run.status }, 202);
  });

  return app;
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const FORWARDED_HEADERS = ['content-type', 'user-agent', 'x-request-id', 'x-event-type'];

function pickHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) if (headers[name] !== undefined) out[name] = headers[name];
  return out;
}
