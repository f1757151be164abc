import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '../src/errors/swigs-error';
import type { Store } from '../src/ports/store';
import { createMemoryStore } from '../src/store/index';
import { chain, setup } from './fixtures/harness';

const order = { order: { id: 'A-1', status: 'paid' }, customer: { email: 'anna@example.ch', name: 'Anna' } };

describe('fire with a dedupe key', () => {
  it('starts one run per automation for a key, however often the event arrives', async () => {
    const { engine, save } = setup();
    await save(chain([{ id: 't', type: 'transform', config: { field: 'trigger.order.id', as: 'orderId' } }]));
    const first = await engine.fire('order.paid', order, { dedupeKey: 'cms:order:A-1:paid' });
    const again = await Promise.all(
      [1, 2, 3].map(() => engine.fire('order.paid', order, { dedupeKey: 'cms:order:A-1:paid' })),
    );
    expect(first).toHaveLength(1);
    expect(again.flat()).toEqual([]);
  });

  it('does not start a second run when a crash lost the key but the run was stored', async () => {
    const { engine, store, save } = setup();
    await save(chain([{ id: 't', type: 'transform', config: { field: 'trigger.order.id', as: 'orderId' } }]));
    const [run] = await engine.fire('order.paid', order, { dedupeKey: 'cms:order:A-1:paid' });
    // The state a crash between the run insert and the key write leaves behind.
    await store.keys.delete(`cms:order:A-1:paid:auto-1`);
    expect(await engine.fire('order.paid', order, { dedupeKey: 'cms:order:A-1:paid' })).toEqual([]);
    expect((await store.runs.list({ userId: 'u1' })).items.map((r) => r.id)).toEqual([run!.id]);
  });

  it('still refuses the key once the run was purged', async () => {
    const { engine, store, save } = setup();
    await save(chain([{ id: 't', type: 'transform', config: { field: 'trigger.order.id', as: 'orderId' } }]));
    const [run] = await engine.fire('order.paid', order, { dedupeKey: 'k1' });
    await store.runs.delete('u1', run!.id);
    expect(await engine.fire('order.paid', order, { dedupeKey: 'k1' })).toEqual([]);
  });
});

describe('fire when the store fails', () => {
  it('rejects so the caller can deliver the event again, and a second delivery starts the run once', async () => {
    const base = createMemoryStore();
    let failCreate = true;
    // A store whose run insert fails once, as a dropped database connection would.
    const store: Store = {
      ...base,
      name: base.name,
      automations: base.automations,
      keys: base.keys,
      cursors: base.cursors,
      counters: base.counters,
      collection: (name) => base.collection(name),
      close: () => base.close(),
      runs: {
        ...base.runs,
        create: async (run) => {
          if (failCreate) {
            failCreate = false;
            throw new Error('connection reset');
          }
          return base.runs.create(run);
        },
      },
    };
    const { engine, save } = setup([], { store });
    await save(chain([{ id: 't', type: 'transform', config: { field: 'trigger.order.id', as: 'orderId' } }]));
    const error = await engine.fire('order.paid', order, { dedupeKey: 'k2' }).catch((e: unknown) => e);
    expect(hasErrorCode(error, 'ADAPTER_FAILURE')).toBe(true);
    expect((error as Error).message).toContain('connection reset');
    expect(await engine.fire('order.paid', order, { dedupeKey: 'k2' })).toHaveLength(1);
    expect(await engine.fire('order.paid', order, { dedupeKey: 'k2' })).toHaveLength(0);
  });
});
