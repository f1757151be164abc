import type { Agent, Dispatcher } from 'undici';
import { z } from 'zod';
import {
  AdapterError,
  ErrorCode,
  type HttpPort,
  type HttpRequest,
  type HttpResponse,
  NonRetriableError,
  SwigsError,
} from '@swigs/automation-core';
import { parseOptions } from '../shared/parse-options';
import { createAllowList, isAllowListEntry } from './address-policy';
import { assertPublicUrl, createGuardedLookup } from './guarded-lookup';

export const HttpClientOptionsSchema = z.object({
  /**
   * Private or local destinations that may be reached anyway: hostnames (`hooks.internal`), `host:port`,
   * addresses (`127.0.0.1`, `::1`) and CIDR ranges (`10.0.0.0/8`, `fd00::/8`). Everything else that is, or
   * resolves to, a loopback, private, link-local, CGNAT or multicast address is refused.
   */
  allowedHosts: z
    .array(
      z
        .string()
        .min(1)
        .max(300)
        .refine(isAllowListEntry, 'must be a hostname, host:port, an IP address or a CIDR range'),
    )
    .default([]),
  /** Default per-request timeout. Default 10 s. */
  timeoutMs: z.number().int().positive().default(10_000),
  /** Sent when a request sets none. */
  userAgent: z.string().min(1).default('swigs-automation'),
});

export type HttpClientOptions = z.input<typeof HttpClientOptionsSchema>;

/**
 * An `HttpPort` on undici with the SSRF guard: a URL whose host is, or resolves to, a private address is refused
 * before any connection, and again when the socket connects (DNS rebinding), unless `allowedHosts` permits it.
 * Redirects are not followed. Connections are kept alive between requests; `close()` ends them.
 * @example
 * const http = createHttpClient({ allowedHosts: ['127.0.0.1', '10.0.0.0/8'] });
 * const engine = createEngine({ store, registry, ports: { http } });
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpPort {
  const config = parseOptions(HttpClientOptionsSchema, options, 'http client');
  const allow = createAllowList(config.allowedHosts);
  // Hosts allowed by name connect through `open`; every other host through `guarded`, which re-checks addresses.
  let guarded: Agent | undefined;
  let open: Agent | undefined;
  let closed = false;
  const dispatcherFor = (undici: Undici, url: URL): Dispatcher => {
    if (allow.allowsUrl(url)) {
      open ??= new undici.Agent();
      return open;
    }
    guarded ??= new undici.Agent({ connect: { lookup: createGuardedLookup(allow) } });
    return guarded;
  };

  return {
    name: 'http',
    async request(input: HttpRequest): Promise<HttpResponse> {
      if (closed) throw new AdapterError('http', 'the HTTP client is closed');
      const url = toUrl(input.url);
      await assertPublicUrl(url, allow);
      const timeoutMs = input.timeoutMs ?? config.timeoutMs;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
      const headers: Record<string, string> = { 'user-agent': config.userAgent };
      for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
      try {
        const undici = await loadUndici();
        const response = await undici.request(url, {
          method: input.method,
          headers,
          ...(input.body !== undefined ? { body: input.body } : {}),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          signal,
          dispatcher: dispatcherFor(undici, url),
        });
        const body = await response.body.text();
        return { status: response.statusCode, headers: response.headers, body };
      } catch (error) {
        if (input.signal?.aborted) throw input.signal.reason ?? error;
        throw describeFailure(error, url, timeoutMs, timeout.aborted);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([guarded?.close(), open?.close()]);
    },
  };
}

type Undici = typeof import('undici');
let undiciModule: Promise<Undici> | undefined;

/**
 * undici is loaded with the first request, not with the client: it is about a sixth of an idle server's memory,
 * and many servers never send a request from a webhook step.
 */
function loadUndici(): Promise<Undici> {
  undiciModule ??= import('undici');
  return undiciModule;
}

function toUrl(value: string | URL): URL {
  let url: URL;
  try {
    url = typeof value === 'string' ? new URL(value) : value;
  } catch {
    throw new NonRetriableError(`"${String(value)}" is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new NonRetriableError(`only http and https URLs are allowed (got ${url.protocol})`);
  }
  return url;
}

function describeFailure(error: unknown, url: URL, timeoutMs: number, timedOut: boolean): SwigsError {
  const message = (error as Error | undefined)?.message ?? String(error);
  if (codeOf(error) === 'ESSRF' || codeOf((error as { cause?: unknown } | undefined)?.cause) === 'ESSRF') {
    return new NonRetriableError(message, { cause: error, details: { host: url.host } });
  }
  if (timedOut || /timeout/i.test(message)) {
    return new SwigsError(ErrorCode.Timeout, `${url.host} did not answer within ${timeoutMs} ms`, {
      cause: error,
      details: { host: url.host, timeoutMs },
    });
  }
  return new AdapterError('http', `request to ${url.host} failed: ${message}`, {
    cause: error,
    details: { host: url.host },
  });
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null | undefined)?.code;
}
