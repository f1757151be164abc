import { afterEach, describe, expect, it } from 'vitest';
import { orderThanksAutomation, startHarness, thanksTemplate, type Harness } from '../helpers/harness';

const DAY = 24 * 3600_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const order = (n: number) => ({
  _id: `ord_${n}`,
  orderNumber: n,
  status: 'paid',
  customer: { _id: `cus_${n}`, email: `client${n}@example.ch`, firstName: 'Léa', lastName: 'Müller' },
  items: [],
  total: 46.98,
  currency: 'CHF',
});

async function thanksAutomation(harness: Harness): Promise<string> {
  const template = await harness.api('POST', '/api/email-templates', { body: thanksTemplate() });
  const automation = await harness.api('POST', '/api/automations', { body: orderThanksAutomation(template.body.id) });
  expect(automation.status).toBe(201);
  return automation.body.id as string;
}

describe('GET /api/automations/:id/stats', () => {
  it('counts per step the runs that reached it, wait there now, succeeded and sent', async () => {
    h = await startHarness();
    const id = await thanksAutomation(h);
    for (const n of [1, 2, 3]) await h.engine.fire('order.paid', order(n), { userId: 'tenant-a' });

    const waiting = await h.api('GET', `/api/automations/${id}/stats?since=7d`);
    expect(waiting.status).toBe(200);
    expect(waiting.body).toMatchObject({ automationId: id, version: 1 });
    const before = Object.fromEntries(waiting.body.steps.map((s: { nodeId: string }) => [s.nodeId, s]));
    expect(before['wait-2d']).toMatchObject({ reached: 3, waiting: 3, succeeded: 3, failed: 0 });
    expect(before.thanks).toBeUndefined();

    await h.clock.advance(2 * DAY);
    expect(await h.engine.resumeDue()).toBe(3);
    const after = await h.api('GET', `/api/automations/${id}/stats`);
    const steps = Object.fromEntries(after.body.steps.map((s: { nodeId: string }) => [s.nodeId, s]));
    expect(steps['wait-2d']).toMatchObject({ reached: 3, waiting: 0 });
    expect(steps.thanks).toEqual({ nodeId: 'thanks', reached: 3, waiting: 0, succeeded: 3, failed: 0, sent: 3 });
  });

  it('answers 404 to another tenant and 400 with the field for a bad period', async () => {
    h = await startHarness();
    const id = await thanksAutomation(h);
    expect((await h.api('GET', `/api/automations/${id}/stats`, { token: h.tokenB })).status).toBe(404);
    const bad = await h.api('GET', `/api/automations/${id}/stats?since=yesterday`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('since');
  });
});

describe('POST /api/automations/:id/test-step', () => {
  it('runs one e-mail step dry on the given input: its output, nothing sent', async () => {
    h = await startHarness();
    const id = await thanksAutomation(h);
    const res = await h.api('POST', `/api/automations/${id}/test-step`, {
      body: { nodeId: 'thanks', data: { trigger: order(7) } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nodeId: 'thanks', nodeType: 'send_email', status: 'success', dryRun: true });
    expect(JSON.stringify(res.body.output)).toContain('client7@example.ch');
    expect((await h.api('GET', '/api/outbox')).body.total).toBe(0);
  });

  it('tests a condition of an unsaved graph on a past run’s data', async () => {
    h = await startHarness();
    const id = await thanksAutomation(h);
    await h.engine.fire('order.paid', order(9), { userId: 'tenant-a' });
    const runs = await h.api('GET', `/api/automations/${id}/runs`);
    const runId = runs.body.items[0].id as string;
    const check = {
      id: 'check',
      type: 'condition',
      config: { combinator: 'all', conditions: [{ field: 'trigger.orderNumber', operator: 'equals', value: 9 }] },
      connections: [],
    };
    const res = await h.api('POST', `/api/automations/${id}/test-step`, {
      body: { nodeId: 'check', runId, automation: { nodes: [check] } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'success', branch: 'true' });
    expect(res.body.input.trigger.orderNumber).toBe(9);
  });

  it('answers 404 for a step the automation does not have, and a failed result for a bad config', async () => {
    h = await startHarness();
    const id = await thanksAutomation(h);
    const missing = await h.api('POST', `/api/automations/${id}/test-step`, { body: { nodeId: 'nope' } });
    expect(missing.status).toBe(404);
    const broken = { id: 'w', type: 'wait', config: { duration: -3, unit: 'days' }, connections: [] };
    const res = await h.api('POST', `/api/automations/${id}/test-step`, {
      body: { nodeId: 'w', automation: { nodes: [broken] } },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('failed');
    expect(res.body.error).toMatch(/duration/);
  });
});
