import { describe, expect, it } from 'vitest';
import { AbortedError } from '../errors/errors';
import { AutomationSchema } from '../model/automation';
import type { AutomationRun } from '../model/run';
import { createFakeClock } from '../ports/clock';
import { silentLogger } from '../ports/logger';
import type { RunStore } from '../ports/run-store';
import { createMemoryStore } from '../store/memory-store';
import { newRun } from './new-run';
import { createRunWriter } from './run-writer';
import type { EngineEvents } from './types';

const T0 = '2026-03-02T09:00:00Z';
const LEASE = 30_000;

/** A writer on a memory store with one automation, recording the events it emits. */
async function setup(store: RunStore = createMemoryStore()) {
  const clock = createFakeClock(T0);
  const events: (keyof EngineEvents)[] = [];
  await store.automations.save(
    AutomationSchema.parse({
      id: 'a1',
      userId: 'u1',
      name: 'Merci',
      isActive: true,
      trigger: { type: 'order.paid', config: {} },
      nodes: [],
    }),
  );
  const writer = createRunWriter({
    store,
    clock,
    logger: silentLogger,
    workerId: 'w1',
    leaseMs: LEASE,
    listening: () => true,
    emit: (event) => events.push(event),
  });
  const run = (id = 'r1'): AutomationRun =>
    newRun({
      id,
      automation: { id: 'a1', userId: 'u1', name: 'Merci', version: 1 },
      triggerType: 'order.paid',
      payload: { order: { id: 'o-1' } },
      queue: ['mail'],
      now: clock.now(),
      workerId: 'w1',
      leaseMs: LEASE,
    });
  const stats = async () => (await store.automations.get('u1', 'a1'))?.stats;
  return { store, clock, events, writer, run, stats };
}

describe('the run writer', () => {
  it('writes a new run only before its first side effect, and counts its start once', async () => {
    const { store, clock, events, writer, run, stats } = await setup();
    const writes = writer.forNew({ key: 'order:o-1:paid:a1', createdAt: clock.now() });
    const r = run();
    expect(writes.written).toBe(false);
    expect(await store.runs.get('u1', r.id)).toBeNull();
    await clock.advance(1000);
    expect(await writes.beforeEffects(r)).toBe(true);
    expect(writes.written).toBe(true);
    // The lease runs from the first write.
    expect((await store.runs.get('u1', r.id))?.leaseUntil).toEqual(new Date(Date.parse(T0) + 1000 + LEASE));
    expect(await store.keys.has('order:o-1:paid:a1')).toBe(true);
    expect(events).toEqual(['run.created']);
    expect(await writes.beforeEffects(r)).toBe(true);
    r.status = 'completed';
    expect(await writes.save(r)).toBe(true);
    expect(await stats()).toMatchObject({ totalRuns: 1, successfulRuns: 1, lastRunAt: new Date(T0) });
    expect(writes.settle(r)).toBe(r);
  });

  it('counts start and outcome in one write when the run ends before any side effect', async () => {
    const { store, clock, writer, run, stats } = await setup();
    const writes = writer.forNew({ key: undefined, createdAt: clock.now() });
    const r = { ...run(), status: 'failed' as const, error: 'boom' };
    expect(await writes.save(r)).toBe(true);
    expect((await store.runs.get('u1', r.id))?.status).toBe('failed');
    expect(await stats()).toMatchObject({ totalRuns: 1, failedRuns: 1, successfulRuns: 0, lastError: 'boom' });
  });

  it('hands a never-written run back when the worker stops, with an expired lease, and does nothing on a cancel', async () => {
    const { store, clock, writer, run, stats } = await setup();
    const stopped = writer.forNew({ key: 'k-stop', createdAt: clock.now() });
    const r = run('stopped');
    await stopped.handBack(r, new AbortedError('stop'));
    const stored = await store.runs.get('u1', r.id);
    expect(stored?.leaseUntil).toEqual(clock.now());
    expect(await store.keys.has('k-stop')).toBe(true);
    expect(stopped.written).toBe(true);
    expect(await store.runs.claimDue({ now: clock.now(), workerId: 'w2', leaseMs: LEASE, limit: 10 })).toHaveLength(1);
    expect(await stats()).toMatchObject({ totalRuns: 1 });

    const cancelled = writer.forNew({ key: undefined, createdAt: clock.now() });
    await cancelled.handBack(run('cancelled'), new AbortedError('cancel'));
    expect(await store.runs.get('u1', 'cancelled')).toBeNull();
  });

  it('answers null when the run was already there (the keyed event taken elsewhere), and the error when the store failed', async () => {
    const { store, clock, writer, run } = await setup();
    await store.runs.create(run('taken'));
    const taken = writer.forNew({ key: 'k-taken', createdAt: clock.now() });
    expect(await taken.save(run('taken'))).toBe(false);
    expect(taken.settle(run('taken'))).toBeNull();
    expect(await taken.save(run('taken'))).toBe(false);

    const failing = await setup({
      ...createMemoryStore(),
      runs: {
        ...createMemoryStore().runs,
        create: () => Promise.reject(new Error('disk full')),
      },
    });
    const writes = failing.writer.forNew({ key: undefined, createdAt: clock.now() });
    expect(await writes.beforeEffects(failing.run())).toBe(false);
    expect(() => writes.settle(failing.run())).toThrow('disk full');
  });

  it('checkpoints a claimed run with its outcome counted, and releases it when the worker stops', async () => {
    const { store, writer, run, stats } = await setup();
    const r = run();
    await store.runs.create(r);
    r.status = 'completed';
    expect(await writer.stored.save(r)).toBe(true);
    expect(await stats()).toMatchObject({ totalRuns: 0, successfulRuns: 1 });
    expect(await writer.stored.save({ ...r, id: 'missing' })).toBe(false);

    const held = run('held');
    await store.runs.create(held);
    await writer.stored.handBack(held, new AbortedError('lease'));
    expect((await store.runs.get('u1', 'held'))?.leaseOwner).toBe('w1');
    await writer.stored.handBack(held, new AbortedError('stop'));
    expect((await store.runs.get('u1', 'held'))?.leaseOwner).toBeNull();
  });

  it('inserts a run at once with its stats, or says the id was taken', async () => {
    const { store, writer, run, stats, events } = await setup();
    expect(await writer.insert(run(), 'k1', { totalRuns: 1 })).toBe(true);
    expect(await writer.insert(run(), 'k1', { totalRuns: 1 })).toBe(false);
    expect(await store.keys.has('k1')).toBe(true);
    expect(await stats()).toMatchObject({ totalRuns: 1 });
    expect(events).toEqual(['run.created']);
    await expect(writer.insert(run(), undefined, {})).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
