import pRetry from 'p-retry';
import { NonRetriableError } from '../errors/errors';
import { ErrorCode, SwigsError, hasErrorCode, isSwigsError } from '../errors/swigs-error';
import type { NodeContext, NodeDefinition, NodeResult, NodeRetryPolicy } from '../node/types';
import type { Clock } from '../ports/clock';

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

export const DEFAULT_RETRY: Required<NodeRetryPolicy> = { retries: 2, minTimeoutMs: 1000, maxTimeoutMs: 60_000, factor: 2 };

export type NodeOutcome =
  | { ok: true; result: NodeResult; attempts: number }
  | { ok: false; error: Error; attempts: number; aborted: boolean };

export interface RunNodeInput {
  definition: NodeDefinition;
  /** The context without its per-attempt signal. */
  context: Omit<NodeContext, 'signal'>;
  retry: Required<NodeRetryPolicy>;
  timeoutMs: number;
  clock: Clock;
  /** Aborts on engine stop, run cancellation or a lost lease. */
  runSignal: AbortSignal;
}

/**
 * Executes a node with retries (p-retry, exponential backoff with jitter, delays slept on `clock`), a per-attempt
 * timeout and the result checks of its kind. Never throws.
 */
export async function runNode(input: RunNodeInput): Promise<NodeOutcome> {
  const { retry, runSignal } = input;
  let attempts = 0;
  try {
    const result = await pRetry(
      () => {
        attempts += 1;
        return attempt(input);
      },
      {
        retries: retry.retries,
        // p-retry's own delay is zero: the backoff is slept on the clock port in shouldRetry, so fake clocks drive it.
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        signal: runSignal,
        shouldRetry: async ({ error, retriesConsumed }) => {
          if (isSwigsError(error) && FINAL_CODES.has(error.code)) return false;
          await input.clock.sleep(retryDelay(error, retriesConsumed, retry), runSignal);
          return true;
        },
      },
    );
    return { ok: true, result, attempts };
  } catch (error) {
    const normalized = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: normalized, attempts: Math.max(attempts, 1), aborted: runSignal.aborted };
  }
}

function retryDelay(error: unknown, retriesConsumed: number, retry: Required<NodeRetryPolicy>): number {
  if (hasErrorCode(error, ErrorCode.RetryAfter)) {
    const after = Number((error as SwigsError & { retryAfterMs?: unknown }).retryAfterMs ?? error.details?.retryAfterMs);
    if (Number.isFinite(after) && after >= 0) return after;
  }
  const base = Math.min(retry.maxTimeoutMs, retry.minTimeoutMs * retry.factor ** retriesConsumed);
  // Full jitter between 1x and 2x spreads retries of runs that failed together.
  return Math.round(Math.min(retry.maxTimeoutMs, base * (1 + Math.random())));
}

async function attempt(input: RunNodeInput): Promise<NodeResult> {
  const { runSignal, definition } = input;
  runSignal.throwIfAborted();
  const controller = new AbortController();
  const forward = (): void => controller.abort(runSignal.reason);
  runSignal.addEventListener('abort', forward, { once: true });
  try {
    let value: unknown;
    try {
      value = (definition.execute as (ctx: NodeContext) => unknown)({ ...input.context, signal: controller.signal });
    } catch (error) {
      throw asError(error);
    }
    if (isThenable(value)) value = await withTimeout(value, controller, input.timeoutMs);
    return checkResult(definition, value);
  } finally {
    runSignal.removeEventListener('abort', forward);
  }
}

function withTimeout(value: PromiseLike<unknown>, controller: AbortController, ms: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(controller.signal.reason);
    };
    // Node timeouts measure real work, so they use the host timer rather than the clock port.
    const timer = setTimeout(() => {
      controller.signal.removeEventListener('abort', onAbort);
      const error = new SwigsError(ErrorCode.Timeout, `timed out after ${ms} ms`, { details: { timeoutMs: ms } });
      controller.abort(error);
      reject(error);
    }, ms);
    controller.signal.addEventListener('abort', onAbort, { once: true });
    value.then(
      (result) => {
        clearTimeout(timer);
        controller.signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        controller.signal.removeEventListener('abort', onAbort);
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
    throw new NonRetriableError(`a condition node must return branch "true" or "false" (got ${JSON.stringify(result.branch) ?? 'nothing'})`);
  }
  if (result.waitUntil !== undefined && !(result.waitUntil instanceof Date && !Number.isNaN(result.waitUntil.getTime()))) {
    throw new NonRetriableError(`waitUntil must be a valid Date (got ${String(result.waitUntil)})`);
  }
  return result;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(typeof error === 'string' ? error : `non-error thrown: ${String(error)}`);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
