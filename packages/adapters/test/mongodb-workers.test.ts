import { createMongoStore } from '@swigs/automation-adapters/mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createMongoTestDatabases, mongoUrl, requireMongoUrl } from '@swigs/test-services/mongodb';
import { checkSeveralWorkers } from './workers/several-workers';

const databases = createMongoTestDatabases('workers');
afterAll(() => databases.cleanup());

describe.skipIf(!mongoUrl)('several workers on one MongoDB database', () => {
  it('runs each node of 2,000 runs exactly once and each cron slot exactly once across 3 processes', async () => {
    const dbName = databases.dbName();
    const store = await createMongoStore({ client: await databases.client(), dbName });
    try {
      const summary = await checkSeveralWorkers({
        target: { kind: 'mongodb', url: requireMongoUrl(), dbName },
        store,
        // Exactly-once is the property under test, throughput is the benchmark's: 2,000 runs keep three workers
        // contending for every batch while the slow MongoDB stand-in of a loaded CI machine gets through them.
        runs: 2000,
        workers: 3,
        scale: 60,
        // Every 2 clock-minutes, 2 s of real time: the scheduler catches up at most 5 missed slots (10 s here).
        cron: '0 */2 * * * *',
        cronPeriodMs: 120_000,
        timeoutMs: 240_000,
        stallMs: 60_000,
        concurrency: 50,
        pollIntervalMs: 30_000,
        leaseMs: 300_000,
      });
      console.log(`mongodb ${summary}`);
      expect(summary).toMatch(/2000 runs/);
    } finally {
      await store.close();
    }
  }, 420_000);
});
