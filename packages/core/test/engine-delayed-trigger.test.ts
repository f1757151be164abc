import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode } from '../src/node/define-node';
import { createMemoryStore } from '../src/store/index';
import { chain, setup } from './fixtures/harness';
import { label } from './fixtures/test-nodes';

const MINUTE = 60_000;

/** A delayed trigger modelled on `time.delay`: `minutes` after each `event`. */
const after = defineNode({
  type: 'after',
  kind: 'trigger',
  version: 1,
  title: { fr: 'Après un événement', en: 'After an event' },
  configSchema: z.object({ event: z.string(), minutes: z.number().int().min(0), siteId: z.string().optional() }),
  matches: ({ config, payload }) => !config.siteId || (payload as { siteId?: string }).siteId === config.siteId,
  delay: {
    sourceEvent: (config) => config.event,
    startAt: ({ config, now }) => new Date(now.getTime() + config.minutes * MINUTE),
  },
});

const order = { order: { id: 'A-1', status: 'paid' }, customer: { email: 'anna@example.ch' }, siteId: 's1' };

const delayedChain = (minutes: number, overrides: Record<string, unknown> = {}) =>
  chain([{ id: 'l', type: 'label', config: { text: 'Merci' } }], {
    trigger: { type: 'after', config: { event: 'order.paid', minutes } },
    ...overrides,
  });

describe('a delayed trigger', () => {
  it('stores a waiting run when its source event fires, and starts it once the delay is over', async () => {
    const { engine, store, clock, save } = setup([after, label]);
    await save(delayedChain(30));
    const [run] = await engine.fire('order.paid', order, { dedupeKey: 'order:A-1:paid' });
    expect(run).toMatchObject({ status: 'waiting', triggerType: 'after', startedAt: null, executionLog: [] });
    expect(run?.scheduledAt?.toISOString()).toBe('2026-03-02T09:30:00.000Z');
    expect((await store.runs.get(run!.userId, run!.id))?.status).toBe('waiting');
    expect((await store.automations.get('u1', 'auto-1'))?.stats.totalRuns).toBe(1);

    clock.set('2026-03-02T09:29:59Z');
    expect(await engine.resumeDue()).toBe(0);
    clock.set('2026-03-02T09:30:00Z');
    expect(await engine.resumeDue()).toBe(1);
    const done = await store.runs.get(run!.userId, run!.id);
    expect(done).toMatchObject({ status: 'completed', triggerData: order, outputs: { l: { text: 'Merci A-1' } } });
    expect(done?.startedAt?.toISOString()).toBe('2026-03-02T09:30:00.000Z');
    expect((await store.automations.get('u1', 'auto-1'))?.stats).toMatchObject({ totalRuns: 1, successfulRuns: 1 });
  });

  it('fires once per source event: the same event again starts nothing, another event its own run', async () => {
    const { engine, store, clock, save } = setup([after, label]);
    await save(delayedChain(10));
    await engine.fire('order.paid', order, { dedupeKey: 'order:A-1:paid' });
    expect(await engine.fire('order.paid', order, { dedupeKey: 'order:A-1:paid' })).toEqual([]);
    await engine.fire('order.paid', { ...order, order: { id: 'A-2' } }, { dedupeKey: 'order:A-2:paid' });
    clock.set('2026-03-02T10:00:00Z');
    expect(await engine.resumeDue()).toBe(2);
    expect(await engine.resumeDue()).toBe(0);
    const runs = (await store.runs.list({ userId: 'u1' })).items;
    expect(runs.map((r) => r.outputs.l).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { text: 'Merci A-1' },
      { text: 'Merci A-2' },
    ]);
  });

  it('survives a restart: another engine on the same store starts the run when it is due', async () => {
    const store = createMemoryStore();
    const first = setup([after, label], { store, workerId: 'a' });
    await first.save(delayedChain(60));
    await first.engine.fire('order.paid', order, { dedupeKey: 'order:A-1:paid' });
    await first.engine.stop();
    const second = setup([after, label], { store, workerId: 'b' });
    second.clock.set('2026-03-02T10:00:00Z');
    expect(await second.engine.resumeDue()).toBe(1);
    expect((await store.runs.list({ userId: 'u1' })).items.map((r) => r.status)).toEqual(['completed']);
  });

  it('applies its own filters to the source event and leaves other event types alone', async () => {
    const { engine, save } = setup([after, label]);
    await save(
      delayedChain(5, { trigger: { type: 'after', config: { event: 'order.paid', minutes: 5, siteId: 'other' } } }),
    );
    expect(await engine.fire('order.paid', order)).toEqual([]);
    expect(await engine.fire('order.shipped', order)).toEqual([]);
  });

  it('starts at once when the delay is zero', async () => {
    const { engine, save } = setup([after, label]);
    await save(delayedChain(0));
    const [run] = await engine.fire('order.paid', order);
    expect(run).toMatchObject({ status: 'completed', outputs: { l: { text: 'Merci A-1' } } });
  });

  it('dry-runs the delay on the virtual clock, the first node at the end of the delay', async () => {
    const { engine, save } = setup([after, label]);
    const automation = await save(delayedChain(90));
    const result = await engine.testAutomation(automation, order);
    expect(result.status).toBe('completed');
    expect(result.timeline[0]).toMatchObject({ nodeId: 'trigger', status: 'success' });
    expect(result.timeline[0]?.waitUntil?.toISOString()).toBe('2026-03-02T10:30:00.000Z');
    expect(result.timeline[1]?.at.toISOString()).toBe('2026-03-02T10:30:00.000Z');
  });

  it('refuses a delay hook on a node that is not a trigger', () => {
    expect(() =>
      defineNode({
        type: 'bad',
        kind: 'action',
        version: 1,
        title: { fr: 'Mauvais', en: 'Bad' },
        configSchema: z.object({}),
        execute: () => ({}),
        delay: { sourceEvent: () => 'x', startAt: ({ now }: { now: Date }) => now },
      } as never),
    ).toThrow(/delay is only for trigger nodes/);
  });
});
