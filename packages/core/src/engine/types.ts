import type { EventEmitter } from 'eventemitter3';
import type { ValidationProblem } from '../errors/errors';
import type { Automation } from '../model/automation';
import type { AutomationRun } from '../model/run';
import type { Lang, NodeRetryPolicy, Ports, Registry } from '../node/types';
import type { ValidateOptions } from '../validation/validate-automation';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { RunStore } from '../ports/run-store';

export interface EngineLimits {
  /** Serialized size of one log entry's input or output; larger values are truncated with a marker. Default 64 KiB. */
  maxLogBytesPerNode?: number;
  /** Nodes one run may execute. Default 500. */
  maxStepsPerRun?: number;
  /** Longest single wait. Default 365 days. */
  maxWaitMs?: number;
  /** Default per-attempt node timeout when the node sets none. Default 5 min. */
  nodeTimeoutMs?: number;
}

export interface SchedulerOptions {
  /** How often due runs are polled for. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Lease length; renewed while a node runs. Default 30 s. */
  leaseMs?: number;
  /** Runs claimed per poll. Default 100. */
  batchSize?: number;
  /** Runs executing at once in this worker. Default 50. */
  concurrency?: number;
  /** Run `time.schedule` triggers. Default true. */
  cron?: boolean;
  /** On `stop()`, how long in-flight nodes may finish before they are aborted and their runs released. Default 10 s. */
  stopGraceMs?: number;
}

export interface RetentionOptions {
  /** Completed, failed and cancelled runs older than this are purged. Default 30; 0 disables. */
  days?: number;
  /** How often the purge runs. Default 1 h. */
  intervalMs?: number;
}

/** Options of `createEngine`: the one composition root. */
export interface EngineOptions {
  /** What the engine persists to: a `RunStore` (a full `Store` also gives nodes its documents). */
  store: RunStore;
  registry: Registry;
  clock?: Clock;
  /**
   * Ports handed to nodes (mail, sms, http, records...). Without `documents` and `templates`, a store that also
   * holds documents provides them: `documents` is the store, `templates` its `emailtemplates` collection.
   */
  ports?: Ports & Record<string, unknown>;
  logger?: Logger;
  /** Identifies this worker in leases. Default: random. */
  workerId?: string;
  retry?: NodeRetryPolicy;
  limits?: EngineLimits;
  scheduler?: SchedulerOptions;
  retention?: RetentionOptions;
  /** Creates ids for runs. Default: time-ordered UUIDs (version 7), so stores index new runs at the end. */
  generateId?: () => string;
}

export interface FireOptions {
  /** Only this tenant's automations. */
  userId?: string;
  /** Starts runs only once per key (e.g. `cms:order:123:paid`), through the store's unique keys. */
  dedupeKey?: string;
  /** Automations that must not start for this event (e.g. those that keep it as their sample data instead). */
  except?: readonly string[];
}

export interface RunOptions {
  userId: string;
  /**
   * The caller's key for this request (an HTTP `Idempotency-Key`): the same key for the same automation within
   * `IDEMPOTENCY_TTL_MS` (24 h) gives the first call's run, never a second one, across restarts and workers.
   */
  idempotencyKey?: string;
}

/** Options of `startAutomation`. */
export interface StartAutomationOptions extends RunOptions {
  /**
   * The automation as the caller just read it from the store (a webhook route looks it up to check its secret), so
   * the engine does not read it again; ignored unless its `id` and `userId` are the ones asked for.
   */
  automation?: Automation;
  /**
   * When the run is first written. `start` (the default): before `startAutomation` resolves, so its id can be
   * answered at once. `deferred`: by the engine's rule for events, before its first node with side effects, when it
   * parks or when it ends, so a caller that answers only once the run finished (a `when_finished` webhook) pays one
   * write instead of two; `StartedRun.stored()` writes it at once when such a caller must answer earlier, and
   * `finished` rejects with the store's error when the write failed (nothing was stored: answer an error so the
   * sender delivers the event again). A call with an `idempotencyKey` is always written at start.
   */
  write?: 'start' | 'deferred';
}

/** A run started by `startAutomation`: stored (unless deferred), possibly still executing. */
export interface StartedRun {
  /** The run as stored when it started (or, for a replay, as stored now); read it, do not mutate it. */
  run: AutomationRun;
  /** True when an earlier call with the same idempotency key started this run. */
  replayed: boolean;
  /** Settles with the run once it completed, failed or parked in a wait (at once for a replay run elsewhere). */
  finished: Promise<AutomationRun>;
  /**
   * Resolves once the run is in the store, writing it now if its write was deferred and it is not written yet;
   * rejects when that write failed or the run could not be stored.
   */
  stored(): Promise<void>;
}

/** One simulated step of a dry run. */
export interface TimelineEntry {
  nodeId: string;
  nodeType: string;
  /** Simulated instant the node ran at. */
  at: Date;
  status: 'success' | 'failed' | 'skipped';
  branch?: string;
  output?: unknown;
  error?: string;
  /** For waits: when the run would resume. */
  waitUntil?: Date;
}

/** Options of `engine.testAutomation`. */
export interface DryRunOptions {
  /** Language of the listed problems. Default English. */
  lang?: Lang;
}

export interface DryRunResult {
  status: 'completed' | 'failed';
  startedAt: Date;
  finishedAt: Date;
  timeline: TimelineEntry[];
  problems: ValidationProblem[];
  error?: string;
}

/** What "test this step" (`Engine.testStep`) answers: the step's input, its output or error. */
export interface StepTestResult {
  nodeId: string;
  nodeType: string;
  status: 'success' | 'failed';
  /** True unless the test was asked to be live: no e-mail, SMS or webhook went out. */
  dryRun: boolean;
  /** The data the step saw (`trigger`, `nodes`). */
  input: { trigger: unknown; nodes: Record<string, unknown> };
  output?: unknown;
  branch?: string;
  waitUntil?: Date;
  error?: string;
  startedAt: Date;
  durationMs: number;
}

/** Payloads of the engine's events. */
export interface EngineEvents {
  /** The run was first written to the store (see the README: after its side-effect-free first nodes). */
  'run.created': (event: { run: AutomationRun }) => void;
  'node.started': (event: { run: AutomationRun; nodeId: string; nodeType: string }) => void;
  'node.completed': (event: { run: AutomationRun; nodeId: string; nodeType: string; output: unknown }) => void;
  'node.failed': (event: { run: AutomationRun; nodeId: string; nodeType: string; error: string }) => void;
  'run.waiting': (event: { run: AutomationRun; until: Date }) => void;
  'run.completed': (event: { run: AutomationRun }) => void;
  'run.failed': (event: { run: AutomationRun; error: string }) => void;
  'run.cancelled': (event: { run: AutomationRun }) => void;
}

export interface Engine extends EventEmitter<EngineEvents> {
  readonly workerId: string;
  readonly store: RunStore;
  readonly registry: Registry;
  readonly clock: Clock;
  /** Starts a run for each active automation whose trigger matches; resolves once each has completed or parked. */
  fire(eventType: string, payload: unknown, options?: FireOptions): Promise<AutomationRun[]>;
  /** A manual run of one automation (any trigger type); resolves once it completed, failed or parked. */
  runAutomation(automationId: string, payload: unknown, options: RunOptions): Promise<AutomationRun>;
  /**
   * Like `runAutomation`, but resolves as soon as the run is stored, before its first node, so a caller can answer
   * with the run id at once (a webhook's `202`) or wait for `finished` with its own timeout.
   */
  startAutomation(automationId: string, payload: unknown, options: StartAutomationOptions): Promise<StartedRun>;
  /** Claims due waiting runs (and runs of crashed workers) and continues them. Returns how many it ran. */
  resumeDue(options?: { limit?: number }): Promise<number>;
  /** Resumes a failed run from its failed node, skipping completed ones. */
  retryRun(runId: string, options: RunOptions): Promise<AutomationRun>;
  cancelRun(runId: string, options: RunOptions): Promise<AutomationRun | null>;
  /**
   * Dry run on a virtual clock: no side effects, the full simulated timeline. The trigger payload is `sampleData`,
   * else the automation's `sampleData`, else the trigger's `sampleOutput`. It stops on the problems a real run stops
   * on, and lists every other problem beside its timeline: those a save finds (`validateAsync`: stored templates,
   * mail settings), worded in `options.lang`.
   */
  testAutomation(automation: Automation, sampleData?: unknown, options?: DryRunOptions): Promise<DryRunResult>;
  /**
   * Runs one step on `data` once, dry unless `options.live` (no e-mail, SMS or webhook goes out), nothing stored:
   * the builder's "test this step".
   */
  testStep(
    automation: Automation,
    nodeId: string,
    data: { trigger?: unknown; nodes?: Record<string, unknown> },
    options?: { live?: boolean },
  ): Promise<StepTestResult>;
  /** Every problem of the document (`validateAutomation`), messages in `options.lang`. */
  validate(automation: unknown, options?: ValidateOptions): ValidationProblem[];
  /**
   * `validate` plus the nodes' checks of the host through the engine's ports (stored templates for the
   * automation's tenant, mail settings): what a save should refuse.
   */
  validateAsync(automation: unknown, options?: ValidateOptions): Promise<ValidationProblem[]>;
  /** Starts polling, lease renewal, cron triggers and retention. */
  start(): Promise<void>;
  /** Stops claiming, finishes or releases in-flight runs, releases leases. */
  stop(): Promise<void>;
}
