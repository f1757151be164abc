import { z } from 'zod';
import {
  type Automation,
  AutomationSchema,
  ConditionGroupSchema,
  createRegistry,
  defineNode,
  evaluateCondition,
  type Registry,
  type Store,
} from '@swigs/automation-core';

// The same 4-node automation as the core bench (trigger -> condition -> transform -> outbox action), so the
// figures compare; `wait_until` parks a run until `trigger.dueAt`, for the resume and lag figures.
const orderPaid = defineNode({
  type: 'order.paid',
  kind: 'trigger',
  version: 1,
  title: { fr: 'Commande payée', en: 'Order paid' },
  configSchema: z.object({}),
});
const condition = defineNode({
  type: 'condition',
  kind: 'condition',
  version: 1,
  title: { fr: 'Condition', en: 'Condition' },
  configSchema: ConditionGroupSchema,
  execute: (ctx) => ({ branch: evaluateCondition(ctx.config, ctx.data) ? 'true' : 'false' }),
});
const transform = defineNode({
  type: 'transform',
  kind: 'action',
  version: 1,
  title: { fr: 'Transformer', en: 'Transform' },
  configSchema: z.object({ prefix: z.string() }),
  execute: (ctx) => {
    const order = (ctx.data.trigger as { order: { id: string; total: number } }).order;
    return { output: { reference: `${ctx.config.prefix}${order.id}`, totalCentimes: Math.round(order.total * 100) } };
  },
});
const outbox = defineNode({
  type: 'outbox',
  kind: 'action',
  version: 1,
  title: { fr: 'Boîte d’envoi', en: 'Outbox' },
  configSchema: z.object({ subject: z.string() }),
  execute: async (ctx) => {
    const reference = (ctx.data.nodes.transform as { reference: string }).reference;
    await ctx.ports.store
      .collection('outbox')
      .insert({ id: ctx.idempotencyKey, userId: ctx.run.userId, subject: `${ctx.config.subject} ${reference}` });
    return { output: { queued: true } };
  },
});
const waitUntil = defineNode({
  type: 'wait_until',
  kind: 'wait',
  version: 1,
  title: { fr: 'Attendre jusqu’à', en: 'Wait until' },
  configSchema: z.object({}),
  execute: (ctx) => {
    const dueAt = (ctx.data.trigger as { dueAt?: number }).dueAt;
    return { waitUntil: new Date(dueAt ?? ctx.clock.now().getTime() + 2 * 86_400_000) };
  },
});

export const registry: Registry = createRegistry([orderPaid, condition, transform, outbox, waitUntil]);

export const fourNodes: Automation = AutomationSchema.parse({
  id: 'bench-4',
  userId: 'u1',
  name: 'Bench',
  isActive: true,
  trigger: { type: 'order.paid', config: {} },
  nodes: [
    {
      id: 'paid',
      type: 'condition',
      config: { combinator: 'all', conditions: [{ field: 'trigger.order.status', operator: 'equals', value: 'paid' }] },
      connections: [{ targetId: 'transform', condition: 'true' }],
    },
    { id: 'transform', type: 'transform', config: { prefix: 'CMD-' }, connections: [{ targetId: 'send' }] },
    { id: 'send', type: 'outbox', config: { subject: 'Merci pour la commande' } },
  ],
});

/** order.paid -> wait until `trigger.dueAt` -> transform -> outbox. */
export const parked: Automation = AutomationSchema.parse({
  ...fourNodes,
  id: 'bench-wait',
  nodes: [
    { id: 'wait', type: 'wait_until', config: {}, connections: [{ targetId: 'transform' }] },
    { id: 'transform', type: 'transform', config: { prefix: 'CMD-' }, connections: [{ targetId: 'send' }] },
    { id: 'send', type: 'outbox', config: { subject: 'Merci' } },
  ],
});

export const payload = (i: number, dueAt?: number): unknown => ({
  order: { id: String(i), status: 'paid', total: 49.9 },
  customer: { email: 'anna@example.ch' },
  ...(dueAt === undefined ? {} : { dueAt }),
});

/** Calls `fire(i)` for i in [0, count), `concurrency` at a time. */
export async function fireMany(fire: (i: number) => Promise<unknown>, count: number, concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await fire(next++);
    }),
  );
}

export async function countRuns(store: Store, status: 'completed' | 'waiting'): Promise<number> {
  return (await store.runs.list({ userId: 'u1', status: [status], limit: 0 })).total;
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
