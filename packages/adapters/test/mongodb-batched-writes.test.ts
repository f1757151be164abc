import { randomUUID } from 'node:crypto';
import { createMongoStore, type MongoStore } from '@swigs/automation-adapters/mongodb';
import {
  type Automation,
  type AutomationRun,
  emptyStats,
  ErrorCode,
  type ExecutionLogEntry,
  hasErrorCode,
} from '@swigs/automation-core';
import { createMongoTestDatabases, mongoUrl } from '@swigs/test-services/mongodb';
import { afterAll, describe, expect, it } from 'vitest';

// The writes of concurrent runs share bulk writes per event-loop turn; these cases start them in one turn
// (Promise.all), so they land in one batch, and check each run still gets its own answer.
const databases = createMongoTestDatabases('batched');
afterAll(() => databases.cleanup());

const T = new Date('2026-03-01T08:00:00.000Z');
const LEASE_MS = 60_000;

describe.skipIf(!mongoUrl)('mongodb store: writes of concurrent runs', () => {
  it('inserts the runs of one turn together and refuses only the one whose id is taken', async () => {
    const store = await open();
    await store.automations.save(automation());
    const taken = running('w1');
    await store.runs.create(taken, { stats: { totalRuns: 1 } });
    const fresh = Array.from({ length: 9 }, () => running('w1'));
    const results = await Promise.allSettled(
      [{ ...taken }, ...fresh].map((run) => store.runs.create(run, { stats: { totalRuns: 1 } })),
    );
    expect(results[0]?.status).toBe('rejected');
    expect(hasErrorCode((results[0] as PromiseRejectedResult).reason, ErrorCode.Conflict)).toBe(true);
    expect(results.slice(1).every((result) => result.status === 'fulfilled')).toBe(true);
    for (const run of fresh) expect((await store.runs.get('u1', run.id))?.id).toBe(run.id);
    // The refused insert counts nothing.
    expect((await store.automations.get('u1', 'a1'))?.stats?.totalRuns).toBe(10);
    await store.close();
  });

  it('writes the checkpoints of one turn together and refuses only the run another worker took', async () => {
    const store = await open();
    const other = await createMongoStore({ client: await databases.client(), dbName: store.db.databaseName });
    await store.automations.save(automation());
    const runs = Array.from({ length: 10 }, () => running('w1'));
    await Promise.all(runs.map((run) => store.runs.create(run)));
    // Another worker takes run 3 once its lease ran out.
    const stolen = await other.runs.claimById(runs[3]!.id, ['running'], {
      workerId: 'w2',
      now: new Date(T.getTime() + LEASE_MS + 1),
      leaseMs: LEASE_MS,
    });
    expect(stolen?.leaseOwner).toBe('w2');
    for (const run of runs) run.executionLog.push(entry('mail', T));
    const written = await Promise.all(
      runs.map((run) => store.runs.checkpoint(run, 'w1', { stats: { successfulRuns: 1 } })),
    );
    expect(written).toEqual(runs.map((_, index) => index !== 3));
    for (const [index, run] of runs.entries()) {
      const stored = await store.runs.get('u1', run.id);
      expect(stored?.executionLog.length, `run ${index}`).toBe(index === 3 ? 1 : 2);
    }
    // Counted once per written entry: 10 trigger entries at create, 9 mail entries by the checkpoints taken.
    const stats = await store.runs.stepStats!('u1', 'a1', { version: 1, since: T });
    expect(stats.find((s) => s.nodeId === 'trigger')?.reached).toBe(10);
    expect(stats.find((s) => s.nodeId === 'mail')?.reached).toBe(9);
    expect((await store.automations.get('u1', 'a1'))?.stats?.successfulRuns).toBe(9);
    await other.close();
    await store.close();
  });

  it('counts a checkpoint of a run read back from the store from what the store had logged', async () => {
    const store = await open();
    const run = running('w1');
    await store.runs.create(run);
    run.executionLog.push(entry('mail', T));
    expect(await store.runs.checkpoint(run, 'w1')).toBe(true);
    // A copy the store never handed out: its checkpoint cannot be guarded by a known log length.
    const copy = (await store.runs.get('u1', run.id))!;
    copy.executionLog.push(entry('done', T));
    expect(await store.runs.checkpoint(copy, 'w1')).toBe(true);
    // The first object again, now behind what is stored: its guarded write misses, the fallback counts nothing twice.
    run.executionLog.push(entry('done', T), entry('late', T));
    expect(await store.runs.checkpoint(run, 'w1')).toBe(true);
    const stats = await store.runs.stepStats!('u1', 'a1', { version: 1, since: T });
    const reached = Object.fromEntries(stats.map((s) => [s.nodeId, s.reached]));
    expect(reached).toEqual({ trigger: 1, mail: 1, done: 1, late: 1 });
    await store.close();
  });

  it('claims due runs with the state they were stored with, each once across two stores', async () => {
    const store = await open();
    const other = await createMongoStore({ client: await databases.client(), dbName: store.db.databaseName });
    const due = Array.from({ length: 40 }, (_, i) => ({
      ...running('w0'),
      status: 'waiting' as const,
      leaseOwner: null,
      leaseUntil: null,
      scheduledAt: new Date(T.getTime() + i),
      outputs: { trigger: { index: i } },
    }));
    await Promise.all(due.map((run) => store.runs.create(run)));
    const now = new Date(T.getTime() + 60_000);
    const claim = (s: MongoStore, workerId: string) => s.runs.claimDue({ workerId, now, leaseMs: LEASE_MS, limit: 15 });
    const batches = await Promise.all([claim(store, 'w1'), claim(other, 'w2'), claim(store, 'w3'), claim(other, 'w4')]);
    const claimed = batches.flat();
    expect(new Set(claimed.map((run) => run.id)).size).toBe(claimed.length);
    expect(claimed.length).toBe(40);
    for (const run of claimed) {
      const index = due.findIndex((d) => d.id === run.id);
      expect(run.outputs).toEqual({ trigger: { index } });
      expect(run.status).toBe('running');
      expect(run.leaseUntil).toEqual(new Date(now.getTime() + LEASE_MS));
    }
    await other.close();
    await store.close();
  });
});

async function open(): Promise<MongoStore> {
  return createMongoStore({ client: await databases.client(), dbName: databases.dbName() });
}

function automation(): Automation {
  return {
    id: 'a1',
    userId: 'u1',
    name: 'Batch',
    description: '',
    stats: emptyStats(),
    isActive: false,
    trigger: { type: 'order.paid', config: {} },
    nodes: [],
    version: 1,
    createdAt: T,
    updatedAt: T,
  };
}

function entry(nodeId: string, startedAt: Date): ExecutionLogEntry {
  return {
    nodeId,
    nodeType: 'transform',
    startedAt,
    completedAt: startedAt,
    status: 'success',
    input: {},
    output: {},
    error: null,
    attempts: 1,
  };
}

function running(workerId: string): AutomationRun {
  return {
    id: randomUUID(),
    userId: 'u1',
    automationId: 'a1',
    automationVersion: 1,
    triggerType: 'order.paid',
    status: 'running',
    currentNodeId: null,
    queue: [],
    outputs: {},
    triggerData: { order: 1 },
    executionLog: [entry('trigger', T)],
    scheduledAt: null,
    error: null,
    attempt: 0,
    steps: 1,
    leaseOwner: workerId,
    leaseUntil: new Date(T.getTime() + LEASE_MS),
    createdAt: T,
    updatedAt: T,
    startedAt: T,
    completedAt: null,
  };
}
