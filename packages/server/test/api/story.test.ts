import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signCmsWebhook } from '@swigs/automation-adapters/cms';
import {
  CMS_WEBHOOK_SECRET,
  orderThanksAutomation,
  startHarness,
  thanksTemplate,
  type Harness,
} from '../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const DAY = 24 * 3600_000;

describe('the full story over HTTP', () => {
  it('order paid in the CMS → wait 2 days → thank-you email in the outbox, run completed', async () => {
    const template = await h.api('POST', '/api/email-templates', {
      body: thanksTemplate({
        subject: 'Merci pour votre commande {{trigger.orderNumber}}',
        body: '<p>Bonjour {{trigger.customer.firstName}}, total {{currency trigger.total}}.</p>',
      }),
    });
    expect(template.status).toBe(201);
    const automation = await h.api('POST', '/api/automations', { body: orderThanksAutomation(template.body.id) });
    expect(automation.status).toBe(201);
    expect(automation.body.problems).toEqual([]);

    const order = {
      _id: 'ord_1042',
      orderNumber: 1042,
      status: 'paid',
      customer: { _id: 'cus_7', email: 'lea.muller@example.ch', firstName: 'Léa', lastName: 'Müller' },
      items: [{ productName: 'Tasse', sku: 'TASSE', quantity: 2, price: 23.49 }],
      total: 46.98,
      currency: 'CHF',
      siteId: 'site_1',
      updatedAt: h.clock.now().toISOString(),
    };
    const raw = JSON.stringify({ event: 'order.updated', data: order });
    const signature = signCmsWebhook(CMS_WEBHOOK_SECRET, raw, {
      timestamp: Math.floor(h.clock.now().getTime() / 1000),
    });
    const hook = await h.api('POST', '/api/hooks/cms', {
      token: null,
      raw,
      headers: { 'content-type': 'application/json', ...signature },
    });
    expect(hook.status).toBe(200);
    expect(hook.body.fired).toBe(1);

    const runs = await h.api('GET', `/api/automations/${automation.body.id}/runs`);
    expect(runs.body.total).toBe(1);
    const runId = runs.body.items[0].id as string;
    expect(runs.body.items[0].status).toBe('waiting');
    expect(new Date(runs.body.items[0].scheduledAt).getTime()).toBe(h.clock.now().getTime() + 2 * DAY);
    expect((await h.api('GET', '/api/outbox')).body.total).toBe(0);

    // The same delivery again fires nothing.
    const replay = await h.api('POST', '/api/hooks/cms', {
      token: null,
      raw,
      headers: { 'content-type': 'application/json', ...signature },
    });
    expect(replay.body.fired).toBe(0);

    await h.clock.advance(DAY);
    expect(await h.engine.resumeDue()).toBe(0);
    await h.clock.advance(DAY);
    expect(await h.engine.resumeDue()).toBe(1);

    const outbox = await h.api('GET', '/api/outbox');
    expect(outbox.body.total).toBe(1);
    expect(outbox.body.items[0]).toMatchObject({
      to: ['lea.muller@example.ch'],
      subject: 'Merci pour votre commande 1042',
    });
    expect(outbox.body.items[0].html).toContain('Bonjour Léa, total CHF 46.98.');

    const run = await h.api('GET', `/api/automation-runs/${runId}`);
    expect(run.body.status).toBe('completed');
    expect(run.body.executionLog.map((e: { nodeId: string; status: string }) => `${e.nodeId}:${e.status}`)).toEqual([
      'wait-2d:success',
      'thanks:success',
    ]);
    const stats = (await h.api('GET', `/api/automations/${automation.body.id}`)).body.stats;
    expect(stats).toMatchObject({ totalRuns: 1, successfulRuns: 1, failedRuns: 0 });
  });
});
