import { z } from 'zod';
import {
  AdapterError,
  defineNode,
  ErrorCode,
  hasErrorCode,
  type HttpPort,
  type HttpResponse,
  NonRetriableError,
  openValue,
  parseRetryAfter,
  RetryAfterError,
  type NodeContext,
} from '@swigs/automation-core';
import { errorText, label } from '../shared/labels';
import { TEMPLATE_PROBLEM_TEXTS } from '../templates/validate-template';
import { renderDeep, renderField, validateTemplateFields } from '../shared/templating';

const MAX_BODY_CHARS = 64 * 1024;

/**
 * Config of `webhook`: `url`, header values and every string inside `body` are templates. `body` is sent as JSON
 * (ignored for GET/DELETE).
 */
export const WebhookConfigSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST').meta(label('Méthode', 'Method')),
  url: z.string().min(1).max(2000).meta(label('Adresse (URL)', 'URL')),
  headers: z
    .record(
      z
        .string()
        .regex(/^[A-Za-z0-9-]+$/, 'invalid header name')
        .meta(errorText('nom d’en-tête invalide (lettres, chiffres, -)', 'invalid header name (letters, digits, -)')),
      z.string().max(4000),
    )
    .default({})
    .meta(label('En-têtes', 'Headers')),
  body: z.unknown().optional().meta(label('Contenu (JSON)', 'Body (JSON)')),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000).meta(label('Délai (ms)', 'Timeout (ms)')),
});

/** What `webhook` outputs: the answer, its body open (any path below `body` is accepted). */
const WebhookOutputSchema = z.object({
  status: z.number().meta(label('Statut HTTP', 'HTTP status')),
  body: openValue().meta(label('Réponse', 'Response body')),
  contentType: z.string().nullable().meta(label('Type de contenu', 'Content type')),
  dryRun: z.literal(true).optional(),
  request: z.object({ method: z.string(), url: z.string(), body: openValue().optional() }).optional(),
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
 * Calls an HTTP endpoint through `ports.http`. 5xx and 429 are retried (honouring Retry-After), other 4xx fail at
 * once. The port refuses hosts that are or resolve to private, loopback or link-local addresses unless allow-listed.
 */
export const webhook = defineNode({
  type: 'webhook',
  kind: 'action',
  version: 1,
  category: 'integrations',
  title: { fr: 'Appeler un webhook', en: 'Call a webhook' },
  description: {
    fr: 'Envoie une requête HTTP (JSON) à un service externe.',
    en: 'Sends an HTTP (JSON) request to an external service.',
  },
  configSchema: WebhookConfigSchema,
  templateFields: TEMPLATE_FIELDS,
  retry: { retries: 3, minTimeoutMs: 1000, factor: 2 },
  outputSchema: WebhookOutputSchema,
  sampleOutput: {
    status: 200,
    body: { ok: true, id: 'evt_123' },
    contentType: 'application/json',
  } satisfies WebhookOutput,
  messages: TEMPLATE_PROBLEM_TEXTS,
  validate: ({ config, isKnown }) => validateTemplateFields(config, TEMPLATE_FIELDS, isKnown),
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

    const http = ctx.ports.http;
    if (!http) throw new NonRetriableError('webhook: no HTTP port configured (ports.http)');
    return send(ctx, http, config, url, headers, hasBody ? body : undefined);
  },
});

async function send(
  ctx: NodeContext<WebhookConfig>,
  http: HttpPort,
  config: WebhookConfig,
  url: URL,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ output: WebhookOutput }> {
  const hasBody = body !== undefined;
  let response: HttpResponse;
  try {
    response = await http.request({
      method: config.method,
      url,
      headers: {
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...lowercaseKeys(headers),
        'idempotency-key': ctx.idempotencyKey,
      },
      ...(hasBody ? { body: JSON.stringify(body) } : {}),
      timeoutMs: config.timeoutMs,
      signal: ctx.signal,
    });
  } catch (error) {
    if (ctx.signal.aborted || hasErrorCode(error, ErrorCode.NonRetriable)) throw error;
    throw new AdapterError(
      'webhook',
      hasErrorCode(error, ErrorCode.Timeout)
        ? `webhook: ${url.host} did not answer within ${config.timeoutMs} ms`
        : `webhook: request to ${url.host} failed: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const contentType = headerValue(response.headers['content-type']);
  const text = response.body;
  const status = response.status;
  const parsed = parseBody(text, contentType);
  if (status === 429 || status >= 500) {
    const reason = `webhook: ${url.host} answered ${status}`;
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], ctx.clock.now().getTime());
    if (retryAfterMs !== null) throw new RetryAfterError(reason, retryAfterMs, { details: { status } });
    throw new AdapterError('webhook', reason, { details: { status } });
  }
  if (status >= 400) {
    throw new NonRetriableError(`webhook: ${url.host} refused the request (${status}): ${text.slice(0, 300)}`, {
      details: { status },
    });
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
