import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Engine } from '../src/engine/types';
import { defineNode } from '../src/node/define-node';
import { createMemoryStore } from '../src/store/index';
import { designExample } from './fixtures/automations';
import { chain, flush, setup } from './fixtures/harness';

const DAY = 86_400_000;
// vi.waitFor's default 1 s deadline is too short for a loaded 2-core CI machine; a met condition returns at once.
const WAIT = { timeout: 15_000 };
const started: Engine[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((engine) => engine.stop()));
});
const run = async (engine: Engine): Promise<Engine> => {
  started.push(engine);
  await engine.start();
  return engine;
};

describe('the scheduler (start/stop)', () => {
  it('resumes waiting runs when they fall due, driven by the clock port', async () => {
    const { engine, store, clock, save } = setup([], { scheduler: { pollIntervalMs: 3_600_000 } });
    await save(designExample());
    const [waiting] = await engine.fire('order.paid', {
      order: { id: 'A', status: 'paid' },
      customer: { email: 'a@b.ch', name: 'A' },
    });
    await run(engine);
    await clock.advance(2 * DAY);
    await vi.waitFor(
      async () => expect((await store.runs.get(waiting!.userId, waiting!.id))?.currentNodeId).toBe('review'),
      WAIT,
    );
    expect((await store.collection('outbox').find('u1')).total).toBe(1);
    await clock.advance(7 * DAY);
    await vi.waitFor(
      async () => expect((await store.runs.get(waiting!.userId, waiting!.id))?.status).toBe('completed'),
      WAIT,
    );
    await engine.stop();
    await engine.stop();
  });

  it('fires each cron slot exactly once across two workers, in the schedule timezone', async () => {
    const store = createMemoryStore();
    const first = setup([], { store, workerId: 'a', scheduler: { pollIntervalMs: 3_600_000 } });
    const second = setup([], { store, workerId: 'b', scheduler: { pollIntervalMs: 3_600_000 } });
    second.clock.set(first.clock.now());
    await first.save(
      chain([{ id: 'copy', type: 'transform', config: { field: 'trigger.scheduledAt', as: 'slot' } }], {
        id: 'daily',
        trigger: { type: 'time.schedule', config: { cron: '0 8 * * *', timezone: 'Europe/Zurich' } },
      }),
    );
    await run(first.engine);
    await run(second.engine);
    await flush();
    for (let step = 0; step < 8; step++) {
      await Promise.all([first.clock.advance(6 * 3_600_000), second.clock.advance(6 * 3_600_000)]);
      await flush();
    }
    await vi.waitFor(
      async () => expect((await store.runs.list({ userId: 'u1', status: ['completed'] })).total).toBe(2),
      WAIT,
    );
    const runs = (await store.runs.list({ userId: 'u1' })).items;
    // 08:00 in Zurich is 07:00 UTC in winter.
    expect(runs.map((r) => (r.outputs.copy as { slot: string }).slot).sort()).toEqual([
      '2026-03-03T07:00:00.000Z',
      '2026-03-04T07:00:00.000Z',
    ]);
    expect(await store.keys.has('cron:daily:2026-03-03T07:00:00.000Z')).toBe(true);
  });

  it('fires cron slots on time while every run slot of the worker is busy', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const busy = defineNode({
      type: 'busy',
      kind: 'action',
      version: 1,
      title: { fr: 'Occupé', en: 'Busy' },
      configSchema: z.object({}),
      execute: async () => {
        await gate;
        return { output: {} };
      },
    });
    const { engine, store, clock, save } = setup([busy], { scheduler: { pollIntervalMs: 3_600_000, concurrency: 1 } });
    await save(
      chain(
        [
          { id: 'pause', type: 'wait', config: { minutes: 1 } },
          { id: 'busy', type: 'busy' },
        ],
        { id: 'long' },
      ),
    );
    await save(
      chain([{ id: 'copy', type: 'transform', config: { field: 'trigger.scheduledAt', as: 'slot' } }], {
        id: 'minutely',
        trigger: { type: 'time.schedule', config: { cron: '* * * * *', timezone: 'Europe/Zurich' } },
      }),
    );
    await engine.fire('order.paid', {});
    await run(engine);
    await flush();
    for (let minute = 0; minute < 4; minute++) {
      await clock.advance(60_000);
      await flush();
    }
    await vi.waitFor(async () => {
      const cronRuns = (await store.runs.list({ userId: 'u1', status: ['completed'] })).items.filter(
        (r) => r.automationId === 'minutely',
      );
      expect(cronRuns.length).toBeGreaterThanOrEqual(4);
    }, WAIT);
    expect((await store.runs.list({ userId: 'u1', status: ['running'] })).items.map((r) => r.automationId)).toEqual([
      'long',
    ]);
    release();
  });

  it('renews the lease of a long node so no other worker steals the run', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const slow = defineNode({
      type: 'slow',
      kind: 'action',
      version: 1,
      title: { fr: 'Lent', en: 'Slow' },
      configSchema: z.object({}),
      execute: async () => {
        await gate;
        return { output: { done: true } };
      },
    });
    const store = createMemoryStore();
    const owner = setup([slow], { store, workerId: 'owner', scheduler: { leaseMs: 30_000, pollIntervalMs: 5_000 } });
    const thief = setup([slow], { store, workerId: 'thief' });
    await owner.save(chain([{ id: 'slow', type: 'slow' }]));
    await run(owner.engine);
    const firing = owner.engine.fire('order.paid', {});
    await flush();
    for (let step = 0; step < 12; step++) {
      await owner.clock.advance(10_000);
      await flush();
    }
    thief.clock.set(owner.clock.now());
    expect(await thief.engine.resumeDue()).toBe(0);
    const [live] = (await store.runs.list({ userId: 'u1' })).items;
    expect(live?.leaseOwner).toBe('owner');
    expect(live!.leaseUntil!.getTime()).toBeGreaterThan(owner.clock.now().getTime());
    finish();
    const [done] = await firing;
    expect(done?.status).toBe('completed');
  });

  it('never runs twice a run whose lease lapsed while this worker still runs it (a stalled event loop)', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    let executions = 0;
    const slow = defineNode({
      type: 'slow',
      kind: 'action',
      version: 1,
      title: { fr: 'Lent', en: 'Slow' },
      configSchema: z.object({}),
      execute: async () => {
        executions += 1;
        await gate;
        return { output: {} };
      },
    });
    const { engine, store, clock, save } = setup([slow], { scheduler: { leaseMs: 30_000, pollIntervalMs: 5_000 } });
    await save(
      chain([
        { id: 'pause', type: 'wait', config: { minutes: 1 } },
        { id: 'slow', type: 'slow' },
      ]),
    );
    await engine.fire('order.paid', {});
    await run(engine);
    await clock.advance(60_000);
    await flush();
    expect(executions).toBe(1);
    // Nothing ran for two leases (a blocked event loop), and a claim comes before the lease renewal: the store
    // hands this worker its own run back, still in flight here.
    clock.set(new Date(clock.now().getTime() + 60_000));
    expect(await engine.resumeDue()).toBe(0);
    await flush();
    expect(executions).toBe(1);
    const [live] = (await store.runs.list({ userId: 'u1' })).items;
    expect(live).toMatchObject({ status: 'running', leaseOwner: 'w1' });
    expect(live!.leaseUntil!.getTime()).toBeGreaterThan(clock.now().getTime());
    finish();
    await vi.waitFor(
      async () => expect((await store.runs.list({ userId: 'u1' })).items[0]?.status).toBe('completed'),
      WAIT,
    );
    expect(executions).toBe(1);
  });

  it('on stop, waits for in-flight nodes up to the grace period, then aborts and releases them', async () => {
    const slow = defineNode({
      type: 'stuck',
      kind: 'action',
      version: 1,
      title: { fr: 'Bloqué', en: 'Stuck' },
      configSchema: z.object({}),
      execute: (ctx) =>
        new Promise<never>((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))),
    });
    const store = createMemoryStore();
    const leaving = setup([slow], { store, workerId: 'leaving', scheduler: { stopGraceMs: 50 } });
    await leaving.save(chain([{ id: 'stuck', type: 'stuck' }]));
    await leaving.engine.start();
    const firing = leaving.engine.fire('order.paid', {});
    await flush();
    const before = Date.now();
    await leaving.engine.stop();
    expect(Date.now() - before).toBeGreaterThanOrEqual(40);
    await firing;
    const [released] = (await store.runs.list({ userId: 'u1' })).items;
    expect(released).toMatchObject({ status: 'running', leaseOwner: null, queue: ['stuck'], executionLog: [] });
    const next = setup([], { store, workerId: 'next' });
    expect(
      (await next.store.runs.claimDue({ now: next.clock.now(), workerId: 'next', leaseMs: 1000, limit: 10 })).map(
        (r) => r.id,
      ),
    ).toEqual([released?.id]);
  });

  it('purges finished runs older than the retention, never waiting ones', async () => {
    const { engine, store, clock, save } = setup([], {
      retention: { days: 30, intervalMs: DAY },
      scheduler: { pollIntervalMs: DAY },
    });
    await save(chain([{ id: 't', type: 'transform', config: { field: 'trigger', as: 'x' } }]));
    await save(chain([{ id: 'w', type: 'wait', config: { days: 365 } }], { id: 'long-wait' }));
    const runs = await engine.fire('order.paid', {});
    expect(runs.map((r) => r.status).sort()).toEqual(['completed', 'waiting']);
    await run(engine);
    for (let day = 0; day < 32; day++) {
      await clock.advance(DAY);
      await flush();
    }
    await vi.waitFor(
      async () => expect((await store.runs.list({ userId: 'u1' })).items.map((r) => r.status)).toEqual(['waiting']),
      WAIT,
    );
  });
});
