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
        // Every 2 clock-minutes, 2 s of real time: the scheduler catches up at most 5 missed slots (10 s here), so
        // a machine-wide stall of a loaded CI machine does not skip a slot, as a shorter period did (by design).
        cron: '0 */2 * * * *',
        cronPeriodMs: 120_000,
        timeoutMs: 150_000,
        stallMs: 30_000,
        concurrency: 50,
        pollIntervalMs: 3000,
        // 5 s of real time, as in the MongoDB variant: a lease of 0.5 s real expired during machine-wide stalls at
        // load 26, and the run it guarded then ran twice (at-least-once is what a lost lease gives, by design).
        leaseMs: 300_000,
      });
      console.log(`sqlite ${summary}`);
      expect(summary).toMatch(/5000 runs/);
    } finally {
      await store.close();
    }
  }, 240_000);
});
