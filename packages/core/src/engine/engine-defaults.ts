import type { EngineLimits, SchedulerOptions } from './types';

/** Defaults of `EngineLimits`. */
export const DEFAULT_LIMITS: Required<EngineLimits> = {
  maxLogBytesPerNode: 64 * 1024,
  maxStepsPerRun: 500,
  maxWaitMs: 365 * 86_400_000,
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
