import type { Store } from '@swigs/automation-core';
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
export async function fireMany(fire: (i: number) => Promise<unknown>, count: number, concurrency: number): Promise<void> {
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

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
