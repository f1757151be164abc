import type { z } from 'zod';
import type { Lang } from './env';
import type { MessageKey, MessageParams } from './i18n';
import { t } from './i18n';

/** One problem in a request, as the API reports it. */
export interface IssueBody {
  path: (string | number)[];
  message: string;
  code?: string;
  nodeId?: string;
  /** What the message names, for clients that place it (a template problem's `line`, `column`). */
  params?: Record<string, unknown>;
}

/**
 * One problem as a handler raises it, localized by the error handler: a message `key` of the server's tables with
 * its `params`; or `text(lang)`, the wording of a catalogue that lives elsewhere (a node's template problems,
 * core's validation problems); or a `message` already written for people.
 */
export type Issue = { path: (string | number)[]; code?: string; nodeId?: string } & (
  | { key: MessageKey; params?: MessageParams; message?: never; text?: never }
  | { text: (lang: Lang) => string; params?: Record<string, unknown>; key?: never; message?: never }
  | { message: string; params?: Record<string, unknown>; key?: never; text?: never }
);

/** What a route may answer with an `HttpError`. */
export type HttpErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 429 | 502 | 503;

/** Options of `HttpError`. */
export interface HttpErrorOptions {
  /** Values the message of `key` names (`{ number: 'F-2026-0007' }`). */
  params?: MessageParams;
  issues?: Issue[];
  headers?: Record<string, string>;
  /** Zod issues of invalid input, localized by the error handler; `input` is the value that was checked. */
  zod?: { issues: readonly z.core.$ZodIssue[]; input?: unknown };
  cause?: unknown;
}

/**
 * An HTTP failure the server raises on purpose: a status and a message key with its parameters. The one error
 * handler (`createErrorHandler`) writes the message in the request's language; `message` is the English text,
 * for logs and run logs.
 * @example throw new HttpError(409, 'invoice_locked', { params: { number: invoice.number, status: invoice.status } });
 */
export class HttpError extends Error {
  readonly status: HttpErrorStatus;
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly issues: Issue[];
  readonly headers: Record<string, string>;
  readonly zod: HttpErrorOptions['zod'];

  constructor(status: HttpErrorStatus, key: MessageKey, options: HttpErrorOptions = {}) {
    super(t(key, 'en', options.params), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpError';
    this.status = status;
    this.key = key;
    this.params = options.params ?? {};
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
    this.zod = options.zod;
  }
}

/** True for an `HttpError`, even from another copy of this module. */
export function isHttpError(value: unknown): value is HttpError {
  return value instanceof Error && value.name === 'HttpError' && typeof (value as HttpError).status === 'number';
}
