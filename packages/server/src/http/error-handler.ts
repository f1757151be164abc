import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isSwigsError, type Logger, type SwigsError, type ValidationProblem } from '@swigs/automation-core';
import type { AppEnv, Lang } from './env';
import { isHttpError, type HttpError, type Issue, type IssueBody } from './http-error';
import { pickLang, t, type MessageKey } from './i18n';
import { isZodError, localizeZodIssues } from './zod-issues';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: string;
  code?: string;
  issues: IssueBody[];
}

/** An error as answered: its status, body and extra headers. */
export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string> | undefined;
}

/** Answers an error of a request (its method and path are logged when the error is the server's). */
export type ErrorAnswerer = (err: unknown, lang: Lang, request: { method: string; path: string }) => ErrorAnswer;

/**
 * The one place where errors become HTTP answers, in the request's language: our `HttpError`s (a key and its
 * parameters), zod errors (400), the runtime's typed errors (config or graph invalid 400, not found 404, conflict
 * 409, store or mail unreachable 503 with Retry-After), hono's own refusals, and anything else (500, logged, no
 * detail leaked). No handler writes a message itself.
 */
export function createErrorHandler(logger: Logger): (err: Error, c: Context<AppEnv>) => Response {
  const answerError = createErrorAnswerer(logger);
  return (err, c) => {
    const lang: Lang = c.get('lang') ?? pickLang(c.req.header('accept-language'));
    const { status, body, headers } = answerError(err, lang, { method: c.req.method, path: c.req.path });
    return c.json(body, status as 500, headers);
  };
}

/** The error handler's mapping without hono, for the node:http fast path: the same statuses, bodies and log. */
export function createErrorAnswerer(logger: Logger): ErrorAnswerer {
  return (err, lang, request) => {
    const answer = toAnswer(err, lang);
    if (answer.status >= 500) {
      logger.error('request failed', { method: request.method, path: request.path, error: describe(err) });
    }
    return answer;
  };
}

function toAnswer(err: unknown, lang: Lang): ErrorAnswer {
  if (isHttpError(err)) return fromHttpError(err, lang);
  if (isZodError(err)) {
    return { status: 400, body: answer('validation_failed', lang, localizeZodIssues(err.issues, lang)) };
  }
  if (isSwigsError(err)) {
    const mapped = fromSwigsError(err, lang);
    if (mapped) return mapped;
  }
  if (err instanceof HTTPException && err.status < 500) {
    return { status: err.status, body: answer(HONO_KEYS[err.status] ?? 'bad_request', lang, []) };
  }
  return { status: 500, body: answer('internal', lang, []) };
}

function fromHttpError(err: HttpError, lang: Lang): ErrorAnswer {
  const issues = err.issues.map((issue) => localizeIssue(issue, lang));
  if (err.zod) issues.push(...localizeZodIssues(err.zod.issues, lang, err.zod.input));
  return {
    status: err.status,
    body: { error: t(err.key, lang, err.params), code: err.key, issues },
    headers: err.headers,
  };
}

const CORE_KEYS: Partial<Record<SwigsError['code'], MessageKey>> = {
  CONFIG_INVALID: 'config_invalid',
  GRAPH_INVALID: 'graph_invalid',
  LIMIT_EXCEEDED: 'limit_exceeded',
  EVALUATION_ERROR: 'evaluation_error',
};

function fromSwigsError(err: SwigsError, lang: Lang): ErrorAnswer | undefined {
  const invalid = CORE_KEYS[err.code];
  if (invalid) return { status: 400, body: { ...answer(invalid, lang, problemsOf(err.details)), code: err.code } };
  switch (err.code) {
    case 'NOT_FOUND':
      return { status: 404, body: { ...answer('not_found', lang, []), code: err.code } };
    case 'CONFLICT':
      return { status: 409, body: { ...answer('conflict', lang, []), code: err.code } };
    // A store or mail outage: the caller (a CMS webhook, a service) should deliver again, which is safe.
    case 'ADAPTER_FAILURE':
      return {
        status: 503,
        body: { ...answer('unavailable', lang, []), code: err.code },
        headers: { 'Retry-After': '5' },
      };
    default:
      return undefined;
  }
}

/** hono's own refusals (a malformed URL or body hono read itself), worded by our table. */
const HONO_KEYS: Record<number, MessageKey> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'route_not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

function answer(key: MessageKey, lang: Lang, issues: IssueBody[]): ErrorBody {
  return { error: t(key, lang), code: key, issues };
}

function localizeIssue(issue: Issue, lang: Lang): IssueBody {
  const { key, params, message, text, ...rest } = issue;
  if (key) return { ...rest, message: t(key, lang, params) };
  const placed = params ? { params: params as Record<string, unknown> } : {};
  if (text) return { ...rest, message: text(lang), ...placed };
  return { ...rest, message: message ?? '', ...placed };
}

/** Problems carried by `ConfigInvalidError`/`GraphInvalidError`, as API issues. */
export function problemsToIssues(problems: readonly ValidationProblem[]): IssueBody[] {
  return problems.map((p) => ({
    path: [...p.path],
    message: p.message,
    code: p.code,
    ...(p.nodeId ? { nodeId: p.nodeId } : {}),
    ...(p.params ? { params: p.params } : {}),
  }));
}

function problemsOf(details: Record<string, unknown> | undefined): IssueBody[] {
  const problems = details?.problems;
  if (!Array.isArray(problems)) return [];
  return problemsToIssues(problems as ValidationProblem[]);
}

function describe(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { value: String(err) };
}
