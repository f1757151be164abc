import { claimDue, continueRun } from './continue-run';
import type { EngineCore } from './engine-core';
import { runPool } from './run-pool';
import type { SchedulerOptions } from './types';

/** Claims and continues due runs, batch after batch, until none is due or `max` have run (`engine.resumeDue`). */
export async function resumeDue(
  core: EngineCore,
  { batchSize, concurrency }: Required<SchedulerOptions>,
  max: number,
): Promise<number> {
  let total = 0;
  while (total < max) {
    const wanted = Math.min(batchSize, max - total);
    const batch = await claimDue(core, wanted);
    if (batch.length === 0) break;
    total += batch.length;
    await runPool(batch, concurrency, (run) => continueRun(core, run));
    if (batch.length < wanted) break;
  }
  return total;
}
