import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isSwigsError, type Logger, type ValidationProblem } from '@swigs/automation-core';
import type { AppEnv, Lang } from './env';
import { isHttpError, type IssueBody } from './http-error';
import { pickLang, t } from './i18n';
import { isZodError, localizeZodIssues } from './zod-issues';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: string;
  code?: string;
  issues: IssueBody[];
}

/**
 * The one place where errors become HTTP statuses: our `HttpError`s, zod errors (400), the runtime's typed errors
 * (config or graph invalid 400, not found 404, conflict 409, store or mail unreachable 503 with Retry-After) and anything
 * else (500, logged, no detail leaked).
 */
export function createErrorHandler(logger: Logger): (err: Error, c: Context<AppEnv>) => Response {
  return (err, c) => {
    const lang: Lang = c.get('lang') ?? pickLang(c.req.header('accept-language'));
    const { status, body, headers } = toResponse(err, lang);
    if (status >= 500) {
      logger.error('request failed', { method: c.req.method, path: c.req.path, error: describe(err) });
    }
    return c.json(body, status as 500, headers);
  };
}

function toResponse(err: unknown, lang: Lang): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (isHttpError(err)) {
    return { status: err.status, body: { error: t(err.key, lang), code: err.key, issues: err.issues }, headers: err.headers };
  }
  if (isZodError(err)) {
    return { status: 400, body: { error: t('validation_failed', lang), code: 'validation_failed', issues: localizeZodIssues(err, lang) } };
  }
  if (isSwigsError(err)) {
    switch (err.code) {
      case 'CONFIG_INVALID':
      case 'GRAPH_INVALID':
      case 'LIMIT_EXCEEDED':
      case 'EVALUATION_ERROR':
        return { status: 400, body: { error: err.message, code: err.code, issues: problemsOf(err.details) } };
      case 'NOT_FOUND':
        return { status: 404, body: { error: t('not_found', lang), code: err.code, issues: [] } };
      case 'CONFLICT':
        return { status: 409, body: { error: err.message || t('conflict', lang), code: err.code, issues: [] } };
      // A store or mail outage: the caller (a CMS webhook, a service) should deliver again, which is safe.
      case 'ADAPTER_FAILURE':
        return { status: 503, body: { error: t('unavailable', lang), code: err.code, issues: [] }, headers: { 'Retry-After': '5' } };
      default:
        break;
    }
  }
  if (err instanceof HTTPException && err.status < 500) {
    return { status: err.status, body: { error: err.message || t('bad_request', lang), issues: [] } };
  }
  return { status: 500, body: { error: t('internal', lang), code: 'internal', issues: [] } };
}

/** Problems carried by `ConfigInvalidError`/`GraphInvalidError`, as API issues. */
export function problemsToIssues(problems: readonly ValidationProblem[]): IssueBody[] {
  return problems.map((p) => ({
    path: [...p.path],
    message: p.message,
    code: p.code,
    ...(p.nodeId ? { nodeId: p.nodeId } : {}),
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
