// A custom "loyalty points" node, loaded through the package's ESM entry.
import assert from 'node:assert/strict';
import {
  AutomationSchema,
  createEngine,
  createFakeClock,
  createMemoryStore,
  createRegistry,
  defineNode,
} from '@swigs/automation-core';
import { z } from 'zod';

const orderPaid = defineNode({
  type: 'order.paid',
  kind: 'trigger',
  version: 1,
  title: { fr: 'Commande payée', en: 'Order paid' },
  configSchema: z.object({}),
  sampleOutput: { order: { id: 'A-1', totalCentimes: 12_950 } },
});

const awardPoints = defineNode({
  type: 'loyalty.award_points',
  kind: 'action',
  version: 1,
  title: { fr: 'Attribuer des points', en: 'Award points' },
  configSchema: z.object({ pointsPerFranc: z.number().int().positive().default(1) }),
  async execute(ctx) {
    const totalCentimes = ctx.data.trigger.order.totalCentimes;
    const points = Math.floor(totalCentimes / 100) * ctx.config.pointsPerFranc;
    if (!ctx.dryRun) {
      await ctx.ports.documents
        .collection('loyalty')
        .insert({ id: ctx.idempotencyKey, userId: ctx.run.userId, points });
    }
    return { output: { points } };
  },
});

const store = createMemoryStore();
const engine = createEngine({
  store,
  registry: createRegistry([orderPaid, awardPoints]),
  clock: createFakeClock('2026-03-02T09:00:00Z'),
});
await store.automations.save(
  AutomationSchema.parse({
    id: 'fidelite',
    userId: 'shop-1',
    name: 'Fidélité',
    isActive: true,
    trigger: { type: 'order.paid', config: {} },
    nodes: [{ id: 'points', type: 'loyalty.award_points', config: { pointsPerFranc: 2 } }],
  }),
);

const [run] = await engine.fire(
  'order.paid',
  { order: { id: 'A-1', totalCentimes: 12_950 } },
  { dedupeKey: 'order:A-1:paid' },
);
assert.equal(run.status, 'completed', run.error ?? 'run did not complete');
assert.deepEqual(run.outputs.points, { points: 258 });
const { items } = await store.collection('loyalty').find('shop-1');
assert.deepEqual(
  items.map((doc) => doc.points),
  [258],
);

const dry = await engine.testAutomation(await store.automations.get('shop-1', 'fidelite'));
assert.equal(dry.status, 'completed');
assert.deepEqual(dry.timeline.at(-1).output, { points: 258 });
assert.equal((await store.collection('loyalty').find('shop-1')).total, 1, 'a dry run must not write');

console.log(`custom-node (ESM): run ${run.status}, ${run.outputs.points.points} points awarded`);
