import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DefinitionInvalidError } from '../src/errors/errors';
import { defineNode } from '../src/node/define-node';
import type { Store } from '../src/ports/store';
import { createMemoryStore } from '../src/store/index';
import { chain, setup } from './fixtures/harness';
import { label } from './fixtures/test-nodes';

const order = {
  order: { id: 'A-1', status: 'paid' },
  customer: { email: 'anna@example.ch', name: 'Anna' },
  siteId: 's1',
};

const broken = defineNode({
  type: 'broken',
  kind: 'action',
  version: 1,
  title: { fr: 'En panne', en: 'Broken' },
  configSchema: z.object({}),
  retry: false,
  execute: () => {
    throw new Error('CRM indisponible');
  },
});

const pause = defineNode({
  type: 'pause',
  kind: 'wait',
  version: 1,
  title: { fr: 'Pause', en: 'Pause' },
  configSchema: z.object({ days: z.number() }),
  sideEffects: false,
  execute: (ctx) => ({ waitUntil: new Date(ctx.clock.now().getTime() + ctx.config.days * 86_400_000) }),
});

/** The memory store, with each run write (`create:<status>` or `checkpoint:<status>`) recorded on its way in. */
function countingStore(): { store: Store; writes: string[] } {
  const memory = createMemoryStore();
  const writes: string[] = [];
  const runs = { ...memory.runs };
  runs.create = (run, options) => {
    writes.push(`create:${run.status}`);
    return memory.runs.create(run, options);
  };
  runs.checkpoint = (run, workerId, options) => {
    writes.push(`checkpoint:${run.status}`);
    return memory.runs.checkpoint(run, workerId, options);
  };
  return { store: { ...memory, runs }, writes };
}

describe('checkpoints', () => {
  it('saves side-effect-free nodes with the next checkpoint, and the outcome with its stats in one write', async () => {
    const { store, writes } = countingStore();
    const { engine, save } = setup([label], { store });
    await save(
      chain([
        { id: 'a', type: 'label', config: { text: 'Commande' } },
        { id: 'b', type: 'label', config: { text: 'Merci' } },
        { id: 'mail', type: 'send_email', config: { to: '{{customer.email}}', subject: '{{nodes.b.text}}' } },
      ]),
    );
    const [run] = await engine.fire('order.paid', order);
    expect(writes).toEqual(['create:running', 'checkpoint:completed']);
    const stored = await store.runs.get(run!.userId, run!.id);
    expect(stored?.executionLog.map((entry) => [entry.nodeId, entry.status])).toEqual([
      ['a', 'success'],
      ['b', 'success'],
      ['mail', 'success'],
    ]);
    expect(stored?.outputs.b).toEqual({ text: 'Merci A-1' });
    expect((await store.automations.get('u1', 'auto-1'))?.stats).toMatchObject({
      totalRuns: 1,
      successfulRuns: 1,
      failedRuns: 0,
    });
  });

  it('writes a node with side effects before the run goes on', async () => {
    const { store, writes } = countingStore();
    const { engine, save } = setup([], { store });
    await save(
      chain([
        { id: 'mail', type: 'send_email', config: { to: 'a@b.ch', subject: 'Un' } },
        { id: 'again', type: 'send_email', config: { to: 'a@b.ch', subject: 'Deux' } },
      ]),
    );
    await engine.fire('order.paid', order);
    expect(writes).toEqual(['create:running', 'checkpoint:running', 'checkpoint:completed']);
    expect((await store.automations.get('u1', 'auto-1'))?.stats).toMatchObject({ totalRuns: 1, successfulRuns: 1 });
  });

  it('counts a failure once, with the side-effect-free steps before it in the log', async () => {
    const { store, writes } = countingStore();
    const { engine, save } = setup([label, broken], { store });
    await save(
      chain([
        { id: 'a', type: 'label', config: { text: 'x' } },
        { id: 'crm', type: 'broken' },
      ]),
    );
    const [run] = await engine.fire('order.paid', order);
    expect(run?.status).toBe('failed');
    expect(writes).toEqual(['create:running', 'checkpoint:failed']);
    expect((await store.runs.get(run!.userId, run!.id))?.executionLog.map((entry) => entry.status)).toEqual([
      'success',
      'failed',
    ]);
    expect((await store.automations.get('u1', 'auto-1'))?.stats).toMatchObject({
      totalRuns: 1,
      successfulRuns: 0,
      failedRuns: 1,
      lastError: 'node "crm" (broken) failed: CRM indisponible',
    });
  });

  it('writes a run made only of side-effect-free nodes once, when it ends', async () => {
    const { store, writes } = countingStore();
    const { engine, save } = setup([label], { store });
    await save(
      chain([
        { id: 'a', type: 'label', config: { text: 'x' } },
        { id: 'b', type: 'label', config: { text: 'y' } },
      ]),
    );
    const [run] = await engine.fire('order.paid', order);
    expect(writes).toEqual(['create:completed']);
    expect((await store.runs.get(run!.userId, run!.id))?.executionLog).toHaveLength(2);
    expect((await store.automations.get('u1', 'auto-1'))?.stats).toMatchObject({ totalRuns: 1, successfulRuns: 1 });
  });

  it('parks a run in a wait with one write that counts it started', async () => {
    const { store, writes } = countingStore();
    const { engine, save } = setup([label, pause], { store });
    await save(
      chain([
        { id: 'a', type: 'label', config: { text: 'x' } },
        { id: 'w', type: 'pause', config: { days: 2 } },
      ]),
    );
    const [run] = await engine.fire('order.paid', order);
    expect(run?.status).toBe('waiting');
    expect(writes).toEqual(['create:waiting']);
    expect((await store.automations.get('u1', 'auto-1'))?.stats).toMatchObject({
      totalRuns: 1,
      successfulRuns: 0,
      failedRuns: 0,
    });
  });

  it('refuses a node definition whose sideEffects is not a boolean', () => {
    expect(() => defineNode({ ...label, sideEffects: 'no' as unknown as boolean })).toThrow(DefinitionInvalidError);
    expect(() => defineNode({ ...label, sideEffects: 'no' as unknown as boolean })).toThrow(
      'sideEffects must be a boolean',
    );
  });
});
