import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderThanksAutomation, startHarness, thanksTemplate, type Harness } from './helpers/harness';

let h: Harness;
const a = { automation: '', template: '', run: '', outbox: '' };

beforeAll(async () => {
  h = await startHarness();
  a.template = (await h.api('POST', '/api/email-templates', { body: thanksTemplate() })).body.id;
  a.automation = (await h.api('POST', '/api/automations', { body: orderThanksAutomation(a.template) })).body.id;
  a.run = (
    await h.api('POST', `/api/automations/${a.automation}/run`, {
      body: { payload: { orderNumber: '1', customer: { email: 'x@example.ch' } } },
    })
  ).body.id;
  a.outbox = (
    await h.api('POST', `/api/email-templates/${a.template}/send-test`, { body: { to: 'a@example.ch' } })
  ).body.messageId;
});
afterAll(async () => {
  await h.close();
});

describe('tenancy', () => {
  it('answers 404 to tenant B for every route on tenant A’s resources', async () => {
    const template = thanksTemplate({ subject: 'Piraté' });
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/automations/${a.automation}`],
      ['PUT', `/api/automations/${a.automation}`, orderThanksAutomation(a.template, { name: 'Piratée' })],
      ['PATCH', `/api/automations/${a.automation}/toggle`, { isActive: false }],
      ['POST', `/api/automations/${a.automation}/test`, {}],
      ['POST', `/api/automations/${a.automation}/run`, { payload: {} }],
      ['GET', `/api/automations/${a.automation}/runs`],
      ['GET', `/api/automation-runs/${a.run}`],
      ['POST', `/api/automation-runs/${a.run}/retry`],
      ['POST', `/api/automation-runs/${a.run}/cancel`],
      ['DELETE', `/api/automation-runs/${a.run}`],
      ['GET', `/api/email-templates/${a.template}`],
      ['PUT', `/api/email-templates/${a.template}`, template],
      ['POST', `/api/email-templates/${a.template}/preview`, {}],
      ['POST', `/api/email-templates/${a.template}/send-test`, { to: 'b@example.ch' }],
      ['DELETE', `/api/email-templates/${a.template}`],
      ['DELETE', `/api/automations/${a.automation}`],
    ];
    for (const [method, path, body] of calls) {
      const res = await h.api(method, path, { token: h.tokenB, ...(body !== undefined ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.text, `${method} ${path}`).not.toContain('Merci');
    }
    const outboxId = (await h.api('GET', '/api/outbox')).body.items[0].id;
    expect((await h.api('GET', `/api/outbox/${outboxId}`, { token: h.tokenB })).status).toBe(404);
  });

  it('shows tenant B none of tenant A’s resources in lists', async () => {
    for (const path of ['/api/automations', '/api/automation-runs', '/api/email-templates', '/api/outbox']) {
      const res = await h.api('GET', path, { token: h.tokenB });
      expect(res.status, path).toBe(200);
      expect(res.body.total, path).toBe(0);
      expect(res.body.items, path).toEqual([]);
    }
  });

  it('leaves tenant A’s resources unchanged after tenant B’s attempts', async () => {
    const automation = await h.api('GET', `/api/automations/${a.automation}`);
    expect(automation.body).toMatchObject({ name: 'Merci après paiement', isActive: true, version: 1 });
    expect((await h.api('GET', `/api/automation-runs/${a.run}`)).body.status).toBe('waiting');
    expect((await h.api('GET', `/api/email-templates/${a.template}`)).body.subject).not.toBe('Piraté');
    expect((await h.api('GET', '/api/outbox')).body.total).toBe(1);
  });
});
