import { describe, expect, it } from 'vitest';
import { testRunStore } from '../src/testing/index';
import {
  AutomationSchema,
  createEngine,
  createFakeClock,
  createMemoryRunStore,
  defineNode,
  type RunStore,
} from '../src/index';
import { createRegistry } from '../src/node/registry';
import { z } from 'zod';
import { orderPaid, wait } from './fixtures/test-nodes';

/**
 * A store that implements only what the engine needs (`RunStore`): no documents, no cursors, no counters. Its
 * parts are the memory store's run repositories, so what it proves is the contract: the run suite and the engine
 * ask for nothing more.
 */
function createRunOnlyStore(): RunStore {
  const { name, automations, runs, keys, close } = createMemoryRunStore();
  return { name: `run-only ${name}`, automations, runs, keys, close };
}

testRunStore({ name: 'run-only memory', create: createRunOnlyStore });

describe('a run-only store', () => {
  it('has no capability beyond the run store', () => {
    expect(Object.keys(createRunOnlyStore()).sort()).toEqual(['automations', 'close', 'keys', 'name', 'runs']);
  });

  it('runs automations through waits, with nodes that ask for no documents', async () => {
    const store = createRunOnlyStore();
    const clock = createFakeClock('2026-03-02T09:00:00Z');
    const stamp = defineNode({
      type: 'stamp',
      kind: 'action',
      version: 1,
      title: { fr: 'Tampon', en: 'Stamp' },
      configSchema: z.object({}),
      execute: (ctx) => ({
        output: { documents: ctx.ports.documents === undefined, at: ctx.clock.now().toISOString() },
      }),
    });
    const engine = createEngine({ store, registry: createRegistry([orderPaid, wait, stamp]), clock });
    await store.automations.save(
      AutomationSchema.parse({
        id: 'a1',
        userId: 'u1',
        name: 'Relance',
        isActive: true,
        trigger: { type: 'order.paid', config: {} },
        nodes: [
          { id: 'w', type: 'wait', config: { minutes: 1 }, connections: [{ targetId: 's', condition: 'default' }] },
          { id: 's', type: 'stamp', config: {} },
        ],
      }),
    );
    const [parked] = await engine.fire('order.paid', { order: { id: 'o-1' } }, { dedupeKey: 'order:o-1:paid' });
    expect(parked?.status).toBe('waiting');
    expect(await engine.fire('order.paid', { order: { id: 'o-1' } }, { dedupeKey: 'order:o-1:paid' })).toEqual([]);
    await clock.advance(60_000);
    expect(await engine.resumeDue()).toBe(1);
    const done = await store.runs.get('u1', parked!.id);
    expect(done).toMatchObject({ status: 'completed', outputs: { s: { documents: true } } });
    expect((await store.automations.get('u1', 'a1'))?.stats).toMatchObject({ totalRuns: 1, successfulRuns: 1 });
    await engine.stop();
    await store.close();
  });
});
