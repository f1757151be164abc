import type { IncomingMessage, ServerResponse } from 'node:http';
import { getQueryParam } from 'hono/utils/url';
import type { WebhookAnswer, WebhookCall } from '../routes/webhook-handler';
import type { ClientAddressResolver } from './client-address';
import { drainIncoming } from './drain-body';
import type { ErrorAnswerer } from './error-handler';
import { HttpError } from './http-error';
import { pickLang } from './i18n';

const PREFIX = '/api/hooks/webhook/';
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Options of `createWebhookFastPath`: what the app's middleware does for this route, without hono. */
export interface WebhookFastPathOptions {
  /** The route's handler, the one hono mounts too. */
  receive(call: WebhookCall): Promise<WebhookAnswer>;
  /** The one error handler's mapping. */
  answerError: ErrorAnswerer;
  clientAddress: ClientAddressResolver;
  /** `securityHeaderValues` of the app. */
  securityHeaders: Record<string, string>;
  /** The app's body limit in bytes. */
  bodyLimit: number;
}

/** Answers the request and returns true when it is a webhook call; false leaves it to the app. */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The webhook URL answered straight on node:http, for `createRequestListener`: @hono/node-server's Request and
 * Response objects, hono's router and its middleware chain were a third of a webhook's CPU. It does what the
 * app does for this route (security headers, the request's language, the body limit, the one error handler's
 * answers) and hands anything unusual (an encoded or empty id, a deeper path, HEAD, OPTIONS) to the app.
 */
export function createWebhookFastPath(options: WebhookFastPathOptions): FastPath {
  const security = Object.entries(options.securityHeaders).map(([name, value]): [string, string] => [
    name.toLowerCase(),
    value,
  ]);
  const answer = async (req: IncomingMessage, res: ServerResponse, automationId: string): Promise<void> => {
    const url = req.url ?? '';
    const method = req.method ?? 'GET';
    let out: WebhookAnswer;
    try {
      if (method !== 'GET') await refuseDeclaredOversize(req, options.bodyLimit);
      out = await options.receive(nodeCall(req, method, automationId, url, options));
    } catch (err) {
      out = errorAnswer(err, req, method, url, options.answerError);
    }
    try {
      write(res, out, security);
    } catch (err) {
      // A header the answer may not carry (an invalid character): answered as the app answers it.
      write(res, errorAnswer(err, req, method, url, options.answerError), security);
    }
  };
  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(PREFIX) || !METHODS.has(req.method ?? '')) return false;
    const end = url.indexOf('?', PREFIX.length);
    const automationId = url.slice(PREFIX.length, end === -1 ? undefined : end);
    // Ids are UUIDs: anything hono would decode or route elsewhere takes the app's path.
    if (automationId === '' || /[/%#]/.test(automationId)) return false;
    answer(req, res, automationId).catch((err: unknown) => res.destroy(err as Error));
    return true;
  };
}

/** A webhook call read from node:http's request. */
function nodeCall(
  req: IncomingMessage,
  method: string,
  automationId: string,
  url: string,
  options: WebhookFastPathOptions,
): WebhookCall {
  // hono's query reader wants an absolute URL; the host is never read.
  const absolute = `http://h${url}`;
  return {
    method,
    automationId,
    header: (name) => headerOf(req, name),
    query: (name) => getQueryParam(absolute, name) as string | undefined,
    // Most calls have no query string: no URL parse for them.
    queries: () => (url.includes('?') ? { ...(getQueryParam(absolute) as Record<string, string>) } : {}),
    text: () => readText(req, options.bodyLimit),
    client: () => options.clientAddress(req.socket.remoteAddress ?? 'unknown', headerOf(req, 'x-forwarded-for')),
  };
}

/** Headers of which node:http keeps only the first when repeated (the Fetch API joins them): read raw. */
const FIRST_ONLY = new Set(['content-type', 'user-agent']);

/** A header as the Fetch API gives it: repeated values joined with ", ". */
function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.join(', ');
  return FIRST_ONLY.has(name) ? joinedRaw(req.rawHeaders, name) : value;
}

/** Every raw value of the header `name` (lower case), joined with ", ". */
function joinedRaw(raw: string[], name: string): string | undefined {
  let joined: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const field = raw[i] as string;
    if (field.length !== name.length || field.toLowerCase() !== name) continue;
    joined = joined === undefined ? (raw[i + 1] as string) : `${joined}, ${raw[i + 1]}`;
  }
  return joined;
}

/** `limitBodySize` for a declared Content-Length: 413 (the body drained, the socket then closed). */
async function refuseDeclaredOversize(req: IncomingMessage, limit: number): Promise<void> {
  const length = req.headers['content-length'];
  if (length === undefined || req.headers['transfer-encoding'] !== undefined) return;
  if (/^\d{1,15}$/.test(length) && Number(length) <= limit) return;
  await drainIncoming(req);
  throw tooLarge();
}

function tooLarge(): HttpError {
  // The unread rest of the body would poison a kept-alive socket: close it after the answer.
  return new HttpError(413, 'payload_too_large', { headers: { Connection: 'close' } });
}

/** The body as UTF-8 text (a leading BOM dropped, as `Request.text()` does); 413 past `limit` bytes. */
function readText(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      cleanup();
      drainIncoming(req).then(() => reject(tooLarge()), reject);
    };
    const onEnd = (): void => {
      cleanup();
      const text =
        chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
      resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error('request body ended early'));
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onClose);
      req.off('close', onClose);
    };
    if (req.readableEnded) {
      resolve('');
      return;
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onClose);
    req.on('close', onClose);
  });
}

/** The one error handler's answer, written as its `c.json` would be. */
function errorAnswer(
  err: unknown,
  req: IncomingMessage,
  method: string,
  url: string,
  answerError: ErrorAnswerer,
): WebhookAnswer {
  const lang = pickLang(headerOf(req, 'accept-language'));
  const query = url.indexOf('?');
  const { status, body, headers } = answerError(err, lang, {
    method,
    path: query === -1 ? url : url.slice(0, query),
  });
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Writes the answer with hono's header rules: names lower-cased, the last of a name wins, security headers added. */
function write(res: ServerResponse, answer: WebhookAnswer, security: [string, string][]): void {
  const headers: Record<string, string> = {};
  for (const name in answer.headers) headers[name.toLowerCase()] = answer.headers[name] as string;
  for (const [name, value] of security) headers[name] ??= value;
  headers['content-length'] ??= String(Buffer.byteLength(answer.body));
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}
