import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import {
  AdapterError,
  type Automation,
  createEngine,
  createFakeClock,
  type Engine,
  type FakeClock,
  type Store,
} from '@swigs/automation-core';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventRedelivery, type PendingEventDoc } from '../../src/invoicing/index';
import { CLIENT, type Harness, startHarness } from './harness';

const A = 'tenant-a';
const B = 'tenant-b';
const dir = mkdtempSync(join(tmpdir(), 'swigs-event-redelivery-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
let store: Store;
let clock: FakeClock;
let engine: Engine;
let h: Harness;
/** While on, the engine's `fire` fails as if its store were unreachable: events stay in the outbox. */
const outage = { on: false };

beforeEach(async () => {
  store = createSqliteStore({ filename: join(dir, `redelivery-${++n}.db`) });
  clock = createFakeClock('2026-03-05T09:00:00Z');
  engine = createEngine({ store, registry: createDefaultRegistry(), clock });
  const flaky = new Proxy(engine, {
    get(target, property) {
      if (property === 'fire' && outage.on) {
        return async () => {
          throw new AdapterError('sqlite', 'store unavailable');
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  outage.on = false;
  h = await startHarness({ store, engine: flaky, clock });
});
afterEach(async () => {
  await h.close();
});

async function listenTo(userId: string, type: string, id: string): Promise<void> {
  const automation: Automation = {
    id,
    userId,
    name: id,
    description: '',
    isActive: true,
    version: 1,
    trigger: { type, config: {} },
    nodes: [
      {
        id: 'note',
        type: 'transform',
        position: { x: 0, y: 0 },
        connections: [],
        config: { fields: { seen: '{{trigger.number}}' } },
      },
    ],
    stats: { totalRuns: 0, successfulRuns: 0, failedRuns: 0, lastRunAt: null, lastError: null },
  } as unknown as Automation;
  await store.automations.save(automation);
}

async function runsOf(userId: string, automationId: string): Promise<number> {
  return (await store.runs.list({ userId, automationId, limit: 100 })).total;
}

async function pending(userId: string): Promise<PendingEventDoc[]> {
  return (await store.collection<PendingEventDoc>('eventoutbox').find(userId)).items;
}

async function createInvoice(userId: string): Promise<{ id: string; number: string }> {
  const project = await h.call(userId, 'POST', '/api/projects', { name: 'Site vitrine', client: CLIENT });
  const invoice = await h.call(userId, 'POST', `/api/projects/${project.body.id}/invoices`, {
    invoiceType: 'custom',
    customLines: [{ description: 'Conception', quantity: 1, unitPrice: 500 }],
  });
  expect(invoice.status).toBe(201);
  return invoice.body;
}

describe('invoicing events through the outbox', () => {
  it('delivers an event at once and leaves nothing behind', async () => {
    await listenTo(A, 'invoice.created', 'on-created');
    await createInvoice(A);
    expect(await runsOf(A, 'on-created')).toBe(1);
    expect(await pending(A)).toEqual([]);
  });

  it('keeps an event the engine could not take, and delivers it once, later, for its own tenant only', async () => {
    await listenTo(A, 'invoice.created', 'on-created-a');
    await listenTo(B, 'invoice.created', 'on-created-b');
    outage.on = true;
    const invoice = await createInvoice(A);
    // The request succeeded: the invoice is stored, its event waits in the outbox next to it.
    expect((await h.call(A, 'GET', `/api/invoices/${invoice.id}`)).status).toBe(200);
    const left = await pending(A);
    expect(left.map((event) => event.type)).toEqual(['invoice.created']);
    expect((left[0]!.payload as { invoiceId: string }).invoiceId).toBe(invoice.id);
    expect(await runsOf(A, 'on-created-a')).toBe(0);
    outage.on = false;

    const redelivery = createEventRedelivery({ store, engine, clock, graceMs: 10_000 });
    // Still young: the request that wrote it may be delivering it right now.
    expect(await redelivery.runOnce()).toBe(0);
    await clock.advance(11_000);
    expect(await redelivery.runOnce()).toBe(1);
    expect(await runsOf(A, 'on-created-a')).toBe(1);
    expect(await runsOf(B, 'on-created-b')).toBe(0);
    expect(await pending(A)).toEqual([]);
    expect(await redelivery.runOnce()).toBe(0);
    expect(await runsOf(A, 'on-created-a')).toBe(1);
  });

  it('starts no second run when an event is delivered again (a crash after fire, before the delete)', async () => {
    await listenTo(A, 'project.status_changed', 'on-status');
    await listenTo(A, 'invoice.paid', 'on-paid');
    outage.on = true;
    const project = await h.call(A, 'POST', '/api/projects', { name: 'Refonte', client: CLIENT, status: 'active' });
    expect((await h.call(A, 'PATCH', `/api/projects/${project.body.id}`, { status: 'completed' })).status).toBe(200);
    const [event] = await pending(A);
    expect(event?.type).toBe('project.status_changed');
    outage.on = false;

    const redelivery = createEventRedelivery({ store, engine, clock, graceMs: 0 });
    expect(await redelivery.runOnce()).toBe(1);
    expect(await runsOf(A, 'on-status')).toBe(1);
    // The same event back in the outbox, as a crash between the runs' write and its deletion would leave it.
    await store.collection<PendingEventDoc>('eventoutbox').insert(event!);
    const twice = await Promise.all([redelivery.runOnce(), redelivery.runOnce()]);
    expect(twice.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(1);
    expect(await runsOf(A, 'on-status')).toBe(1);
    expect(await pending(A)).toEqual([]);
  });

  it('drops an event too old to start automations, instead of running them days late', async () => {
    await listenTo(A, 'invoice.created', 'on-created');
    outage.on = true;
    await createInvoice(A);
    outage.on = false;
    await clock.advance(8 * 86_400_000);
    const redelivery = createEventRedelivery({ store, engine, clock });
    expect(await redelivery.runOnce()).toBe(0);
    expect(await pending(A)).toEqual([]);
    expect(await runsOf(A, 'on-created')).toBe(0);
  });
});
