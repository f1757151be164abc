import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHttpClient } from '@swigs/automation-adapters/http';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { createEngine, createFakeClock } from '@swigs/automation-core';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { afterAll, describe, expect, it } from 'vitest';
import { startHookServer } from './workers/hook-server';
import { USER_ID, weekFlow } from './workers/scenario';
import { startWorker } from './workers/worker-process';

const dir = mkdtempSync(join(tmpdir(), 'swigs-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const RUNS = 200;

describe('restart on SQLite', () => {
  it('resumes runs waiting 7 days after the process that parked them was killed', async () => {
    const filename = join(dir, 'restart.db');
    const hooks = await startHookServer();
    const seedStore = createSqliteStore({ filename });
    await seedStore.automations.save(weekFlow(hooks.url));
    await seedStore.close();

    // First process: fires the runs on a clock standing at T0, then dies with SIGKILL.
    const first = await startWorker({
      workerId: 'before-restart',
      store: { kind: 'sqlite', filename },
      clock: { fixed: T0 },
      fire: RUNS,
      scheduler: { pollIntervalMs: 1000, leaseMs: 30_000, concurrency: 50, batchSize: 100, cron: false },
    });
    await first.ready;
    await first.fired;
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    // Second process (engine + store): a new clock six days on, then seven days and a minute on.
    const store = createSqliteStore({ filename });
    const clock = createFakeClock(T0 + 6 * DAY);
    const http = createHttpClient({ allowedHosts: ['127.0.0.1'] });
    const engine = createEngine({
      store,
      registry: createDefaultRegistry(),
      clock,
      workerId: 'after-restart',
      ports: { http },
      scheduler: { pollIntervalMs: 1000, leaseMs: 30_000, concurrency: 50, batchSize: 100, cron: false },
    });
    try {
      const parked = await store.runs.list({ userId: USER_ID, limit: RUNS * 2 });
      expect(parked.total).toBe(RUNS);
      for (const run of parked.items) {
        expect(run.status).toBe('waiting');
        expect(run.scheduledAt).toEqual(new Date(T0 + 7 * DAY));
        expect(run.leaseOwner).toBeNull();
      }
      expect(await store.runs.nextDueAt()).toEqual(new Date(T0 + 7 * DAY));
      expect(await engine.resumeDue()).toBe(0);
      expect(hooks.calls).toHaveLength(0);

      await engine.start();
      await clock.advance(DAY + 60_000);
      const deadline = Date.now() + 30_000;
      let completed = 0;
      while (completed < RUNS && Date.now() < deadline) {
        completed = (await store.runs.list({ userId: USER_ID, status: ['completed'], limit: 0 })).total;
        if (completed < RUNS) await sleep(100);
      }
      await engine.stop();
      expect(completed).toBe(RUNS);
      const keys = hooks.calls.map((call) => call.key);
      expect(new Set(keys).size).toBe(RUNS);
      expect(keys).toHaveLength(RUNS);
      const done = await store.runs.list({ userId: USER_ID, limit: RUNS * 2 });
      for (const run of done.items) {
        expect(run.executionLog.map((entry) => entry.nodeId)).toEqual(['week', 'after-week']);
        expect(run.executionLog[1]?.startedAt.getTime()).toBeGreaterThanOrEqual(T0 + 7 * DAY);
        expect(run.completedAt?.getTime()).toBeGreaterThanOrEqual(T0 + 7 * DAY);
      }
    } finally {
      await engine.stop();
      await http.close();
      await store.close();
      await hooks.close();
    }
  }, 60_000);
});
