import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AutomationRun } from '@swigs/automation-core';
import { referenceAutomation } from '@swigs/automation-core/testing';
import { createSqliteStore, type SqliteStore } from '@swigs/automation-adapters/sqlite';

// A batch (one transaction) sums its runs' stats and step counts and writes each counter once before it commits:
// the totals must be those of the writes that succeeded, in the order they were made.
let store: SqliteStore | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  store = dir = undefined;
});

const T0 = Date.UTC(2026, 2, 1, 8);
const automation = referenceAutomation('tenant-a');

function run(id: string, overrides: Partial<AutomationRun> = {}): AutomationRun {
  const at = new Date(T0);
  return {
    id,
    userId: 'tenant-a',
    automationId: automation.id,
    automationVersion: automation.version,
    triggerType: 'order.paid',
    status: 'running',
    currentNodeId: 'paid',
    queue: ['paid'],
    outputs: {},
    triggerData: { order: { id } },
    executionLog: [],
    scheduledAt: null,
    error: null,
    errorCode: null,
    attempt: 0,
    steps: 0,
    leaseOwner: 'w1',
    leaseUntil: new Date(T0 + 30_000),
    createdAt: at,
    updatedAt: at,
    startedAt: at,
    completedAt: null,
    ...overrides,
  };
}

const logged = (status: 'success' | 'failed'): AutomationRun['executionLog'] => [
  {
    nodeId: 'paid',
    nodeType: 'condition',
    startedAt: new Date(T0),
    completedAt: new Date(T0 + 1),
    status,
    input: {},
    output: undefined,
    error: status === 'failed' ? 'boom' : null,
    attempts: 1,
  },
];

describe('the SQLite counters of a batch', () => {
  it('add up every successful write of the batch once, and nothing of a refused one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'swigs-batched-counters-'));
    store = createSqliteStore({ filename: join(dir, 'store.db') });
    await store.automations.save(automation);
    const commits = store.stats.commits;
    const created = await Promise.allSettled([
      ...Array.from({ length: 200 }, (_, i) =>
        store!.runs.create(run(`r${i}`), { stats: { totalRuns: 1, lastRunAt: new Date(T0 + i) } }),
      ),
      // The same id again: refused, so its count must not land.
      store.runs.create(run('r0'), { stats: { totalRuns: 1, lastRunAt: new Date(T0 + 999) } }),
    ]);
    expect(store.stats.commits - commits).toBe(1);
    expect(created.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect((await store.automations.get('tenant-a', automation.id))?.stats).toMatchObject({
      totalRuns: 200,
      lastRunAt: new Date(T0 + 199),
    });

    const done = (i: number, status: 'completed' | 'failed'): Promise<boolean> =>
      store!.runs.checkpoint(
        run(`r${i}`, {
          status,
          queue: [],
          currentNodeId: null,
          leaseOwner: null,
          leaseUntil: null,
          completedAt: new Date(T0 + 10),
          executionLog: logged(status === 'completed' ? 'success' : 'failed'),
          error: status === 'failed' ? `boom ${i}` : null,
        }),
        'w1',
        { stats: status === 'completed' ? { successfulRuns: 1 } : { failedRuns: 1, lastError: `boom ${i}` } },
      );
    const written = await Promise.all([
      ...Array.from({ length: 150 }, (_, i) => done(i, 'completed')),
      done(150, 'failed'),
      done(151, 'failed'),
      // Leased by another worker: refused, counts nothing.
      store.runs.checkpoint(run('r0', { leaseOwner: 'w2' }), 'w2', { stats: { failedRuns: 1, lastError: 'no' } }),
    ]);
    expect(written.filter((ok) => !ok)).toHaveLength(1);
    expect((await store.automations.get('tenant-a', automation.id))?.stats).toMatchObject({
      totalRuns: 200,
      successfulRuns: 150,
      failedRuns: 2,
      lastError: 'boom 151',
    });
    const steps = await store.runs.stepStats!('tenant-a', automation.id, {
      version: automation.version,
      since: new Date(T0 - 86_400_000),
    });
    expect(steps).toEqual([expect.objectContaining({ nodeId: 'paid', reached: 152, succeeded: 150, failed: 2 })]);
  });
});
