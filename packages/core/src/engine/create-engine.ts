import { EventEmitter } from 'eventemitter3';
import { evaluateCondition } from '../conditions/evaluate-condition';
import { AdapterError, ConflictError, NotFoundError, type ValidationProblem } from '../errors/errors';
import { ErrorCode, SwigsError, hasErrorCode } from '../errors/swigs-error';
import type { Automation } from '../model/automation';
import type { AutomationRun } from '../model/run';
import type { NodeRetryPolicy, Ports, Registry } from '../node/types';
import { createSystemClock, type Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import type { StatsDelta, Store } from '../ports/store';
import { validateAutomation } from '../validation/validate-automation';
import { testAutomation } from './dry-run';
import { executeRun, fail, type RunHost } from './execute-run';
import { LruCache } from './lru-cache';
import { compilePlan, planKey, summarizeProblems, type ExecutionPlan } from './plan';
import { DEFAULT_RETRY } from './run-node';
import { newRun } from './new-run';
import { RunAbort } from './run-abort';
import { runIdForKey } from './run-id';
import { runPool } from './run-pool';
import { createScheduler, type Scheduler } from './scheduler';
import type {
  DryRunResult,
  Engine,
  EngineEvents,
  EngineLimits,
  EngineOptions,
  FireOptions,
  RetentionOptions,
  RunOptions,
  SchedulerOptions,
} from './types';

const DAY_MS = 86_400_000;

/** Defaults of `EngineLimits`. */
export const DEFAULT_LIMITS: Required<EngineLimits> = {
  maxLogBytesPerNode: 64 * 1024,
  maxStepsPerRun: 500,
  maxWaitMs: 365 * DAY_MS,
  nodeTimeoutMs: 5 * 60_000,
};

/** Defaults of `SchedulerOptions`. */
export const DEFAULT_SCHEDULER: Required<SchedulerOptions> = {
  pollIntervalMs: 1000,
  leaseMs: 30_000,
  batchSize: 100,
  concurrency: 50,
  cron: true,
  stopGraceMs: 10_000,
};

/**
 * Creates the engine: the one composition root wiring store, registry, clock and ports.
 * @example
 * const engine = createEngine({ store: createMemoryStore(), registry, ports: { mail } });
 * await engine.start();
 * await engine.fire('order.paid', order, { userId, dedupeKey: `order:${order.id}:paid` });
 */
export function createEngine(options: EngineOptions): Engine {
  return new AutomationEngine(options);
}

/** A run executing in this worker. */
export interface InFlight {
  run: AutomationRun;
  abort: RunAbort;
  done: Promise<unknown>;
  /** Set for a run this worker started: until `written`, there is no stored lease to renew. */
  first?: FirstWrite;
}

/** The first write of a run started by this worker. */
interface FirstWrite {
  key: string | undefined;
  /** Counted as the automation's `lastRunAt` with the first write. */
  createdAt: Date;
  written: boolean;
  /** Why it could not be written: `DUPLICATE` (the keyed event was taken elsewhere) or the store's error. */
  failure?: unknown;
}

const DUPLICATE = Symbol('duplicate');

/** Why a run's signal aborted. */
export type AbortWhy = 'stop' | 'cancel' | 'lease';

class AutomationEngine extends EventEmitter<EngineEvents> implements Engine {
  readonly workerId: string;
  readonly store: Store;
  readonly registry: Registry;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly limits: Required<EngineLimits>;
  readonly schedulerOptions: Required<SchedulerOptions>;
  readonly retention: Required<RetentionOptions>;
  readonly retry: Required<NodeRetryPolicy>;
  readonly ports: Ports;
  readonly inFlight = new Map<string, InFlight>();
  readonly #generateId: () => string;
  readonly #plans = new LruCache<string, ExecutionPlan>(1000);
  /** Runs started by this worker, until `#startRun` returns: whether (and how) their first write happened. */
  readonly #firstWrites = new Map<string, FirstWrite>();
  readonly #host: RunHost;
  readonly #scheduler: Scheduler;

  constructor(options: EngineOptions) {
    super();
    if (!options?.store || !options.registry) throw new TypeError('createEngine needs { store, registry }');
    this.store = options.store;
    this.registry = options.registry;
    this.clock = options.clock ?? createSystemClock();
    this.logger = options.logger ?? silentLogger;
    this.workerId = options.workerId ?? `worker-${globalThis.crypto.randomUUID()}`;
    this.limits = { ...DEFAULT_LIMITS, ...definedOnly(options.limits) };
    this.schedulerOptions = { ...DEFAULT_SCHEDULER, ...definedOnly(options.scheduler) };
    this.retention = { days: 30, intervalMs: 3_600_000, ...definedOnly(options.retention) };
    this.retry = { ...DEFAULT_RETRY, ...definedOnly(options.retry) };
    this.ports = { ...options.ports, store: this.store } as Ports;
    this.#generateId = options.generateId ?? (() => globalThis.crypto.randomUUID());
    this.#host = {
      clock: this.clock,
      logger: this.logger,
      ports: this.ports,
      dryRun: false,
      limits: this.limits,
      retry: this.retry,
      checkpoint: (run) => this.#checkpoint(run),
      beforeEffects: (run) => this.#beforeEffects(run),
      listening: (event) => this.listenerCount(event) > 0,
      emit: (event, payload) => {
        (this.emit as (event: string, payload: unknown) => boolean)(event, payload);
      },
      onAborted: (run, reason) => this.#onAborted(run, reason),
    };
    this.#scheduler = createScheduler(this, {
      claim: (limit) => this.#claim(limit),
      continueRun: (run) => this.#continueRun(run),
      startScheduled: (automation, payload, dedupeKey) => this.#startRun(automation, payload, { dedupeKey, rawKey: true, match: true }),
      abortReason,
    });
  }

  async fire(eventType: string, payload: unknown, options: FireOptions = {}): Promise<AutomationRun[]> {
    let automations: Automation[];
    try {
      automations = await this.store.automations.findActiveByTrigger(eventType, options.userId);
    } catch (error) {
      throw new AdapterError(this.store.name, `fire "${eventType}": could not load automations: ${messageOf(error)}`, { cause: error });
    }
    const failures: string[] = [];
    const started = await Promise.all(
      automations.map((automation) =>
        this.#startRun(automation, payload, { match: true, ...(options.dedupeKey ? { dedupeKey: options.dedupeKey } : {}) }).catch((error: unknown) => {
          this.logger.error('fire: could not start a run', { eventType, automationId: safeId(automation), error: messageOf(error) });
          failures.push(`${safeId(automation)}: ${messageOf(error)}`);
          return null;
        }),
      ),
    );
    // Callers must learn that an event was not fully taken, so they can deliver it again (safe with a dedupeKey).
    if (failures.length > 0) {
      throw new AdapterError(this.store.name, `fire "${eventType}": ${failures.length} run(s) could not start (${failures.join('; ')})`);
    }
    return started.filter((run): run is AutomationRun => run !== null);
  }

  async runAutomation(automationId: string, payload: unknown, options: RunOptions): Promise<AutomationRun> {
    const automation = await this.store.automations.get(options.userId, automationId);
    if (!automation) throw new NotFoundError(`automation "${automationId}" not found`);
    const run = await this.#startRun(automation, payload, { match: false });
    if (!run) throw new ConflictError(`automation "${automationId}" could not start a run`);
    return run;
  }

  async resumeDue(options: { limit?: number } = {}): Promise<number> {
    const max = options.limit ?? Number.POSITIVE_INFINITY;
    let total = 0;
    while (total < max) {
      const wanted = Math.min(this.schedulerOptions.batchSize, max - total);
      const batch = await this.#claim(wanted);
      if (batch.length === 0) break;
      total += batch.length;
      await runPool(batch, this.schedulerOptions.concurrency, (run) => this.#continueRun(run));
      if (batch.length < wanted) break;
    }
    return total;
  }

  async retryRun(runId: string, options: RunOptions): Promise<AutomationRun> {
    const existing = await this.store.runs.get(runId, options.userId);
    if (!existing) throw new NotFoundError(`run "${runId}" not found`);
    if (existing.status !== 'failed') throw new ConflictError(`run "${runId}" is ${existing.status}; only failed runs can be retried`);
    const now = this.clock.now();
    const claimed = await this.store.runs.claimById(runId, ['failed'], { now, workerId: this.workerId, leaseMs: this.schedulerOptions.leaseMs });
    if (!claimed) throw new ConflictError(`run "${runId}" is being retried by another worker`);
    claimed.attempt += 1;
    claimed.error = null;
    claimed.errorCode = null;
    claimed.completedAt = null;
    claimed.updatedAt = now;
    return this.#continueRun(claimed);
  }

  async cancelRun(runId: string, options: RunOptions): Promise<AutomationRun | null> {
    const before = await this.store.runs.get(runId, options.userId);
    if (!before) return null;
    if (before.status === 'completed' || before.status === 'failed' || before.status === 'cancelled') return before;
    const run = await this.store.runs.cancel(runId, options.userId, this.clock.now());
    if (run?.status === 'cancelled') {
      this.inFlight.get(runId)?.abort.abort(abortReason('cancel'));
      this.emit('run.cancelled', { run });
    }
    return run;
  }

  testAutomation(automation: Automation, sampleData?: unknown): Promise<DryRunResult> {
    return testAutomation(
      { registry: this.registry, ports: this.ports, logger: this.logger, limits: this.limits, retry: this.retry, start: this.clock.now() },
      automation,
      sampleData,
    );
  }

  validate(automation: unknown): ValidationProblem[] {
    return validateAutomation(automation, this.registry);
  }

  start(): Promise<void> {
    return this.#scheduler.start();
  }

  stop(): Promise<void> {
    return this.#scheduler.stop();
  }

  /** The cached plan of an automation version. */
  planFor(automation: Automation): ExecutionPlan {
    const key = planKey(automation.userId, automation.id, automation.version);
    let plan = this.#plans.get(key);
    if (!plan) {
      plan = compilePlan(automation, this.registry);
      this.#plans.set(key, plan);
    }
    return plan;
  }

  async #planForRun(run: AutomationRun): Promise<ExecutionPlan | null> {
    const key = planKey(run.userId, run.automationId, run.automationVersion);
    const cached = this.#plans.get(key);
    if (cached) return cached;
    const snapshot = await this.store.automations.getVersion(run.userId, run.automationId, run.automationVersion);
    if (!snapshot) return null;
    const plan = compilePlan(snapshot, this.registry);
    this.#plans.set(key, plan);
    return plan;
  }

  /** Starts one run of `automation` when its trigger matches; null when it does not match or was deduplicated. */
  async #startRun(
    automation: Automation,
    payload: unknown,
    options: { match: boolean; dedupeKey?: string; rawKey?: boolean },
  ): Promise<AutomationRun | null> {
    if (typeof automation?.id !== 'string' || typeof automation.userId !== 'string') {
      this.logger.warn('skipping an automation without id or userId');
      return null;
    }
    const plan = this.planFor(automation);
    let refusal: { message: string; code: string } | undefined;
    if (plan.blocking.length > 0) {
      refusal = { message: summarizeProblems(plan.automation.name, plan.blocking), code: ErrorCode.GraphInvalid };
    } else if (options.match) {
      try {
        if (!this.#matches(plan, payload)) return null;
      } catch (error) {
        refusal = { message: `automation "${plan.automation.name}": trigger filter failed: ${messageOf(error)}`, code: codeOf(error) };
      }
    }
    const key =
      options.dedupeKey === undefined ? undefined : options.rawKey ? options.dedupeKey : `${options.dedupeKey}:${automation.id}`;
    // The key outlives purged runs; the deterministic run id makes the insert itself the dedupe.
    if (key !== undefined && (await this.store.keys.has(key))) return null;

    const now = this.clock.now();
    const run = newRun({
      id: key === undefined ? this.#generateId() : runIdForKey(`${automation.userId}\u0000${key}`),
      automation: plan.automation,
      triggerType: automation.trigger?.type ?? plan.trigger?.type ?? 'unknown',
      payload,
      queue: [...plan.entry],
      now,
      workerId: this.workerId,
      leaseMs: this.schedulerOptions.leaseMs,
    });
    if (refusal) {
      // A run that cannot start is written failed at once, counted in the same write.
      fail(run, now, refusal.message, refusal.code, null);
      const stats: StatsDelta = { totalRuns: 1, lastRunAt: now, failedRuns: 1, lastError: run.error };
      if (!(await this.#writeFirst(run, key, stats))) return null;
      if (this.listenerCount('run.failed') > 0) this.emit('run.failed', { run, error: refusal.message });
      return run;
    }
    // Written first before a node with side effects, when it parks, or when it ends (see #checkpoint).
    const first: FirstWrite = { key, createdAt: now, written: false };
    this.#firstWrites.set(run.id, first);
    try {
      const result = await this.#execute(run, plan, first);
      if (first.failure === DUPLICATE) return null;
      if (first.failure !== undefined) throw first.failure;
      return result;
    } finally {
      this.#firstWrites.delete(run.id);
    }
  }

  /**
   * Inserts a new run (with `stats` in the same write), records its dedupe key and announces it. False when
   * the insert found the run already there: the same keyed event was taken by someone else.
   */
  async #writeFirst(run: AutomationRun, key: string | undefined, stats?: StatsDelta): Promise<boolean> {
    // The lease runs from the first write: nothing could renew it before.
    if (run.leaseOwner === this.workerId && run.leaseUntil) {
      run.leaseUntil = new Date(this.clock.now().getTime() + this.schedulerOptions.leaseMs);
    }
    try {
      await this.store.runs.create(run, stats ? { stats } : undefined);
    } catch (error) {
      if (key !== undefined && hasErrorCode(error, ErrorCode.Conflict)) return false;
      throw error;
    }
    if (key !== undefined) await this.store.keys.add(key);
    if (this.listenerCount('run.created') > 0) this.emit('run.created', { run });
    return true;
  }

  #matches(plan: ExecutionPlan, payload: unknown): boolean {
    const trigger = plan.trigger;
    if (trigger?.definition?.matches && !trigger.definition.matches({ config: trigger.config, payload })) return false;
    if (trigger?.conditions && !evaluateCondition(trigger.conditions, { trigger: payload, nodes: {} })) return false;
    return true;
  }

  #claim(limit: number): Promise<AutomationRun[]> {
    return this.store.runs.claimDue({ now: this.clock.now(), workerId: this.workerId, leaseMs: this.schedulerOptions.leaseMs, limit });
  }

  /** Continues a run this worker has just claimed (resume, crash recovery, retry). */
  async #continueRun(run: AutomationRun): Promise<AutomationRun> {
    run.status = 'running';
    run.scheduledAt = null;
    run.startedAt ??= this.clock.now();
    let plan: ExecutionPlan | null;
    try {
      plan = await this.#planForRun(run);
    } catch (error) {
      // A store hiccup is not the run's fault: hand it back so a later poll continues it.
      this.logger.error('could not load the automation version of a run', { runId: run.id, error: messageOf(error) });
      await this.store.runs.release(run.id, this.workerId).catch(() => {});
      return run;
    }
    if (!plan || plan.blocking.length > 0) {
      const message = plan
        ? summarizeProblems(plan.automation.name, plan.blocking)
        : `automation "${run.automationId}" version ${run.automationVersion} no longer exists`;
      fail(run, this.clock.now(), message, plan ? ErrorCode.GraphInvalid : ErrorCode.NotFound, run.currentNodeId);
      if (await this.#checkpoint(run).catch(() => false)) this.emit('run.failed', { run, error: message });
      return run;
    }
    return this.#execute(run, plan);
  }

  async #execute(run: AutomationRun, plan: ExecutionPlan, first?: FirstWrite): Promise<AutomationRun> {
    const abort = new RunAbort();
    const done = executeRun(this.#host, run, plan, abort);
    this.inFlight.set(run.id, first ? { run, abort, done, first } : { run, abort, done });
    this.#scheduler.notifyBusy();
    try {
      return await done;
    } finally {
      this.inFlight.delete(run.id);
    }
  }

  /** Writes the run (inserting it the first time); its first write and its outcome carry their stats. */
  async #checkpoint(run: AutomationRun): Promise<boolean> {
    const first = this.#firstWrites.get(run.id);
    const delta = statsDelta(run, first);
    if (first && !first.written) {
      try {
        if (!(await this.#writeFirst(run, first.key, delta))) {
          first.failure = DUPLICATE;
          return false;
        }
      } catch (error) {
        // Reported by #startRun, so the caller (an event source, an HTTP client) can deliver it again.
        first.failure = error;
        return false;
      }
      first.written = true;
      return true;
    }
    return this.store.runs.checkpoint(run, this.workerId, delta ? { stats: delta } : undefined);
  }

  /** Before a node with side effects: a run not written yet is written now, so no effect is lost in a crash. */
  #beforeEffects(run: AutomationRun): Promise<boolean> {
    const first = this.#firstWrites.get(run.id);
    return first && !first.written ? this.#checkpoint(run) : Promise.resolve(true);
  }

  async #onAborted(run: AutomationRun, reason: unknown): Promise<void> {
    // A stopping worker hands the run back at once; a cancelled run or a lost lease belongs to someone else now.
    if ((reason as { details?: { why?: AbortWhy } })?.details?.why !== 'stop') return;
    const first = this.#firstWrites.get(run.id);
    try {
      if (first && !first.written) {
        // Never written: store it with its lease already expired, so another worker continues it at once.
        run.leaseUntil = this.clock.now();
        await this.store.runs.create(run, { stats: statsDelta(run, first) });
        if (first.key !== undefined) await this.store.keys.add(first.key);
        first.written = true;
        return;
      }
      await this.store.runs.release(run.id, this.workerId);
    } catch (error) {
      this.logger.error('could not hand a run back', { runId: run.id, error: messageOf(error) });
    }
  }
}

/** The stats change a write of `run` brings: its start on its first write, and a completion or failure. */
function statsDelta(run: AutomationRun, first: FirstWrite | undefined): StatsDelta | undefined {
  const delta: StatsDelta =
    run.status === 'completed' ? { successfulRuns: 1 } : run.status === 'failed' ? { failedRuns: 1, lastError: run.error } : {};
  if (first && !first.written) {
    delta.totalRuns = 1;
    delta.lastRunAt = first.createdAt;
  }
  return delta.totalRuns === undefined && delta.successfulRuns === undefined && delta.failedRuns === undefined ? undefined : delta;
}

/** The reason given to a run's AbortController. */
export function abortReason(why: AbortWhy): SwigsError {
  const text = { stop: 'the engine is stopping', cancel: 'the run was cancelled', lease: 'the lease on the run was lost' }[why];
  return new SwigsError('ABORTED', text, { details: { why } });
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : ErrorCode.Evaluation;
}

function safeId(automation: unknown): string {
  const id = (automation as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '(no id)';
}
