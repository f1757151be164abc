import { EventEmitter } from 'eventemitter3';
import {
  AbortedError,
  ConfigInvalidError,
  ConflictError,
  NotFoundError,
  type ValidationProblem,
} from '../errors/errors';
import type { Automation } from '../model/automation';
import type { AutomationRun } from '../model/run';
import { isTerminalRunStatus } from '../model/run-lifecycle';
import type { NodeRetryPolicy, Ports, Registry } from '../node/types';
import { createSystemClock, type Clock } from '../ports/clock';
import { withStoreDefaults } from '../ports/default-ports';
import { silentLogger, type Logger } from '../ports/logger';
import type { RunStore } from '../ports/run-store';
import { definedOnly } from '../util/defined-only';
import { validateAutomationAsync } from '../validation/validate-async';
import { validateAutomation, type ValidateOptions } from '../validation/validate-automation';
import { claimDue, continueRun, retryFailedRun } from './continue-run';
import { testAutomation } from './dry-run';
import { testStep } from './test-step';
import type { EngineCore } from './engine-core';
import { fireEvent } from './fire-event';
import { MAX_KEY_LENGTH, startIdempotent } from './idempotent-start';
import { InFlightRuns } from './in-flight';
import { createPlanCache } from './plan-cache';
import { resumeDue } from './resume-due';
import { DEFAULT_RETRY } from './run-node';
import { createRunWriter } from './run-writer';
import { createScheduler, type Scheduler } from './scheduler';
import { DEFAULT_LIMITS, DEFAULT_SCHEDULER } from './engine-defaults';
import { replayRun, startDeferred, startRun, startStored } from './start-run';
import type {
  DryRunOptions,
  DryRunResult,
  StepTestResult,
  Engine,
  EngineEvents,
  EngineLimits,
  EngineOptions,
  FireOptions,
  RetentionOptions,
  RunOptions,
  SchedulerOptions,
  StartAutomationOptions,
  StartedRun,
} from './types';
import { createTimeOrderedIds } from '../util/time-ordered-ids';

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

/** The facade: each method hands its work to the part that owns it (start-run, continue-run, run-writer...). */
class AutomationEngine extends EventEmitter<EngineEvents> implements Engine {
  readonly workerId: string;
  readonly store: RunStore;
  readonly registry: Registry;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly ports: Ports;
  readonly limits: Required<EngineLimits>;
  readonly schedulerOptions: Required<SchedulerOptions>;
  readonly retention: Required<RetentionOptions>;
  readonly retry: Required<NodeRetryPolicy>;
  readonly #core: EngineCore;
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
    this.ports = withStoreDefaults({ ...options.ports }, this.store);
    const listening = (event: keyof EngineEvents): boolean => this.listenerCount(event) > 0;
    const emit = (event: keyof EngineEvents, payload: unknown): void => {
      (this.emit as (event: string, payload: unknown) => boolean)(event, payload);
    };
    const { store, clock, logger, workerId } = this;
    const leaseMs = this.schedulerOptions.leaseMs;
    const core: EngineCore = {
      store,
      registry: this.registry,
      clock,
      logger,
      workerId,
      leaseMs,
      limits: this.limits,
      plans: createPlanCache(this.registry, store.automations),
      writer: createRunWriter({ store, clock, logger, workerId, leaseMs, listening, emit }),
      inFlight: new InFlightRuns(),
      host: {
        clock,
        logger,
        ports: this.ports,
        dryRun: false,
        limits: this.limits,
        retry: this.retry,
        listening,
        emit,
      },
      delayedTriggers: this.registry.list().filter((node) => node.kind === 'trigger' && node.delay),
      generateId: options.generateId ?? createTimeOrderedIds(),
      listening,
      emit,
    };
    this.#core = core;
    this.#scheduler = createScheduler({
      store,
      clock,
      logger,
      workerId,
      options: this.schedulerOptions,
      retention: this.retention,
      inFlight: core.inFlight,
      claim: (limit) => claimDue(core, limit),
      continueRun: (run) => continueRun(core, run),
      startScheduled: (automation, payload, dedupeKey) =>
        startRun(core, automation, payload, { dedupeKey, rawKey: true, match: true }),
    });
  }

  fire(eventType: string, payload: unknown, options: FireOptions = {}): Promise<AutomationRun[]> {
    return fireEvent(this.#core, eventType, payload, options);
  }

  async runAutomation(automationId: string, payload: unknown, options: RunOptions): Promise<AutomationRun> {
    if (options.idempotencyKey !== undefined)
      return (await this.startAutomation(automationId, payload, options)).finished;
    const run = await startRun(this.#core, await this.#automation(options.userId, automationId), payload, {
      match: false,
    });
    if (!run) throw new ConflictError(`automation "${automationId}" could not start a run`);
    return run;
  }

  async startAutomation(automationId: string, payload: unknown, options: StartAutomationOptions): Promise<StartedRun> {
    const key = options.idempotencyKey;
    if (key !== undefined && (typeof key !== 'string' || key === '' || key.length > MAX_KEY_LENGTH)) {
      throw new ConfigInvalidError(`idempotencyKey must be 1 to ${MAX_KEY_LENGTH} characters`);
    }
    const given = options.automation;
    const automation =
      given?.id === automationId && given.userId === options.userId
        ? given
        : await this.#automation(options.userId, automationId);
    const core = this.#core;
    if (key === undefined && options.write === 'deferred') {
      return startDeferred(core, automation, payload, core.generateId());
    }
    if (key === undefined) {
      const started = await startStored(core, automation, payload, core.generateId());
      if (!started) throw new ConflictError(`automation "${automationId}" could not start a run`);
      return started;
    }
    return startIdempotent({
      runs: this.store.runs,
      now: this.clock.now(),
      automation,
      key,
      start: (id) => startStored(core, automation, payload, id),
      replay: (run) => replayRun(core, run),
    });
  }

  resumeDue(options: { limit?: number } = {}): Promise<number> {
    return resumeDue(this.#core, this.schedulerOptions, options.limit ?? Number.POSITIVE_INFINITY);
  }

  retryRun(runId: string, options: RunOptions): Promise<AutomationRun> {
    return retryFailedRun(this.#core, options.userId, runId);
  }

  async cancelRun(runId: string, options: RunOptions): Promise<AutomationRun | null> {
    const before = await this.store.runs.get(options.userId, runId);
    if (!before) return null;
    if (isTerminalRunStatus(before.status)) return before;
    const run = await this.store.runs.cancel(options.userId, runId, this.clock.now());
    if (run?.status === 'cancelled') {
      this.#core.inFlight.abort(runId, new AbortedError('cancel'));
      this.emit('run.cancelled', { run });
    }
    return run;
  }

  testAutomation(automation: Automation, sampleData?: unknown, options: DryRunOptions = {}): Promise<DryRunResult> {
    const { registry, ports, logger, limits, retry } = this;
    const context = { registry, ports, logger, limits, retry, start: this.clock.now(), userId: automation.userId };
    return testAutomation({ ...context, ...(options.lang ? { lang: options.lang } : {}) }, automation, sampleData);
  }

  testStep(
    automation: Automation,
    nodeId: string,
    data: { trigger?: unknown; nodes?: Record<string, unknown> },
    options?: { live?: boolean },
  ): Promise<StepTestResult> {
    const { registry, ports, logger, clock, limits } = this;
    return testStep(
      { registry, ports, logger, clock, timeoutMs: limits.nodeTimeoutMs },
      automation,
      nodeId,
      data,
      options,
    );
  }

  validate(automation: unknown, options?: ValidateOptions): ValidationProblem[] {
    return validateAutomation(automation, this.registry, options);
  }

  validateAsync(automation: unknown, options?: ValidateOptions): Promise<ValidationProblem[]> {
    const userId = (automation as { userId?: unknown } | null)?.userId;
    return validateAutomationAsync(automation, this.registry, {
      ...options,
      ports: this.ports,
      userId: typeof userId === 'string' ? userId : '',
    });
  }

  start(): Promise<void> {
    return this.#scheduler.start();
  }

  stop(): Promise<void> {
    return this.#scheduler.stop();
  }

  async #automation(userId: string, automationId: string): Promise<Automation> {
    const automation = await this.store.automations.get(userId, automationId);
    if (!automation) throw new NotFoundError(`automation "${automationId}" not found`);
    return automation;
  }
}
