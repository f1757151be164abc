import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode } from '../src/node/define-node';
import type { NodeResult } from '../src/node/types';
import { createMemoryStore } from '../src/store/index';
import { chain, flush, setup } from './fixtures/harness';
import { label } from './fixtures/test-nodes';

const order = {
  order: { id: 'A-1', status: 'paid' },
  customer: { email: 'anna@example.ch', name: 'Anna' },
  siteId: 's1',
};

/** A side-effect-free node that waits for `open()` (or an abort) before it answers. */
function gatedNode(): { node: ReturnType<typeof defineNode>; open: () => void; reached: Promise<void> } {
  let open!: () => void;
  let reach!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const node = defineNode({
    type: 'gated',
    kind: 'action',
    version: 1,
    title: { fr: 'Calcul lent', en: 'Slow computation' },
    configSchema: z.object({}),
    sideEffects: false,
    execute: (ctx) =>
      new Promise<NodeResult>((resolve, reject) => {
        reach();
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
        void gate.then(() => resolve({ output: { ok: true } }));
      }),
  });
  return { node, open, reached };
}

describe('the first write of a run', () => {
  it('keeps a keyed event to one run when two workers take it at once', async () => {
    const store = createMemoryStore();
    const a = setup([label], { store, workerId: 'a' });
    const b = setup([label], { store, workerId: 'b' });
    await a.save(chain([{ id: 'l', type: 'label', config: { text: 'Merci' } }]));
    const [fromA, fromB] = await Promise.all([
      a.engine.fire('order.paid', order, { dedupeKey: 'order:A-1:paid' }),
      b.engine.fire('order.paid', order, { dedupeKey: 'order:A-1:paid' }),
    ]);
    expect(fromA.length + fromB.length).toBe(1);
    expect((await store.runs.list({ userId: 'u1' })).total).toBe(1);
    expect((await store.automations.get('u1', 'auto-1'))?.stats).toMatchObject({ totalRuns: 1, successfulRuns: 1 });
    expect(await a.engine.fire('order.paid', order, { dedupeKey: 'order:A-1:paid' })).toEqual([]);
  });

  it('reports a store that cannot take the run, so the event is delivered again, and counts nothing', async () => {
    const memory = createMemoryStore();
    const store = { ...memory, runs: { ...memory.runs, create: () => Promise.reject(new Error('disque plein')) } };
    const { engine, save } = setup([label], { store });
    await save(chain([{ id: 'l', type: 'label', config: { text: 'Merci' } }]));
    await expect(engine.fire('order.paid', order)).rejects.toMatchObject({ code: 'ADAPTER_FAILURE' });
    await expect(engine.runAutomation('auto-1', {}, { userId: 'u1' })).rejects.toThrow('disque plein');
    expect((await memory.automations.get('u1', 'auto-1'))?.stats.totalRuns).toBe(0);
  });

  it('hands a run still unwritten back to the store when the worker stops, and another worker finishes it', async () => {
    const { node, open, reached } = gatedNode();
    const store = createMemoryStore();
    const leaving = setup([node], { store, workerId: 'leaving', scheduler: { stopGraceMs: 20 } });
    await leaving.save(chain([{ id: 'calc', type: 'gated' }]));
    await leaving.engine.start();
    const firing = leaving.engine.fire('order.paid', order);
    await reached;
    expect((await store.runs.list({ userId: 'u1' })).total).toBe(0);
    await leaving.engine.stop();
    await firing;
    const [handedBack] = (await store.runs.list({ userId: 'u1' })).items;
    expect(handedBack).toMatchObject({ status: 'running', queue: ['calc'], executionLog: [] });

    open();
    const next = setup([node], { store, workerId: 'next' });
    next.clock.set(leaving.clock.now());
    expect(await next.engine.resumeDue()).toBe(1);
    expect(await store.runs.get(handedBack!.userId, handedBack!.id)).toMatchObject({ status: 'completed' });
    expect((await store.automations.get('u1', 'auto-1'))?.stats).toMatchObject({ totalRuns: 1, successfulRuns: 1 });
  });

  it('does not read an unwritten run as a lost lease when leases are renewed', async () => {
    const { node, open, reached } = gatedNode();
    const { engine, store, clock, save } = setup([node], { scheduler: { leaseMs: 30_000, pollIntervalMs: 3_600_000 } });
    await save(chain([{ id: 'calc', type: 'gated' }]));
    await engine.start();
    const firing = engine.fire('order.paid', order);
    await reached;
    for (let step = 0; step < 6; step++) {
      await clock.advance(10_000);
      await flush();
    }
    open();
    const [run] = await firing;
    await engine.stop();
    expect(run?.status).toBe('completed');
    expect(await store.runs.get(run!.userId, run!.id)).toMatchObject({ status: 'completed' });
  });

  it('writes a deferred start once, at its end, with its start and outcome counted in that write', async () => {
    const memory = createMemoryStore();
    const writes: string[] = [];
    const store = {
      ...memory,
      runs: {
        ...memory.runs,
        create: (...args: Parameters<typeof memory.runs.create>) => {
          writes.push(`create ${args[0].status} ${JSON.stringify(args[1]?.stats ?? {})}`);
          return memory.runs.create(...args);
        },
        checkpoint: (...args: Parameters<typeof memory.runs.checkpoint>) => {
          writes.push(`checkpoint ${args[0].status}`);
          return memory.runs.checkpoint(...args);
        },
      },
    };
    const { engine, save } = setup([label], { store });
    const automation = await save(chain([{ id: 'l', type: 'label', config: { text: 'Merci' } }]));
    const started = await engine.startAutomation('auto-1', order, { userId: 'u1', automation, write: 'deferred' });
    const run = await started.finished;
    expect(run.status).toBe('completed');
    expect(writes).toEqual([expect.stringMatching(/^create completed .*"successfulRuns":1.*"totalRuns":1/)]);
    expect(await memory.runs.get('u1', run.id)).toMatchObject({
      status: 'completed',
      outputs: { l: { text: 'Merci A-1' } },
    });
    expect((await memory.automations.get('u1', 'auto-1'))?.stats).toMatchObject({ totalRuns: 1, successfulRuns: 1 });
    await started.stored();
  });

  it('stores a deferred run at once when its caller must answer first, then checkpoints it at its end', async () => {
    const { node, open, reached } = gatedNode();
    const { engine, store, save } = setup([node]);
    await save(chain([{ id: 'calc', type: 'gated' }]));
    const started = await engine.startAutomation('auto-1', order, { userId: 'u1', write: 'deferred' });
    await reached;
    await Promise.all([started.stored(), started.stored()]);
    expect(await store.runs.get('u1', started.run.id)).toMatchObject({ status: 'running', queue: ['calc'] });
    open();
    expect((await started.finished).status).toBe('completed');
    expect(await store.runs.get('u1', started.run.id)).toMatchObject({ status: 'completed' });
    expect((await store.runs.list({ userId: 'u1' })).total).toBe(1);
    expect((await store.automations.get('u1', 'auto-1'))?.stats).toMatchObject({ totalRuns: 1, successfulRuns: 1 });
  });

  it('rejects a deferred run when its one write fails, so the caller answers an error, and counts nothing', async () => {
    const memory = createMemoryStore();
    const store = { ...memory, runs: { ...memory.runs, create: () => Promise.reject(new Error('disque plein')) } };
    const { engine, save } = setup([label], { store });
    await save(chain([{ id: 'l', type: 'label', config: { text: 'Merci' } }]));
    const started = await engine.startAutomation('auto-1', order, { userId: 'u1', write: 'deferred' });
    await expect(started.finished).rejects.toThrow('disque plein');
    await expect(started.stored()).rejects.toThrow('disque plein');
    expect((await memory.automations.get('u1', 'auto-1'))?.stats.totalRuns).toBe(0);
  });

  it("reads the automation again when the one handed to startAutomation is another tenant's", async () => {
    const { engine, save } = setup([label]);
    const automation = await save(chain([{ id: 'l', type: 'label', config: { text: 'Merci' } }]));
    await expect(
      engine.startAutomation('auto-1', order, { userId: 'u2', automation, write: 'deferred' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
