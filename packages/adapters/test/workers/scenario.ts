import type { Automation, Store } from '@swigs/automation-core';
import { createMongoStore } from '@swigs/automation-adapters/mongodb';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';

/** Where a worker's store lives. */
export type StoreTarget = { kind: 'sqlite'; filename: string } | { kind: 'mongodb'; url: string; dbName: string };

export const USER_ID = 'tenant-crash';
export const FROM = 'Boutique Léman <info@boutique-leman.ch>';

export async function openStore(target: StoreTarget): Promise<Store> {
  if (target.kind === 'sqlite') return createSqliteStore({ filename: target.filename });
  return createMongoStore({ url: target.url, dbName: target.dbName });
}

const base = (
  id: string,
  name: string,
): Pick<Automation, 'id' | 'userId' | 'name' | 'description' | 'isActive' | 'version' | 'stats'> => ({
  id,
  userId: USER_ID,
  name,
  description: '',
  isActive: true,
  version: 1,
  stats: { totalRuns: 0, successfulRuns: 0, failedRuns: 0, lastRunAt: null, lastError: null },
});

/** order.paid -> wait 1 min -> thank-you e-mail -> wait 1 min -> transform (the run's summary). */
export function mailFlow(): Automation {
  return {
    ...base('auto-mail-flow', 'Merci après paiement'),
    trigger: { type: 'order.paid', config: {} },
    nodes: [
      {
        id: 'wait-1',
        type: 'wait',
        position: { x: 0, y: 100 },
        config: { duration: 1, unit: 'minutes' },
        connections: [{ targetId: 'thanks', condition: 'default' }],
      },
      {
        id: 'thanks',
        type: 'send_email',
        position: { x: 0, y: 200 },
        config: {
          to: '{{trigger.customer.email}}',
          subject: 'Merci pour la commande {{trigger.orderNumber}}',
          body: '<p>Merci {{trigger.customer.firstName}} !</p>',
          useLayout: false,
        },
        connections: [{ targetId: 'wait-2', condition: 'default' }],
      },
      {
        id: 'wait-2',
        type: 'wait',
        position: { x: 0, y: 300 },
        config: { duration: 1, unit: 'minutes' },
        connections: [{ targetId: 'summary', condition: 'default' }],
      },
      {
        id: 'summary',
        type: 'transform',
        position: { x: 0, y: 400 },
        config: { fields: { order: '{{trigger.orderNumber}}', thanked: '{{nodes.thanks.messageId}}' } },
        connections: [],
      },
    ],
  };
}

/** order.paid -> wait 1 min -> webhook "a" -> wait 1 min -> webhook "b": each call is one side effect, keyed by run and node. */
export function hookFlow(hookUrl: string): Automation {
  const call = (id: string, next?: string) => ({
    id,
    type: 'webhook',
    position: { x: 0, y: 0 },
    config: { method: 'POST', url: hookUrl, body: { node: id, order: '{{trigger.orderNumber}}' } },
    connections: next ? [{ targetId: next, condition: 'default' as const }] : [],
  });
  const pause = (id: string, next: string) => ({
    id,
    type: 'wait',
    position: { x: 0, y: 0 },
    config: { duration: 1, unit: 'minutes' },
    connections: [{ targetId: next, condition: 'default' as const }],
  });
  return {
    ...base('auto-hook-flow', 'Deux appels'),
    trigger: { type: 'order.paid', config: {} },
    nodes: [pause('pause-1', 'a'), call('a', 'pause-2'), pause('pause-2', 'b'), call('b')],
  };
}

/** order.paid -> wait 7 days -> webhook "after-week". */
export function weekFlow(hookUrl: string): Automation {
  return {
    ...base('auto-week', 'Une semaine plus tard'),
    trigger: { type: 'order.paid', config: {} },
    nodes: [
      {
        id: 'week',
        type: 'wait',
        position: { x: 0, y: 0 },
        config: { duration: 7, unit: 'days' },
        connections: [{ targetId: 'after-week', condition: 'default' }],
      },
      {
        id: 'after-week',
        type: 'webhook',
        position: { x: 0, y: 0 },
        config: { method: 'POST', url: hookUrl, body: { node: 'after-week', order: '{{trigger.orderNumber}}' } },
        connections: [],
      },
    ],
  };
}

/** A `time.schedule` trigger (6-field cron, seconds) -> webhook carrying the slot. */
export function cronFlow(hookUrl: string, cron: string): Automation {
  return {
    ...base('auto-cron', 'Tâche planifiée'),
    trigger: { type: 'time.schedule', config: { cron, timezone: 'Europe/Zurich' } },
    nodes: [
      {
        id: 'tick',
        type: 'webhook',
        position: { x: 0, y: 0 },
        config: { method: 'POST', url: hookUrl, body: { node: 'cron', slot: '{{trigger.scheduledAt}}' } },
        connections: [],
      },
    ],
  };
}

/** An order.paid payload for order `n`. */
export function order(n: number): Record<string, unknown> {
  return {
    orderId: `ord_${n}`,
    orderNumber: String(1000 + n),
    status: 'paid',
    customer: { id: `cus_${n}`, email: `client${n}@example.ch`, firstName: 'Léa', lastName: 'Müller' },
    total: 129.5,
    currency: 'CHF',
    items: [{ sku: 'TSH-ALP-M', name: 'T-shirt Alpes', quantity: 1, price: 129.5 }],
    siteId: 'boutique-lausanne',
    updatedAt: '2026-03-02T09:20:00.000Z',
  };
}
