import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  manualAutomation,
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

const order = { orderNumber: 'A-7', customer: { email: 'lea@example.ch', firstName: 'Léa' } };

describe('runs API', () => {
  it('lists an automation’s runs newest first, paged and filtered by status', async () => {
    const template = await h.api('POST', '/api/email-templates', { body: thanksTemplate() });
    const automation = await h.api('POST', '/api/automations', { body: orderThanksAutomation(template.body.id) });
    const id = automation.body.id as string;
    for (let i = 0; i < 3; i++) {
      const run = await h.api('POST', `/api/automations/${id}/run`, { body: { payload: order } });
      expect(run.body.status).toBe('waiting');
    }
    const firstRun = (await h.api('GET', `/api/automations/${id}/runs?limit=1`)).body;
    expect(firstRun.total).toBe(3);
    expect(firstRun.items).toHaveLength(1);
    expect(firstRun.items[0]).not.toHaveProperty('outputs');

    const cancelled = await h.api('POST', `/api/automation-runs/${firstRun.items[0].id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');

    const waiting = await h.api('GET', `/api/automations/${id}/runs?status=waiting`);
    expect(waiting.body.total).toBe(2);
    const both = await h.api('GET', `/api/automations/${id}/runs?status=waiting,cancelled`);
    expect(both.body.total).toBe(3);
    const all = await h.api('GET', `/api/automation-runs?automationId=${id}&status=cancelled`);
    expect(all.body.total).toBe(1);

    const bad = await h.api('GET', `/api/automations/${id}/runs?status=sleeping`);
    expect(bad.status).toBe(400);
    expect((await h.api('GET', `/api/automations/${id}/runs?limit=5000`)).status).toBe(400);
    expect((await h.api('GET', '/api/automations/nope/runs')).status).toBe(404);
  });

  it('shows a run with its execution log', async () => {
    const automation = await h.api('POST', '/api/automations', {
      body: manualAutomation({
        nodes: [{ id: 'mail', type: 'send_email', config: { to: 'a@example.ch', subject: 'S', body: '<p>B</p>' } }],
      }),
    });
    const run = await h.api('POST', `/api/automations/${automation.body.id}/run`, { body: {} });
    const detail = await h.api('GET', `/api/automation-runs/${run.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.executionLog.map((e: { nodeId: string; status: string }) => [e.nodeId, e.status])).toEqual([
      ['mail', 'success'],
    ]);
    expect((await h.api('GET', '/api/automation-runs/missing')).status).toBe(404);
  });

  it('retries a failed run from its failed node once the cause is fixed', async () => {
    const template = await h.api('POST', '/api/email-templates', { body: thanksTemplate({ isActive: false }) });
    const automation = await h.api('POST', '/api/automations', {
      // Saved as a draft: a save refuses to switch on an automation whose template is off.
      body: manualAutomation({
        isActive: false,
        nodes: [{ id: 'mail', type: 'send_email', config: { templateId: template.body.id, to: 'a@example.ch' } }],
      }),
    });
    expect(automation.body.problems.map((p: { code: string }) => p.code)).toEqual(['template_inactive']);
    const run = await h.api('POST', `/api/automations/${automation.body.id}/run`, { body: { payload: order } });
    expect(run.body.status).toBe('failed');
    expect(run.body.error).toMatch(/inactive/);

    const notFailed = await h.api('POST', `/api/automations/${automation.body.id}/run`, { body: {} });
    expect(notFailed.body.status).toBe('failed');

    await h.api('PUT', `/api/email-templates/${template.body.id}`, { body: thanksTemplate({ isActive: true }) });
    const retried = await h.api('POST', `/api/automation-runs/${run.body.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('completed');
    expect(retried.body.attempt).toBe(1);

    const again = await h.api('POST', `/api/automation-runs/${run.body.id}/retry`);
    expect(again.status).toBe(409);
    expect((await h.api('POST', '/api/automation-runs/missing/retry')).status).toBe(404);
  });

  it('cancels a waiting run once, and deletes runs', async () => {
    const template = await h.api('POST', '/api/email-templates', { body: thanksTemplate() });
    const automation = await h.api('POST', '/api/automations', { body: orderThanksAutomation(template.body.id) });
    const run = await h.api('POST', `/api/automations/${automation.body.id}/run`, { body: { payload: order } });
    expect(run.body.status).toBe('waiting');
    expect((await h.api('POST', `/api/automation-runs/${run.body.id}/cancel`)).body.status).toBe('cancelled');
    expect((await h.api('POST', `/api/automation-runs/${run.body.id}/cancel`)).status).toBe(409);

    // A cancelled run never resumes.
    await h.clock.advance(3 * 24 * 3600_000);
    await h.engine.resumeDue();
    expect((await h.api('GET', `/api/automation-runs/${run.body.id}`)).body.status).toBe('cancelled');

    expect((await h.api('DELETE', `/api/automation-runs/${run.body.id}`)).status).toBe(204);
    expect((await h.api('GET', `/api/automation-runs/${run.body.id}`)).status).toBe(404);
    expect((await h.api('DELETE', `/api/automation-runs/${run.body.id}`)).status).toBe(404);
    expect((await h.api('POST', '/api/automation-runs/missing/cancel')).status).toBe(404);
  });
});
