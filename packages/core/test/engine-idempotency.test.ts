import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IDEMPOTENCY_TTL_MS } from '../src/engine/idempotent-start';
import { defineNode } from '../src/node/define-node';
import type { NodeResult } from '../src/node/types';
import { createMemoryStore } from '../src/store/index';
import { chain, setup } from './fixtures/harness';
import { label } from './fixtures/test-nodes';

const manualChain = () =>
  chain([
    { id: 'l', type: 'label', config: { text: 'Merci' } },
    { id: 'mail', type: 'send_email', config: { to: 'anna@example.ch', subject: 'Merci' } },
  ]);

const payload = { order: { id: 'A-1' } };

describe('runAutomation with an idempotency key', () => {
  it('gives the first call’s run for the same key, and sends its email once', async () => {
    const { engine, store, save } = setup([label]);
    await save(manualChain());
    const first = await engine.runAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'k-1' });
    const again = await engine.runAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'k-1' });
    expect(first.status).toBe('completed');
    expect(again.id).toBe(first.id);
    expect((await store.runs.list({ userId: 'u1' })).total).toBe(1);
    expect((await store.collection('outbox').find('u1')).total).toBe(1);
    const other = await engine.runAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'k-2' });
    expect(other.id).not.toBe(first.id);
  });

  it('keeps keys apart per automation and per tenant', async () => {
    const { engine, save } = setup([label]);
    await save(manualChain());
    await save({ ...manualChain(), id: 'auto-2' });
    await save({ ...manualChain(), userId: 'u2' });
    const a = await engine.runAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'same' });
    const b = await engine.runAutomation('auto-2', payload, { userId: 'u1', idempotencyKey: 'same' });
    const c = await engine.runAutomation('auto-1', payload, { userId: 'u2', idempotencyKey: 'same' });
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
  });

  it('starts a new run once the key is older than 24 hours', async () => {
    const { engine, clock, save } = setup([label]);
    await save(manualChain());
    const first = await engine.runAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'k' });
    clock.set(new Date(clock.now().getTime() + IDEMPOTENCY_TTL_MS - 1000));
    expect((await engine.runAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'k' })).id).toBe(first.id);
    clock.set(new Date(clock.now().getTime() + 2000));
    const later = await engine.runAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'k' });
    expect(later.id).not.toBe(first.id);
    expect((await engine.runAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'k' })).id).toBe(later.id);
  });

  it('gives one run when two workers take the same key at once', async () => {
    const store = createMemoryStore();
    const a = setup([label], { store, workerId: 'a' });
    const b = setup([label], { store, workerId: 'b' });
    await a.save(manualChain());
    const [fromA, fromB] = await Promise.all([
      a.engine.startAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'k' }),
      b.engine.startAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'k' }),
    ]);
    expect(fromA.run.id).toBe(fromB.run.id);
    expect([fromA.replayed, fromB.replayed].sort()).toEqual([false, true]);
    await Promise.all([fromA.finished, fromB.finished]);
    expect((await store.runs.list({ userId: 'u1' })).total).toBe(1);
    expect((await store.collection('outbox').find('u1')).total).toBe(1);
  });

  it('starts the run when the first call died before it was stored', async () => {
    const memory = createMemoryStore();
    let crash = true;
    // The first process dies in the run insert, as a SIGKILL would leave it: nothing stored.
    const store = {
      ...memory,
      runs: {
        ...memory.runs,
        create: async (...args: Parameters<typeof memory.runs.create>) => {
          if (crash) {
            crash = false;
            throw new Error('process killed');
          }
          return memory.runs.create(...args);
        },
      },
    };
    const { engine, save } = setup([label], { store });
    await save(manualChain());
    await expect(engine.runAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'k' })).rejects.toThrow(
      'process killed',
    );
    const run = await engine.runAutomation('auto-1', payload, { userId: 'u1', idempotencyKey: 'k' });
    expect(run.status).toBe('completed');
    expect((await memory.runs.list({ userId: 'u1' })).total).toBe(1);
  });

  it('refuses an empty or oversized key', async () => {
    const { engine, save } = setup([label]);
    await save(manualChain());
    await expect(engine.runAutomation('auto-1', {}, { userId: 'u1', idempotencyKey: '' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
    await expect(
      engine.runAutomation('auto-1', {}, { userId: 'u1', idempotencyKey: 'x'.repeat(501) }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('startAutomation', () => {
  it('resolves once the run is stored, before a slow node finishes', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow = defineNode({
      type: 'slow',
      kind: 'action',
      version: 1,
      title: { fr: 'Lent', en: 'Slow' },
      configSchema: z.object({}),
      execute: async (): Promise<NodeResult> => {
        await gate;
        return { output: { done: true } };
      },
    });
    const { engine, store, save } = setup([slow]);
    await save(chain([{ id: 's', type: 'slow' }]));
    const started = await engine.startAutomation('auto-1', payload, { userId: 'u1' });
    expect(started.replayed).toBe(false);
    expect((await store.runs.get(started.run.userId, started.run.id))?.status).toBe('running');
    open();
    const done = await started.finished;
    expect(done).toMatchObject({ id: started.run.id, status: 'completed', outputs: { s: { done: true } } });
  });

  it('stores a run of an invalid automation as failed, with its problems', async () => {
    const { engine, save } = setup();
    await save(chain([{ id: 'x', type: 'missing_type' }]));
    const started = await engine.startAutomation('auto-1', payload, { userId: 'u1' });
    expect(await started.finished).toMatchObject({ status: 'failed', errorCode: 'GRAPH_INVALID' });
  });
});
