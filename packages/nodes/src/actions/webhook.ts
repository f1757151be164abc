import { Agent, request } from 'undici';
import { z } from 'zod';
import type { Dispatcher } from 'undici';
import { AdapterError, defineNode, NonRetriableError, RetryAfterError, type NodeContext } from '@swigs/automation-core';
import { parseRetryAfter } from '../shared/retry-after';
import { assertPublicUrl, createGuardedLookup, isAllowedHost } from '../shared/ssrf-guard';
import { renderDeep, renderField, validateTemplateFields } from '../shared/templating';

const MAX_BODY_CHARS = 64 * 1024;

/**
 * Config of `webhook`: `url`, header values and every string inside `body` are templates. `body` is sent as JSON
 * (ignored for GET/DELETE).
 */
export const WebhookConfigSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST'),
  url: z.string().min(1).max(2000),
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'invalid header name'), z.string().max(4000)).default({}),
  body: z.unknown().optional(),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
});

export interface WebhookOutput {
  status: number;
  /** Parsed JSON when the response says so, else text (truncated at 64 KiB). */
  body: unknown;
  contentType: string | null;
  dryRun?: true;
  request?: { method: string; url: string; body?: unknown };
}

export type WebhookConfig = z.infer<typeof WebhookConfigSchema>;

const TEMPLATE_FIELDS = ['url', 'headers', 'body'] as const;

/**
 * Calls an HTTP endpoint. 5xx and 429 are retried (honouring Retry-After), other 4xx fail at once. Hosts that are
 * or resolve to private, loopback or link-local addresses are refused unless listed in `ports.http.allowedHosts`.
 */
export const webhook = defineNode({
  type: 'webhook',
  kind: 'action',
  version: 1,
  category: 'integrations',
  title: { fr: 'Appeler un webhook', en: 'Call a webhook' },
  description: { fr: 'Envoie une requête HTTP (JSON) à un service externe.', en: 'Sends an HTTP (JSON) request to an external service.' },
  configSchema: WebhookConfigSchema,
  templateFields: TEMPLATE_FIELDS,
  retry: { retries: 3, minTimeoutMs: 1000, factor: 2 },
  sampleOutput: { status: 200, body: { ok: true, id: 'evt_123' }, contentType: 'application/json' } satisfies WebhookOutput,
  validate: ({ config, variables }) => validateTemplateFields(config, TEMPLATE_FIELDS, variables),
  async execute(ctx): Promise<{ output: WebhookOutput }> {
    const { config } = ctx;
    const rawUrl = renderField(ctx, config.url).trim();
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new NonRetriableError(`webhook: "${rawUrl}" is not a valid URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new NonRetriableError(`webhook: only http and https URLs are allowed (got ${url.protocol})`);
    }
    const headers = renderDeep(ctx, config.headers) as Record<string, string>;
    const hasBody = config.body !== undefined && config.method !== 'GET' && config.method !== 'DELETE';
    const body = hasBody ? renderDeep(ctx, config.body) : undefined;
    // The URL only: header values may carry credentials and must not reach run logs.
    const described = { method: config.method, url: url.toString(), ...(hasBody ? { body } : {}) };
    if (ctx.dryRun) return { output: { status: 0, body: null, contentType: null, dryRun: true, request: described } };

    const allowedHosts = ctx.ports.http?.allowedHosts;
    await assertPublicUrl(url, allowedHosts);
    // Checked again when the socket connects, so DNS cannot hand out a private address after the check.
    const dispatcher = isAllowedHost(url, allowedHosts) ? undefined : new Agent({ connect: { lookup: createGuardedLookup(allowedHosts) } });
    const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(config.timeoutMs)]);
    try {
      return await send(ctx, config, url, headers, hasBody ? body : undefined, signal, dispatcher);
    } finally {
      await dispatcher?.close();
    }
  },
});

async function send(
  ctx: NodeContext<WebhookConfig>,
  config: WebhookConfig,
  url: URL,
  headers: Record<string, string>,
  body: unknown,
  signal: AbortSignal,
  dispatcher: Dispatcher | undefined,
): Promise<{ output: WebhookOutput }> {
  const hasBody = body !== undefined;
  let response;
  try {
    response = await request(url, {
      method: config.method,
      headers: {
        'user-agent': 'swigs-automation',
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...lowercaseKeys(headers),
        'idempotency-key': ctx.idempotencyKey,
      },
      ...(hasBody ? { body: JSON.stringify(body) } : {}),
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
      signal,
      ...(dispatcher ? { dispatcher } : {}),
    });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const timedOut = signal.aborted || /timeout/i.test(String((error as Error).message ?? ''));
    throw new AdapterError(
      'webhook',
      timedOut ? `webhook: ${url.host} did not answer within ${config.timeoutMs} ms` : `webhook: request to ${url.host} failed: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const contentType = headerValue(response.headers['content-type']);
  const text = await response.body.text();
  const status = response.statusCode;
  const parsed = parseBody(text, contentType);
  if (status === 429 || status >= 500) {
    const reason = `webhook: ${url.host} answered ${status}`;
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], ctx.clock.now().getTime());
    if (retryAfterMs !== null) throw new RetryAfterError(reason, retryAfterMs, { details: { status } });
    throw new AdapterError('webhook', reason, { details: { status } });
  }
  if (status >= 400) {
    throw new NonRetriableError(`webhook: ${url.host} refused the request (${status}): ${text.slice(0, 300)}`, { details: { status } });
  }
  return { output: { status, body: parsed, contentType } };
}

function parseBody(text: string, contentType: string | null): unknown {
  if (contentType && /json/i.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      // Fall through: a server mislabelling text as JSON still gets its answer recorded.
    }
  }
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…[truncated]` : text;
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function lowercaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}
