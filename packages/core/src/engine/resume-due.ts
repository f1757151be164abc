import { claimDue, continueRun } from './continue-run';
import type { EngineCore } from './engine-core';
import type { SchedulerOptions } from './types';

/**
 * Claims and continues due runs until none is due or `max` have run (`engine.resumeDue`), at most `concurrency` at
 * once. A claim takes at most half of that, and the next one starts as soon as half the slots are free: the runs
 * of one claim then compute while those of the other wait for their group commit to sync, instead of the worker
 * idling through every fsync. Claimed runs start at once, so none waits unstarted on a lease nobody renews.
 */
export async function resumeDue(
  core: EngineCore,
  { batchSize, concurrency }: Required<SchedulerOptions>,
  max: number,
): Promise<number> {
  const slots = Math.max(1, concurrency);
  const chunk = Math.max(1, Math.min(batchSize, Math.ceil(slots / 2)));
  // A count, not a set of promises: each run settles through the same two handlers, with no closure of its own.
  let running = 0;
  let freed: (() => void) | undefined;
  const settled = (): void => {
    running -= 1;
    const wake = freed;
    freed = undefined;
    wake?.();
  };
  let total = 0;
  try {
    while (total < max) {
      const wanted = Math.min(chunk, max - total);
      while (slots - running < wanted) await new Promise<void>((resolve) => (freed = resolve));
      const batch = await claimDue(core, wanted);
      total += batch.length;
      for (const run of batch) {
        running += 1;
        // The run reports its own failures; one failure must not stop the others.
        continueRun(core, run).then(settled, settled);
      }
      if (batch.length < wanted) break;
      // A timer turn: the runs just started reach their first group commit before the next claim is queued, so
      // the two halves land in alternate commits (one computes while the other's commit syncs).
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    // A claim that failed leaves the runs already claimed to finish first.
    while (running > 0) await new Promise<void>((resolve) => (freed = resolve));
  }
  return total;
}
