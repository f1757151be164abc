import { createMongoStore } from '@swigs/automation-adapters/mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createMongoTestDatabases, mongoUrl, requireMongoUrl } from '@swigs/test-services/mongodb';
import { checkSeveralWorkers } from './workers/several-workers';

const databases = createMongoTestDatabases('workers');
afterAll(() => databases.cleanup());

describe.skipIf(!mongoUrl)('several workers on one MongoDB database', () => {
  it('runs each node of 5,000 runs exactly once and each cron slot exactly once across 3 processes', async () => {
    const dbName = databases.dbName();
    const store = await createMongoStore({ client: await databases.client(), dbName });
    try {
      const summary = await checkSeveralWorkers({
        target: { kind: 'mongodb', url: requireMongoUrl(), dbName },
        store,
        runs: 5000,
        workers: 3,
        scale: 60,
        cron: '0 * * * * *',
        cronPeriodMs: 60_000,
        timeoutMs: 150_000,
        concurrency: 50,
        pollIntervalMs: 30_000,
        leaseMs: 300_000,
      });
      console.log(`mongodb ${summary}`);
      expect(summary).toMatch(/5000 runs/);
    } finally {
      await store.close();
    }
  }, 240_000);
});
