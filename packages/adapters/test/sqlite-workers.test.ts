import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSeveralWorkers } from './workers/several-workers';

const dir = mkdtempSync(join(tmpdir(), 'swigs-sqlite-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('several workers on one SQLite file', () => {
  it('runs each node of 5,000 runs exactly once and each cron slot exactly once across 3 processes', async () => {
    const filename = join(dir, 'workers.db');
    const store = createSqliteStore({ filename });
    try {
      const summary = await checkSeveralWorkers({
        target: { kind: 'sqlite', filename },
        store,
        runs: 5000,
        workers: 3,
        scale: 60,
        cron: '*/30 * * * * *',
        cronPeriodMs: 30_000,
        timeoutMs: 60_000,
        concurrency: 50,
        pollIntervalMs: 3000,
        leaseMs: 30_000,
      });
      console.log(`sqlite ${summary}`);
      expect(summary).toMatch(/5000 runs/);
    } finally {
      await store.close();
    }
  }, 120_000);
});
