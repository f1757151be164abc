import { z } from 'zod';
import { evaluateCondition } from '../conditions/evaluate-condition';
import { NonRetriableError } from '../errors/errors';
import { ConditionGroupSchema } from '../conditions/schema';
import { AutomationSchema, type Automation } from '../model/automation';
import { defineNode } from '../node/define-node';
import { createRegistry } from '../node/registry';
import type { Registry } from '../node/types';

/**
 * The reference workload of every benchmark (core, storage, server), so their figures compare:
 * order.paid -> condition (status = paid) -> transform -> an action writing to `collection('outbox')`.
 */
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
  // As the built-in condition, transform and wait: side-effect free, saved with the next write.
  sideEffects: false,
  execute: (ctx) => ({ branch: evaluateCondition(ctx.config, ctx.data) ? 'true' : 'false' }),
});

const transform = defineNode({
  type: 'transform',
  kind: 'action',
  version: 1,
  title: { fr: 'Transformer', en: 'Transform' },
  configSchema: z.object({ prefix: z.string() }),
  sideEffects: false,
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
    const documents = ctx.ports.documents;
    if (!documents) throw new NonRetriableError('outbox: no document store (ports.documents)');
    await documents
      .collection('outbox')
      .insert({ id: ctx.idempotencyKey, userId: ctx.run.userId, subject: `${ctx.config.subject} ${reference}` });
    return { output: { queued: true } };
  },
});

/** Parks a run until `trigger.dueAt` (epoch ms), or two days from now. */
const waitUntil = defineNode({
  type: 'wait_until',
  kind: 'wait',
  version: 1,
  title: { fr: 'Attendre jusqu’à', en: 'Wait until' },
  configSchema: z.object({}),
  sideEffects: false,
  execute: (ctx) => {
    const dueAt = (ctx.data.trigger as { dueAt?: number }).dueAt;
    return { waitUntil: new Date(dueAt ?? ctx.clock.now().getTime() + 2 * 86_400_000) };
  },
});

/** The registry of the reference workload's node types. */
export function createReferenceRegistry(): Registry {
  return createRegistry([orderPaid, condition, transform, outbox, waitUntil]);
}

/** The 4-node reference automation of tenant `userId` (default `u1`), with no wait. */
export function referenceAutomation(userId = 'u1'): Automation {
  return AutomationSchema.parse({
    id: 'bench-4',
    userId,
    name: 'Bench',
    isActive: true,
    trigger: { type: 'order.paid', config: {} },
    nodes: [
      {
        id: 'paid',
        type: 'condition',
        config: {
          combinator: 'all',
          conditions: [{ field: 'trigger.order.status', operator: 'equals', value: 'paid' }],
        },
        connections: [{ targetId: 'transform', condition: 'true' }],
      },
      { id: 'transform', type: 'transform', config: { prefix: 'CMD-' }, connections: [{ targetId: 'send' }] },
      { id: 'send', type: 'outbox', config: { subject: 'Merci pour la commande' } },
    ],
  });
}

/** order.paid -> wait until `trigger.dueAt` -> transform -> outbox: the parked-runs workload. */
export function referenceParkedAutomation(userId = 'u1'): Automation {
  return AutomationSchema.parse({
    ...referenceAutomation(userId),
    id: 'bench-wait',
    nodes: [
      { id: 'wait', type: 'wait_until', config: {}, connections: [{ targetId: 'transform' }] },
      { id: 'transform', type: 'transform', config: { prefix: 'CMD-' }, connections: [{ targetId: 'send' }] },
      { id: 'send', type: 'outbox', config: { subject: 'Merci' } },
    ],
  });
}

/** The order.paid payload of order `i`; `dueAt` (epoch ms) sets when a parked run resumes. */
export function referencePayload(i: number, dueAt?: number): Record<string, unknown> {
  return {
    order: { id: String(i), status: 'paid', total: 49.9 },
    customer: { email: 'anna@example.ch' },
    ...(dueAt === undefined ? {} : { dueAt }),
  };
}
