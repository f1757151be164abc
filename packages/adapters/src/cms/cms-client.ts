import { AdapterError, isSwigsError, parseRetryAfter, type Clock, type Logger } from '@swigs/automation-core';
import pRetry, { AbortError } from 'p-retry';
import { Agent, request } from 'undici';
import type { StoreWindow } from './store-window';
import type { TokenBucket } from './token-bucket';

/** The CMS collections the bridge reads. */
export type CmsResource = 'orders' | 'customers';

/** Query of one page. */
export interface CmsPageQuery {
  /** ISO 8601; the CMS returns records with `updatedAt` at or after it, oldest first. */
  updatedSince: string;
  limit: number;
  page: number;
}

/** Options of `createCmsClient`. */
export interface CmsClientOptions {
  apiUrl: string;
  token: string;
  bucket: TokenBucket;
  /** The window shared through the store, taken after the process's own bucket. */
  shared?: StoreWindow;
  /** Connect timeout: bounds the time from taking a shared slot to the request reaching the CMS. */
  connectTimeoutMs?: number;
  clock: Clock;
  logger: Logger;
  requestTimeoutMs: number;
  retry: { retries: number; minTimeoutMs: number; maxTimeoutMs: number };
  /** Told of every request: its status, or null when no answer came. */
  onRequest?: (status: number | null) => void;
}

/** Reads pages from swigs-cms-backend: bearer token, rate limit, retries, one log line per request. */
export interface CmsClient {
  /** One page of records; accepts `{ data: [...] }` and a bare array. */
  list(resource: CmsResource, query: CmsPageQuery, signal?: AbortSignal): Promise<unknown[]>;
  /** Requests sent so far, retries included. */
  readonly requests: number;
  close(): Promise<void>;
}

const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Creates the HTTP client of the CMS bridge. */
export function createCmsClient(options: CmsClientOptions): CmsClient {
  const { token, bucket, clock, logger, requestTimeoutMs, retry } = options;
  const base = new URL(options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`);
  const dispatcher = new Agent({
    connections: 4,
    keepAliveTimeout: 10_000,
    ...(options.connectTimeoutMs ? { connect: { timeout: options.connectTimeoutMs } } : {}),
  });
  let requests = 0;
  let closed = false;

  // Belt and braces: the token is only ever sent in a header. Very short tokens would mangle every message.
  const redact = (text: string): string => (token.length >= 8 ? text.split(token).join('***') : text);
  const safeUrl = (url: URL): string => {
    const copy = new URL(url);
    copy.username = '';
    copy.password = '';
    return redact(copy.toString());
  };

  const attempt = async (url: URL, attemptNumber: number, signal?: AbortSignal): Promise<unknown[]> => {
    const lease = await bucket.acquire(signal);
    try {
      await options.shared?.acquire(signal);
    } catch (error) {
      lease.release();
      throw signal?.aborted
        ? new AbortError(new AdapterError('cms', 'CMS request aborted', { cause: signal.reason }))
        : new AdapterError('cms', `CMS rate window unavailable: ${(error as Error).message}`, {
            cause: error,
            details: { retriable: true },
          });
    }
    requests += 1;
    const started = performance.now();
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    let status: number | null = null;
    let response: { headers: Record<string, string | string[] | undefined>; text: string };
    try {
      const answer = await request(url, {
        method: 'GET',
        dispatcher,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      status = answer.statusCode;
      response = { headers: answer.headers, text: await answer.body.text() };
    } catch (error) {
      const message =
        timeout.aborted && !signal?.aborted
          ? `no complete answer within ${requestTimeoutMs} ms`
          : redact(error instanceof Error ? error.message : String(error));
      logger.warn('cms request failed', {
        method: 'GET',
        url: safeUrl(url),
        status,
        durationMs: Math.round(performance.now() - started),
        attempt: attemptNumber,
        error: message,
      });
      if (signal?.aborted)
        throw new AbortError(new AdapterError('cms', 'CMS request aborted', { cause: signal.reason }));
      throw new AdapterError('cms', `CMS unreachable: ${message}`, { details: { retriable: true } });
    } finally {
      lease.release();
      options.onRequest?.(status);
    }
    logger.info('cms request', {
      method: 'GET',
      url: safeUrl(url),
      status,
      durationMs: Math.round(performance.now() - started),
      attempt: attemptNumber,
    });
    return readPage(status, response.headers, response.text, clock);
  };

  return {
    async list(resource, query, signal) {
      if (closed) throw new AdapterError('cms', 'CMS client is closed');
      const url = new URL(resource, base);
      url.searchParams.set('updatedSince', query.updatedSince);
      url.searchParams.set('limit', String(query.limit));
      url.searchParams.set('page', String(query.page));
      return pRetry((attemptNumber) => attempt(url, attemptNumber, signal), {
        retries: retry.retries,
        minTimeout: retry.minTimeoutMs,
        maxTimeout: retry.maxTimeoutMs,
        factor: 2,
        randomize: true,
        ...(signal ? { signal } : {}),
        shouldRetry: ({ error }) => isSwigsError(error) && error.details?.retriable === true,
        onFailedAttempt: async ({ error, retriesLeft }) => {
          const retryAfterMs = isSwigsError(error) ? error.details?.retryAfterMs : undefined;
          // p-retry adds its own jittered backoff after this; Retry-After is the floor the CMS asked for.
          if (typeof retryAfterMs === 'number' && retryAfterMs > 0 && retriesLeft > 0) {
            await clock.sleep(Math.min(retryAfterMs, MAX_RETRY_AFTER_MS), signal);
          }
        },
      });
    },
    get requests() {
      return requests;
    },
    async close() {
      if (closed) return;
      closed = true;
      await dispatcher.close();
    },
  };
}

function readPage(
  statusCode: number,
  headers: Record<string, string | string[] | undefined>,
  text: string,
  clock: Clock,
): unknown[] {
  if (statusCode === 429) {
    // 1 s when the header is absent or unreadable.
    const retryAfterMs = parseRetryAfter(headers['retry-after'], clock.now().getTime()) ?? 1000;
    throw new AdapterError('cms', 'CMS rate limit hit (429)', {
      details: { status: 429, retriable: true, retryAfterMs },
    });
  }
  if (statusCode >= 500) {
    throw new AdapterError('cms', `CMS answered ${statusCode}`, { details: { status: statusCode, retriable: true } });
  }
  if (statusCode === 401 || statusCode === 403) {
    throw new AbortError(
      new AdapterError('cms', `CMS refused the service token (${statusCode}); check CMS_SERVICE_TOKEN`, {
        details: { status: statusCode },
      }),
    );
  }
  if (statusCode < 200 || statusCode >= 300) {
    throw new AbortError(new AdapterError('cms', `CMS answered ${statusCode}`, { details: { status: statusCode } }));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AbortError(
      new AdapterError('cms', 'CMS answered with a body that is not JSON', { details: { status: statusCode } }),
    );
  }
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object' && Array.isArray((body as { data?: unknown }).data)) {
    return (body as { data: unknown[] }).data;
  }
  throw new AbortError(
    new AdapterError('cms', 'CMS answered neither an array nor { data: [...] }', { details: { status: statusCode } }),
  );
}
