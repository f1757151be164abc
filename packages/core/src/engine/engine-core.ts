import type { AutomationRun } from '../model/run';
import type { NodeDefinition, Registry } from '../node/types';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { RunStore } from '../ports/run-store';
import { executeRun, type RunHost } from './execute-run';
import type { InFlightRuns } from './in-flight';
import type { ExecutionPlan } from './plan';
import type { PlanCache } from './plan-cache';
import { RunAbort } from './run-abort';
import type { RunWriter, RunWrites } from './run-writer';
import type { EngineEvents, EngineLimits } from './types';

/** What the engine's parts share: one per engine, built by `createEngine`. */
export interface EngineCore {
  readonly store: RunStore;
  readonly registry: Registry;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly workerId: string;
  readonly leaseMs: number;
  readonly limits: Required<EngineLimits>;
  readonly plans: PlanCache;
  readonly writer: RunWriter;
  readonly inFlight: InFlightRuns;
  /** What every run of this engine shares (ports, limits, events). */
  readonly host: RunHost;
  /** Trigger types that start a while after another event (`time.delay`). */
  readonly delayedTriggers: readonly NodeDefinition[];
  generateId(): string;
  listening(event: keyof EngineEvents): boolean;
  emit<E extends keyof EngineEvents>(event: E, payload: Parameters<EngineEvents[E]>[0]): void;
}

/** Executes `run` in this worker, tracked as in flight, until it completes, parks, fails or stops. */
export function executeInWorker(
  core: EngineCore,
  run: AutomationRun,
  plan: ExecutionPlan,
  writes: RunWrites,
): Promise<AutomationRun> {
  const abort = new RunAbort();
  return core.inFlight.track({ run, abort, done: executeRun(core.host, run, plan, abort, writes), writes });
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
