import { describe, expect, it } from 'vitest';
import {
  customerCreated,
  invoiceCreated,
  invoicePaid,
  manual,
  nextScheduledRuns,
  orderCreated,
  orderDelivered,
  orderPaid,
  orderShipped,
  projectStatusChanged,
  timeSchedule,
  webhookReceived,
} from '../src/index';

const order = (over: Record<string, unknown> = {}) => ({ ...orderPaid.sampleOutput, ...over });

describe('CMS triggers (order.created, order.paid, order.shipped, order.delivered, customer.created)', () => {
  it('match every event when no filter is set', () => {
    for (const node of [orderCreated, orderPaid, orderShipped, orderDelivered, customerCreated]) {
      expect(node.matches?.({ config: node.configSchema.parse({}), payload: node.sampleOutput })).toBe(true);
    }
  });

  it('filter shipped and delivered orders on status and site too', () => {
    const shipped = orderShipped.configSchema.parse({ statusFilter: ['shipped'], siteId: 'boutique-lausanne' });
    expect(orderShipped.matches?.({ config: shipped, payload: orderShipped.sampleOutput })).toBe(true);
    expect(orderShipped.matches?.({ config: shipped, payload: order({ status: 'partially_shipped' }) })).toBe(false);
    const delivered = orderDelivered.configSchema.parse({ siteId: 'boutique-geneve' });
    expect(orderDelivered.matches?.({ config: delivered, payload: orderDelivered.sampleOutput })).toBe(false);
    expect(orderDelivered.matches?.({ config: delivered, payload: order({ siteId: 'boutique-geneve' }) })).toBe(true);
  });

  it('filter on siteId', () => {
    const config = orderPaid.configSchema.parse({ siteId: 'boutique-lausanne' });
    expect(orderPaid.matches?.({ config, payload: order() })).toBe(true);
    expect(orderPaid.matches?.({ config, payload: order({ siteId: 'boutique-geneve' }) })).toBe(false);
    expect(orderPaid.matches?.({ config, payload: null })).toBe(false);
  });

  it('filter on a list of statuses', () => {
    const config = orderCreated.configSchema.parse({ statusFilter: ['pending', 'processing'] });
    expect(orderCreated.matches?.({ config, payload: order({ status: 'processing' }) })).toBe(true);
    expect(orderCreated.matches?.({ config, payload: order({ status: 'cancelled' }) })).toBe(false);
    const customer = customerCreated.configSchema.parse({ statusFilter: ['active'] });
    expect(customerCreated.matches?.({ config: customer, payload: customerCreated.sampleOutput })).toBe(true);
  });

  it('accept engine-evaluated conditions in their config and reject malformed filters', () => {
    const parsed = orderPaid.configSchema.safeParse({
      conditions: { combinator: 'all', conditions: [{ field: 'trigger.total', operator: 'greater_than', value: 100 }] },
    });
    expect(parsed.success).toBe(true);
    expect(orderPaid.configSchema.safeParse({ statusFilter: 'paid' }).success).toBe(false);
    expect(orderPaid.configSchema.safeParse({ conditions: { combinator: 'most', conditions: [] } }).success).toBe(
      false,
    );
  });
});

describe('time.schedule', () => {
  it('defaults the time zone to Europe/Zurich and validates the cron expression and zone', () => {
    expect(timeSchedule.configSchema.parse({ cron: '0 8 * * 1' })).toEqual({
      cron: '0 8 * * 1',
      timezone: 'Europe/Zurich',
    });
    const badCron = timeSchedule.configSchema.safeParse({ cron: '61 * * * *' });
    expect(badCron.success).toBe(false);
    expect(badCron.error?.issues[0]?.path).toEqual(['cron']);
    expect(badCron.error?.issues[0]?.message).toMatch(/invalid cron expression/);
    const badZone = timeSchedule.configSchema.safeParse({ cron: '0 8 * * *', timezone: 'Europe/Lausanne' });
    expect(badZone.error?.issues[0]?.message).toMatch(/IANA time zone/);
  });

  it('fires at 08:00 Zurich time on both sides of the March DST change', () => {
    const runs = nextScheduledRuns({ cron: '0 8 * * *' }, new Date('2026-03-28T12:00:00Z'), 2);
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z']);
    const before = nextScheduledRuns({ cron: '0 8 * * *' }, new Date('2026-03-27T12:00:00Z'), 1);
    expect(before[0]?.toISOString()).toBe('2026-03-28T07:00:00.000Z');
    expect(
      timeSchedule.matches?.({ config: timeSchedule.configSchema.parse({ cron: '* * * * *' }), payload: {} }),
    ).toBe(true);
  });
});

describe('project.status_changed', () => {
  const payload = projectStatusChanged.sampleOutput as { from: string; to: string };

  it('filters on from and to', () => {
    const match = (config: object, p: object = payload): boolean | undefined =>
      projectStatusChanged.matches?.({ config: projectStatusChanged.configSchema.parse(config), payload: p });
    expect(match({})).toBe(true);
    expect(match({ to: 'termine' })).toBe(true);
    expect(match({ from: 'en_cours', to: 'termine' })).toBe(true);
    expect(match({ from: 'devis' })).toBe(false);
    expect(match({ to: 'en_cours' })).toBe(false);
  });
});

describe('invoice.created, invoice.paid, manual and webhook.received', () => {
  it('match every event of their type', () => {
    expect(
      invoiceCreated.matches?.({ config: invoiceCreated.configSchema.parse({}), payload: invoiceCreated.sampleOutput }),
    ).toBe(true);
    expect(
      invoicePaid.matches?.({ config: invoicePaid.configSchema.parse({}), payload: invoicePaid.sampleOutput }),
    ).toBe(true);
    expect(manual.matches?.({ config: manual.configSchema.parse({}), payload: { anything: 1 } })).toBe(true);
    expect(
      invoicePaid.configSchema.safeParse({
        conditions: {
          combinator: 'all',
          conditions: [{ field: 'trigger.total', operator: 'greater_than', value: 1000 }],
        },
      }).success,
    ).toBe(true);
    const config = webhookReceived.configSchema.parse({ secretRef: 'WEBHOOK_SECRET_SHOP' });
    expect(webhookReceived.matches?.({ config, payload: webhookReceived.sampleOutput })).toBe(true);
  });

  it('name the webhook secret instead of holding it', () => {
    expect(webhookReceived.configSchema.safeParse({ secretRef: 'WEBHOOK_SECRET_SHOP' }).success).toBe(true);
    const literal = webhookReceived.configSchema.safeParse({ secretRef: 'whsec_9f8a7b6c5d' });
    expect(literal.success).toBe(false);
    expect(literal.error?.issues[0]?.message).toMatch(/UPPER_SNAKE_CASE/);
  });

  it('carry the invoice total both in francs and in centimes', () => {
    const sample = invoiceCreated.sampleOutput as { total: number; totalCentimes: number };
    expect(sample.totalCentimes).toBe(Math.round(sample.total * 100));
  });
});
