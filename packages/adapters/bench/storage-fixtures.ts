import { cpus, loadavg } from 'node:os';
import { createEngine, type Store } from '@swigs/automation-core';
import {
  createReferenceRegistry,
  referenceAutomation,
  referenceParkedAutomation,
  referencePayload,
} from '@swigs/automation-core/testing';

// The reference workload shared with the core and server benches, so the figures compare.
export const registry = createReferenceRegistry();
export const fourNodes = referenceAutomation();
export const parked = referenceParkedAutomation();
export const payload = referencePayload;

/** Calls `fire(i)` for i in [0, count), `concurrency` at a time. */
export async function fireMany(
  fire: (i: number) => Promise<unknown>,
  count: number,
  concurrency: number,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await fire(next++);
    }),
  );
}

export async function countRuns(store: Store, status: 'completed' | 'waiting'): Promise<number> {
  return (await store.runs.list({ userId: 'u1', status: [status], limit: 0 })).total;
}

/** The machine a figure was measured on: cores, CPU model, Node version and load, for every bench's first line. */
export function machine(): string {
  const cores = cpus();
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
  return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, load average ${load}`;
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Starts a worker on `store`, whose `count` parked runs fall due from `startAt` on, and measures due -> started
 * (the transform node starting) for each run. Fails when not all start by `deadline`.
 */
export async function measureSchedulerLag(
  store: Store,
  options: { count: number; deadline: number; concurrency: number },
): Promise<{ p50: number; p99: number; max: number; count: number }> {
  const engine = createEngine({
    store,
    registry,
    workerId: 'bench',
    scheduler: { pollIntervalMs: 1000, batchSize: options.concurrency, concurrency: options.concurrency, cron: false },
    retention: { days: 0 },
  });
  const lags: number[] = [];
  engine.on('node.started', ({ run, nodeId }) => {
    if (nodeId === 'transform') lags.push(Date.now() - (run.triggerData as { dueAt: number }).dueAt);
  });
  await engine.start();
  while (lags.length < options.count && Date.now() < options.deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  await engine.stop();
  if (lags.length < options.count) throw new Error(`only ${lags.length} of ${options.count} runs started`);
  lags.sort((a, b) => a - b);
  return { p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags[lags.length - 1]!, count: options.count };
}
