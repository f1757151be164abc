import { describe, expect, it } from 'vitest';
import { AutomationSchema, createEngine, createFakeClock, createMemoryStore } from '@swigs/automation-core';
import { createDefaultRegistry, DELAYABLE_EVENTS, orderDelivered, timeDelay } from '../src/index';

const delivered = orderDelivered.sampleOutput as Record<string, unknown>;

describe('time.delay', () => {
  it('follows every event trigger, never itself, a schedule, a manual start or a webhook', () => {
    expect([...DELAYABLE_EVENTS].sort()).toEqual([
      'customer.created',
      'invoice.created',
      'invoice.overdue',
      'invoice.paid',
      'order.created',
      'order.delivered',
      'order.paid',
      'order.shipped',
      'project.status_changed',
    ]);
    expect(timeDelay.configSchema.safeParse({ event: 'manual', duration: 1 }).success).toBe(false);
    expect(timeDelay.configSchema.safeParse({ event: 'order.delivered' }).error?.issues[0]?.message).toMatch(
      /positive duration/,
    );
  });

  it('filters the source event by site and status', () => {
    const config = timeDelay.configSchema.parse({
      event: 'order.delivered',
      duration: 3,
      siteId: 'boutique-lausanne',
      statusFilter: ['delivered'],
    });
    expect(timeDelay.matches?.({ config, payload: delivered })).toBe(true);
    expect(timeDelay.matches?.({ config, payload: { ...delivered, siteId: 'autre' } })).toBe(false);
    expect(timeDelay.matches?.({ config, payload: { ...delivered, status: 'returned' } })).toBe(false);
  });

  it('starts 3 calendar days after the event, at 09:00 Zurich time when asked', () => {
    const now = new Date('2026-03-05T10:30:00Z');
    const at = (config: Record<string, unknown>) =>
      timeDelay.delay?.startAt({ config: timeDelay.configSchema.parse(config), payload: delivered, now }).toISOString();
    expect(at({ event: 'order.delivered', duration: 3, unit: 'days' })).toBe('2026-03-08T10:30:00.000Z');
    expect(at({ event: 'order.delivered', duration: 3, unit: 'days', time: '09:00' })).toBe('2026-03-08T08:00:00.000Z');
    expect(at({ event: 'order.delivered', duration: 90, unit: 'seconds' })).toBe('2026-03-05T10:31:30.000Z');
    expect(timeDelay.delay?.sourceEvent(timeDelay.configSchema.parse({ event: 'invoice.paid', duration: 1 }))).toBe(
      'invoice.paid',
    );
  });

  it('runs once per delivered order, 3 days later, with the order as its trigger data', async () => {
    const store = createMemoryStore();
    const clock = createFakeClock('2026-03-05T10:30:00Z');
    const engine = createEngine({ store, registry: createDefaultRegistry(), clock });
    await store.automations.save(
      AutomationSchema.parse({
        id: 'avis',
        userId: 'u1',
        name: 'Avis 3 jours après la livraison',
        isActive: true,
        trigger: {
          type: 'time.delay',
          config: { event: 'order.delivered', duration: 3, unit: 'days', siteId: 'boutique-lausanne' },
        },
        nodes: [{ id: 't', type: 'transform', config: { fields: { ref: 'Commande {{trigger.orderNumber}}' } } }],
      }),
    );
    const [run] = await engine.fire('order.delivered', delivered, { dedupeKey: 'cms:order:1042:delivered' });
    expect(run).toMatchObject({ status: 'waiting', triggerType: 'time.delay' });
    expect(await engine.fire('order.delivered', delivered, { dedupeKey: 'cms:order:1042:delivered' })).toEqual([]);
    expect(await engine.fire('order.delivered', { ...delivered, siteId: 'ailleurs' })).toEqual([]);
    clock.set('2026-03-08T10:29:00Z');
    expect(await engine.resumeDue()).toBe(0);
    clock.set('2026-03-08T10:30:00Z');
    expect(await engine.resumeDue()).toBe(1);
    expect(await store.runs.get(run!.userId, run!.id)).toMatchObject({
      status: 'completed',
      triggerData: delivered,
      outputs: { t: { ref: 'Commande 1042' } },
    });
  });
});
