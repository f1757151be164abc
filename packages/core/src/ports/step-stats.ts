import type { AutomationRun, ExecutionLogEntry } from '../model/run';

/** Per-step figures of one automation version over a period (`RunRepository.stepStats`). */
export interface StepStats {
  nodeId: string;
  /** Log entries of the step in the period: runs that reached it (a node runs at most once per run). */
  reached: number;
  /** Runs waiting at this step now (a wait step that started waiting), whatever the period. */
  waiting: number;
  succeeded: number;
  failed: number;
  /** For steps that send a message (`send_email`, `send_sms`): messages sent. */
  sent?: number;
}

export interface StepStatsQuery {
  /** The automation version the figures are for. */
  version: number;
  /** Start of the period (the store may round it down to the UTC day). */
  since: Date;
}

/** Step types whose successes count as messages sent. */
export const SENDING_STEP_TYPES: readonly string[] = ['send_email', 'send_sms'];

/** Milliseconds in the UTC day buckets stores keep step counts in. */
export const STEP_STATS_DAY_MS = 86_400_000;

/** The UTC day bucket of `at` (days since the epoch). */
export const stepStatsDay = (at: Date | number): number =>
  Math.floor((typeof at === 'number' ? at : at.getTime()) / STEP_STATS_DAY_MS);

/**
 * The step a waiting run waits at: the last logged step (the wait that scheduled it), or its current step for a
 * run scheduled before its first step (a delayed start). Null when the run is not waiting.
 */
export function waitingStepOf(run: Pick<AutomationRun, 'status' | 'executionLog' | 'currentNodeId'>): string | null {
  if (run.status !== 'waiting') return null;
  return run.executionLog[run.executionLog.length - 1]?.nodeId ?? run.currentNodeId ?? null;
}

/** Counts one log entry into `into` (keyed by node id): the one rule all stores share. */
export function countStepEntry(into: Map<string, StepStats>, entry: ExecutionLogEntry): void {
  if (entry.status === 'skipped') return;
  const stats = statsFor(into, entry.nodeId);
  stats.reached += 1;
  if (entry.status === 'success') stats.succeeded += 1;
  else stats.failed += 1;
  if (SENDING_STEP_TYPES.includes(entry.nodeType))
    stats.sent = (stats.sent ?? 0) + (entry.status === 'success' ? 1 : 0);
}

/** The entry for `nodeId` in `into`, created empty. */
export function statsFor(into: Map<string, StepStats>, nodeId: string): StepStats {
  let stats = into.get(nodeId);
  if (!stats) {
    stats = { nodeId, reached: 0, waiting: 0, succeeded: 0, failed: 0 };
    into.set(nodeId, stats);
  }
  return stats;
}
