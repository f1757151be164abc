import { ErrorCode, hasErrorCode, SwigsError, type SwigsErrorOptions } from './swigs-error';

/** One problem found in an automation or a config, with where it is. */
export interface ValidationProblem {
  /** Machine-readable rule, e.g. `unknown_node_type`, `cycle`, `config_invalid`. */
  code: string;
  /** For people, in the asked language (English by default), naming the step: « Étape « E-mail Avis » : … ». */
  message: string;
  nodeId?: string;
  /** Field path inside the automation document, e.g. `['nodes', 2, 'config', 'to']`. */
  path: (string | number)[];
  /** What fills the message of `code` (`{ line, column, expected }` for template syntax...). */
  params?: Record<string, unknown>;
}

/** A node's config failed its schema. */
export class ConfigInvalidError extends SwigsError {
  readonly problems: ValidationProblem[];
  constructor(message: string, problems: ValidationProblem[] = [], options?: SwigsErrorOptions) {
    super(ErrorCode.ConfigInvalid, message, { ...options, details: { problems } });
    this.name = 'ConfigInvalidError';
    this.problems = problems;
  }
}

/** The automation graph is not runnable. */
export class GraphInvalidError extends SwigsError {
  readonly problems: ValidationProblem[];
  constructor(message: string, problems: ValidationProblem[], options?: SwigsErrorOptions) {
    super(ErrorCode.GraphInvalid, message, { ...options, details: { problems } });
    this.name = 'GraphInvalidError';
    this.problems = problems;
  }
}

/** A node failed after its retries. */
export class NodeFailedError extends SwigsError {
  readonly nodeId: string;
  constructor(nodeId: string, message: string, options?: SwigsErrorOptions) {
    super(ErrorCode.NodeFailed, message, { ...options, details: { nodeId, ...options?.details } });
    this.name = 'NodeFailedError';
    this.nodeId = nodeId;
  }
}

/** Thrown by a node to fail at once, without retries (a 4xx, a bad address...). */
export class NonRetriableError extends SwigsError {
  constructor(message: string, options?: SwigsErrorOptions) {
    super(ErrorCode.NonRetriable, message, options);
    this.name = 'NonRetriableError';
  }
}

/** Thrown by a node to be retried no earlier than `retryAfterMs` from now (a 429 with Retry-After). */
export class RetryAfterError extends SwigsError {
  readonly retryAfterMs: number;
  constructor(message: string, retryAfterMs: number, options?: SwigsErrorOptions) {
    super(ErrorCode.RetryAfter, message, { ...options, details: { retryAfterMs } });
    this.name = 'RetryAfterError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** A storage, mail or network adapter failed. */
export class AdapterError extends SwigsError {
  readonly adapter: string;
  constructor(adapter: string, message: string, options?: SwigsErrorOptions) {
    super(ErrorCode.Adapter, message, { ...options, details: { adapter, ...options?.details } });
    this.name = 'AdapterError';
    this.adapter = adapter;
  }
}

/** A condition compared values that cannot be compared. */
export class EvaluationError extends SwigsError {
  constructor(message: string, options?: SwigsErrorOptions) {
    super(ErrorCode.Evaluation, message, options);
    this.name = 'EvaluationError';
  }
}

/** A resource does not exist for this tenant. */
export class NotFoundError extends SwigsError {
  constructor(message: string, options?: SwigsErrorOptions) {
    super(ErrorCode.NotFound, message, options);
    this.name = 'NotFoundError';
  }
}

/** A write lost a race or breaks a uniqueness or state rule. */
export class ConflictError extends SwigsError {
  constructor(message: string, options?: SwigsErrorOptions) {
    super(ErrorCode.Conflict, message, options);
    this.name = 'ConflictError';
  }
}

/** A node definition passed to `defineNode` or `createRegistry` is malformed. */
export class DefinitionInvalidError extends SwigsError {
  constructor(message: string, options?: SwigsErrorOptions) {
    super(ErrorCode.DefinitionInvalid, message, options);
    this.name = 'DefinitionInvalidError';
  }
}

/** Why a run stopped in this worker before its node finished. */
export type AbortCause = 'stop' | 'cancel' | 'lease';

const ABORT_TEXTS: Readonly<Record<AbortCause, string>> = {
  stop: 'the engine is stopping',
  cancel: 'the run was cancelled',
  lease: 'the lease on the run was lost',
};

/**
 * A run was aborted in this worker: the engine is stopping (the run is handed back), it was cancelled, or its lease
 * was lost (another worker owns it). The reason of the node's `ctx.signal`.
 */
export class AbortedError extends SwigsError {
  readonly why: AbortCause;
  constructor(why: AbortCause, options?: Omit<SwigsErrorOptions, 'details'>) {
    super(ErrorCode.Aborted, ABORT_TEXTS[why], { ...options, details: { why } });
    this.name = 'AbortedError';
    this.why = why;
  }
}

/** True when `reason` is an `AbortedError` (from any copy of this package) for `why`. */
export function isAbortedBy(reason: unknown, why: AbortCause): boolean {
  return hasErrorCode(reason, ErrorCode.Aborted) && reason.details?.why === why;
}
