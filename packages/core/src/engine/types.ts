import type { EventEmitter } from 'eventemitter3';
import type { ValidationProblem } from '../errors/errors';
import type { Automation } from '../model/automation';
import type { AutomationRun } from '../model/run';
import type { NodeRetryPolicy, Ports, Registry } from '../node/types';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Store } from '../ports/store';

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
  store: Store;
  registry: Registry;
  clock?: Clock;
  /** Ports handed to nodes beside the store (mail, sms, records...). */
  ports?: Omit<Ports, 'store'> & Record<string, unknown>;
  logger?: Logger;
  /** Identifies this worker in leases. Default: random. */
  workerId?: string;
  retry?: NodeRetryPolicy;
  limits?: EngineLimits;
  scheduler?: SchedulerOptions;
  retention?: RetentionOptions;
  /** Creates ids for runs. Default `crypto.randomUUID`. */
  generateId?: () => string;
}

export interface FireOptions {
  /** Only this tenant's automations. */
  userId?: string;
  /** Starts runs only once per key (e.g. `cms:order:123:paid`), through the store's unique keys. */
  dedupeKey?: string;
}

export interface RunOptions {
  userId: string;
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

export interface DryRunResult {
  status: 'completed' | 'failed';
  startedAt: Date;
  finishedAt: Date;
  timeline: TimelineEntry[];
  problems: ValidationProblem[];
  error?: string;
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
  readonly store: Store;
  readonly registry: Registry;
  readonly clock: Clock;
  /** Starts a run for each active automation whose trigger matches; resolves once each has completed or parked. */
  fire(eventType: string, payload: unknown, options?: FireOptions): Promise<AutomationRun[]>;
  /** A manual run of one automation (any trigger type). */
  runAutomation(automationId: string, payload: unknown, options: RunOptions): Promise<AutomationRun>;
  /** Claims due waiting runs (and runs of crashed workers) and continues them. Returns how many it ran. */
  resumeDue(options?: { limit?: number }): Promise<number>;
  /** Resumes a failed run from its failed node, skipping completed ones. */
  retryRun(runId: string, options: RunOptions): Promise<AutomationRun>;
  cancelRun(runId: string, options: RunOptions): Promise<AutomationRun | null>;
  /** Dry run on a virtual clock: no side effects, the full simulated timeline. */
  testAutomation(automation: Automation, sampleData?: unknown): Promise<DryRunResult>;
  validate(automation: unknown): ValidationProblem[];
  /** Starts polling, lease renewal, cron triggers and retention. */
  start(): Promise<void>;
  /** Stops claiming, finishes or releases in-flight runs, releases leases. */
  stop(): Promise<void>;
}
