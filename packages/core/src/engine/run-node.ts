import pRetry from 'p-retry';
import { NonRetriableError } from '../errors/errors';
import { ErrorCode, SwigsError, hasErrorCode, isSwigsError } from '../errors/swigs-error';
import type { NodeContext, NodeDefinition, NodeResult, NodeRetryPolicy } from '../node/types';
import type { Clock } from '../ports/clock';
import { type ContextBase, NodeExecutionContext } from './node-context';
import type { RunAbort } from './run-abort';

/** Errors a retry cannot fix: the same input fails the same way. */
const FINAL_CODES: ReadonlySet<string> = new Set<string>([
  ErrorCode.NonRetriable,
  ErrorCode.ConfigInvalid,
  ErrorCode.GraphInvalid,
  ErrorCode.Evaluation,
  ErrorCode.DefinitionInvalid,
  ErrorCode.LimitExceeded,
  ErrorCode.NotFound,
]);

export const DEFAULT_RETRY: Required<NodeRetryPolicy> = {
  retries: 2,
  minTimeoutMs: 1000,
  maxTimeoutMs: 60_000,
  factor: 2,
};

export type NodeOutcome =
  | { ok: true; result: NodeResult; attempts: number }
  | { ok: false; error: Error; attempts: number; aborted: boolean };

export interface RunNodeInput {
  definition: NodeDefinition;
  base: ContextBase;
  retry: Required<NodeRetryPolicy>;
  timeoutMs: number;
  clock: Clock;
  /** Aborts on engine stop, run cancellation or a lost lease. */
  abort: RunAbort;
}

/**
 * Executes a node: a first attempt directly (synchronously when the node is synchronous), then, if it failed,
 * p-retry for the remaining attempts (exponential backoff with jitter, delays slept on the clock port,
 * `NonRetriableError` and `RetryAfterError` honoured). Each attempt has a timeout and its result is checked
 * against the node's kind. Never throws.
 */
export function runNode(input: RunNodeInput): NodeOutcome | Promise<NodeOutcome> {
  const context = new NodeExecutionContext(input.base);
  let value: NodeResult | Promise<NodeResult>;
  try {
    value = attempt(input, context);
  } catch (error) {
    return retry(input, context, error);
  }
  if (value instanceof Promise) {
    return value.then(
      (result) => ({ ok: true, result, attempts: 1 }),
      (error: unknown) => retry(input, context, error),
    );
  }
  return { ok: true, result: value, attempts: 1 };
}

/** Runs the attempts after a failed first one through p-retry. */
async function retry(input: RunNodeInput, context: NodeExecutionContext, firstError: unknown): Promise<NodeOutcome> {
  const { abort } = input;
  let attempts = 1;
  if (abort.aborted || input.retry.retries === 0) return failure(firstError, attempts, abort.aborted);
  try {
    // The failed first attempt is replayed into p-retry so its rules (and ours in shouldRetry) apply to it too.
    const result = await pRetry(
      (attemptNumber) => {
        if (attemptNumber === 1) return Promise.reject(firstError);
        attempts = attemptNumber;
        context.nextAttempt();
        return attempt(input, context);
      },
      {
        retries: input.retry.retries,
        // p-retry's own delay is zero: the backoff is slept on the clock port in shouldRetry, so fake clocks drive it.
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        signal: abort.signal,
        shouldRetry: async ({ error, retriesConsumed }) => {
          if (isSwigsError(error) && FINAL_CODES.has(error.code)) return false;
          await input.clock.sleep(retryDelay(error, retriesConsumed, input.retry), abort.signal);
          return true;
        },
      },
    );
    return { ok: true, result, attempts };
  } catch (error) {
    return failure(error, attempts, abort.aborted);
  }
}

function failure(error: unknown, attempts: number, aborted: boolean): NodeOutcome {
  return { ok: false, error: asError(error), attempts, aborted };
}

function retryDelay(error: unknown, retriesConsumed: number, retry: Required<NodeRetryPolicy>): number {
  if (hasErrorCode(error, ErrorCode.RetryAfter)) {
    const after = Number(
      (error as SwigsError & { retryAfterMs?: unknown }).retryAfterMs ?? error.details?.retryAfterMs,
    );
    if (Number.isFinite(after) && after >= 0) return after;
  }
  const base = Math.min(retry.maxTimeoutMs, retry.minTimeoutMs * retry.factor ** retriesConsumed);
  // Jitter between 1x and 2x spreads the retries of runs that failed together.
  return Math.round(Math.min(retry.maxTimeoutMs, base * (1 + Math.random())));
}

/** One attempt: the checked result, synchronously for a synchronous node, else a promise bounded by the timeout. */
function attempt(input: RunNodeInput, context: NodeExecutionContext): NodeResult | Promise<NodeResult> {
  const { abort, definition, timeoutMs } = input;
  abort.throwIfAborted();
  let value: unknown;
  try {
    value = (definition.execute as (ctx: NodeContext) => unknown)(context);
  } catch (error) {
    throw asError(error);
  }
  if (!isThenable(value)) return checkResult(definition, value);
  const pending = value;
  return new Promise<NodeResult>((resolve, reject) => {
    const settle = (): void => {
      clearTimeout(timer);
      abort.onAbort = undefined;
    };
    abort.onAbort = (reason) => {
      settle();
      context.abortAttempt(reason);
      reject(reason);
    };
    // Node timeouts measure real work, so they use the host timer rather than the clock port.
    const timer = setTimeout(() => {
      settle();
      const error = new SwigsError(ErrorCode.Timeout, `timed out after ${timeoutMs} ms`, { details: { timeoutMs } });
      context.abortAttempt(error);
      reject(error);
    }, timeoutMs);
    pending.then(
      (result) => {
        settle();
        try {
          resolve(checkResult(definition, result));
        } catch (error) {
          reject(error);
        }
      },
      (error: unknown) => {
        settle();
        reject(asError(error));
      },
    );
  });
}

function checkResult(definition: NodeDefinition, value: unknown): NodeResult {
  if (value === undefined || value === null) value = {};
  if (typeof value !== 'object') {
    throw new NonRetriableError(`execute must return { output?, branch?, waitUntil? } (got ${typeof value})`);
  }
  const result = value as NodeResult;
  if (definition.kind === 'condition' && result.branch !== 'true' && result.branch !== 'false') {
    throw new NonRetriableError(
      `a condition node must return branch "true" or "false" (got ${JSON.stringify(result.branch) ?? 'nothing'})`,
    );
  }
  if (
    result.waitUntil !== undefined &&
    !(result.waitUntil instanceof Date && !Number.isNaN(result.waitUntil.getTime()))
  ) {
    throw new NonRetriableError(`waitUntil must be a valid Date (got ${String(result.waitUntil)})`);
  }
  return result;
}

function asError(error: unknown): Error {
  return error instanceof Error
    ? error
    : new Error(typeof error === 'string' ? error : `non-error thrown: ${String(error)}`);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
