import { randomUUID } from 'node:crypto';
import { createMongoStore, type MongoStore } from '@swigs/automation-adapters/mongodb';
import type { AutomationRun } from '@swigs/automation-core';
import { mongoUrl, uniqueDbName } from '@swigs/test-services/mongodb';
import { type CommandStartedEvent, type CommandSucceededEvent, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What claimDue sends: the commands on the runs collection are watched through the driver's command monitoring.
const T = new Date('2026-03-01T08:00:00.000Z');
const NOW = new Date(T.getTime() + 60_000);
const LEASE_MS = 30_000;

let client: MongoClient;
const names: string[] = [];
/** Commands on `automationruns` started since the last `take()`: `find` or `update`. */
let started: string[] = [];
const succeeded: string[] = [];

beforeAll(async () => {
  if (!mongoUrl) return;
  client = await new MongoClient(mongoUrl, { monitorCommands: true }).connect();
  client.on('commandStarted', (event: CommandStartedEvent) => {
    if (event.command[event.commandName] === 'automationruns') started.push(event.commandName);
  });
  client.on('commandSucceeded', (event: CommandSucceededEvent) => {
    if (event.commandName === 'find') succeeded.push(event.commandName);
  });
});

afterAll(async () => {
  if (!mongoUrl) return;
  for (const name of names) await client.db(name).dropDatabase();
  await client.close();
});

describe.skipIf(!mongoUrl)('mongodb store: claim round trips', () => {
  it('claims each batch of a draining backlog with one write, its runs read beside the previous claim', async () => {
    const store = await open();
    const due = await park(store, 50);
    const seen: string[] = [];
    const sent: string[][] = [];
    for (let call = 0; call < 6; call++) {
      take();
      const batch = await store.runs.claimDue({ now: NOW, workerId: 'w1', leaseMs: LEASE_MS, limit: 10 });
      sent.push(take());
      seen.push(...batch.map((run) => run.id));
    }
    // Oldest first, each run once.
    expect(seen).toEqual(due.map((run) => run.id));
    // The first call reads, claims and reads the next batch; each later one claims what was read ahead (its
    // only wait) and reads the next; the read ahead of the last full batch found nothing, so the empty call reads.
    expect(sent).toEqual([
      ['find', 'update', 'find'],
      ['update', 'find'],
      ['update', 'find'],
      ['update', 'find'],
      ['update', 'find'],
      ['find'],
    ]);
    await store.close();
  });

  it('claims a run changed after it was read ahead with its stored state, and only once', async () => {
    const store = await open();
    const other = await createMongoStore({ client, dbName: store.db.databaseName });
    const due = await park(store, 20);
    succeeded.length = 0;
    const first = await store.runs.claimDue({ now: NOW, workerId: 'w1', leaseMs: LEASE_MS, limit: 10 });
    expect(first.map((run) => run.id)).toEqual(due.slice(0, 10).map((run) => run.id));
    // The read ahead (the second find) is in; then another worker claims one of its runs, writes it, lets it go.
    await until(() => succeeded.length >= 2);
    const changed = await other.runs.claimById(due[12]!.id, ['waiting'], { now: NOW, workerId: 'w2', leaseMs: 1 });
    if (!changed) throw new Error('the other worker could not claim the run');
    changed.outputs = { trigger: { changed: true } };
    expect(await other.runs.checkpoint(changed, 'w2')).toBe(true);
    await other.runs.release(changed.id, 'w2');
    const second = await store.runs.claimDue({ now: NOW, workerId: 'w1', leaseMs: LEASE_MS, limit: 10 });
    expect(second.map((run) => run.id).sort()).toEqual(
      due
        .slice(10)
        .map((run) => run.id)
        .sort(),
    );
    expect(second.find((run) => run.id === changed.id)?.outputs).toEqual({ trigger: { changed: true } });
    expect(await store.runs.claimDue({ now: NOW, workerId: 'w1', leaseMs: LEASE_MS, limit: 10 })).toEqual([]);
    await other.close();
    await store.close();
  });

  it('never claims a run with stale content when it now carries the token another candidate was read with', async () => {
    // A batch of checkpoints stamps one token on each of its runs and lands document by document: a read between
    // two of them sees the new token on one run and the old content on another, which then gets the same token.
    const store = await open();
    const due = await park(store, 20);
    succeeded.length = 0;
    await store.runs.claimDue({ now: NOW, workerId: 'w1', leaseMs: LEASE_MS, limit: 10 });
    await until(() => succeeded.length >= 2);
    const raw = store.db.collection('automationruns');
    const landed = await raw.findOne({ _id: due[11]!.id as never });
    await raw.updateOne(
      { _id: due[12]!.id as never },
      { $set: { writeToken: landed!.writeToken, outputs: { trigger: { changed: true } } } },
    );
    const claimed = [
      ...(await store.runs.claimDue({ now: NOW, workerId: 'w1', leaseMs: LEASE_MS, limit: 10 })),
      ...(await store.runs.claimDue({ now: NOW, workerId: 'w1', leaseMs: LEASE_MS, limit: 10 })),
    ];
    const twelfth = claimed.filter((run) => run.id === due[12]!.id);
    expect(claimed.map((run) => run.id).sort()).toEqual(
      due
        .slice(10)
        .map((run) => run.id)
        .sort(),
    );
    expect(twelfth).toHaveLength(1);
    expect(twelfth[0]!.outputs).toEqual({ trigger: { changed: true } });
    await store.close();
  });
});

async function open(): Promise<MongoStore> {
  const dbName = uniqueDbName('claims', names.length);
  names.push(dbName);
  return createMongoStore({ client, dbName });
}

function take(): string[] {
  const sent = started;
  started = [];
  return sent;
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `count` waiting runs, due one millisecond apart from T, oldest first. */
async function park(store: MongoStore, count: number): Promise<AutomationRun[]> {
  const runs = Array.from(
    { length: count },
    (_, i): AutomationRun => ({
      id: `run-${String(i).padStart(3, '0')}-${randomUUID()}`,
      userId: 'u1',
      automationId: 'a1',
      automationVersion: 1,
      triggerType: 'order.paid',
      status: 'waiting',
      currentNodeId: 'wait',
      queue: [],
      outputs: { trigger: { index: i } },
      triggerData: { order: i },
      executionLog: [],
      scheduledAt: new Date(T.getTime() + i),
      error: null,
      attempt: 0,
      steps: 1,
      leaseOwner: null,
      leaseUntil: null,
      createdAt: T,
      updatedAt: T,
      startedAt: T,
      completedAt: null,
    }),
  );
  await Promise.all(runs.map((run) => store.runs.create(run)));
  return runs;
}
