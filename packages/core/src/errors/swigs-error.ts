const BRAND = Symbol.for('swigs.automation.error');

/** Codes callers branch on. Stable across releases. */
export const ErrorCode = {
  ConfigInvalid: 'CONFIG_INVALID',
  GraphInvalid: 'GRAPH_INVALID',
  NodeFailed: 'NODE_FAILED',
  NonRetriable: 'NON_RETRIABLE',
  RetryAfter: 'RETRY_AFTER',
  Adapter: 'ADAPTER_FAILURE',
  Evaluation: 'EVALUATION_ERROR',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  Timeout: 'TIMEOUT',
  LimitExceeded: 'LIMIT_EXCEEDED',
  DefinitionInvalid: 'DEFINITION_INVALID',
  Aborted: 'ABORTED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface SwigsErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
}

/** Base of every error the runtime throws on purpose. Recognise with `isSwigsError`, not `instanceof`. */
export class SwigsError extends Error {
  readonly [BRAND] = true;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: SwigsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SwigsError';
    this.code = code;
    this.details = options.details;
  }

  toJSON(): { name: string; code: string; message: string; details?: Record<string, unknown> } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** True for any `SwigsError`, even one from another copy of this package (ESM and CJS loaded together). */
export function isSwigsError(value: unknown): value is SwigsError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** True when `value` is a `SwigsError` carrying `code`. */
export function hasErrorCode(value: unknown, code: string): value is SwigsError {
  return isSwigsError(value) && value.code === code;
}
