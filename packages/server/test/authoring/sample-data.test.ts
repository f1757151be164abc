import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCmsWebhook } from '@swigs/automation-adapters/cms';
import type { Client } from './real-server';
import { startRealServer, type RealServer } from './real-server';

process.env.WEBHOOK_SAMPLES = 'samples-secret-0123456789';
const CMS_WEBHOOK_SECRET = 'cms-webhook-secret-0123456789';

let real: RealServer;
let fr: Client;
beforeAll(async () => {
  real = await startRealServer({
    CMS_API_URL: 'http://127.0.0.1:9/api',
    CMS_SERVICE_TOKEN: 'cms-token-0123456789',
    CMS_POLL_ENABLED: 'false',
    CMS_WEBHOOK_SECRET,
  });
  fr = real.client;
});
afterAll(() => real?.close());

async function runCount(automationId: string): Promise<number> {
  return (await fr.call('GET', `/api/automations/${automationId}/runs`)).body.total as number;
}

describe('sample data of an automation, over HTTP', () => {
  it('keeps the next webhook call as sample data instead of running it, then dry-runs on it', async () => {
    const saved = await fr.call('POST', '/api/automations', {
      name: 'Abonnement renouvelé',
      isActive: true,
      trigger: { type: 'webhook.received', config: { secretRef: 'WEBHOOK_SAMPLES' }, connections: [{ targetId: 't' }] },
      nodes: [{ id: 't', type: 'transform', config: { fields: { who: '{{trigger.body.customer.name}}' } } }],
    });
    expect(saved.status).toBe(201);
    const id = saved.body.id as string;
    const listening = await fr.call('POST', `/api/automations/${id}/listen`, { seconds: 60 });
    expect(listening.body.listening).toBe(true);

    const call = await fetch(`${real.url}/api/hooks/webhook/${id}?plan=pro`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-secret': 'samples-secret-0123456789' },
      body: JSON.stringify({ customer: { name: 'Zoé' }, amount: 49 }),
    });
    expect(call.status).toBe(200);
    expect(await call.json()).toEqual({ kept: true });
    expect(await runCount(id)).toBe(0);
    expect((await fr.call('GET', `/api/automations/${id}/listen`)).body.listening).toBe(false);
    const stored = (await fr.call('GET', `/api/automations/${id}`)).body;
    expect(stored.sampleData).toMatchObject({
      method: 'POST',
      query: { plan: 'pro' },
      body: { customer: { name: 'Zoé' }, amount: 49 },
    });
    expect(stored.sampleData.query.secret).toBeUndefined();

    // The dry run defaults to it; the next call runs.
    const dry = await fr.call('POST', `/api/automations/${id}/test`, {});
    expect(dry.body.timeline.find((e: { nodeId: string }) => e.nodeId === 't').output).toEqual({ who: 'Zoé' });
    const next = await fetch(`${real.url}/api/hooks/webhook/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-secret': 'samples-secret-0123456789' },
      body: JSON.stringify({ customer: { name: 'Noé' } }),
    });
    expect(next.status).toBe(202);
    expect(await runCount(id)).toBe(1);
  });

  it('keeps the next CMS event for a listening automation, which does not run for it', async () => {
    const saved = await fr.call('POST', '/api/automations', {
      name: 'Merci au paiement',
      isActive: true,
      trigger: { type: 'order.paid', config: {} },
      nodes: [
        {
          id: 'mail',
          type: 'send_email',
          config: { to: '{{trigger.customer.email}}', subject: 'Merci {{trigger.customer.firstName}}', body: 'x' },
        },
      ],
    });
    const id = saved.body.id as string;
    await fr.call('POST', `/api/automations/${id}/listen`, {});
    const raw = JSON.stringify({
      event: 'order.updated',
      data: {
        _id: 'ord_9',
        orderNumber: 9,
        status: 'paid',
        customer: { _id: 'cus_1', email: 'zoe@example.ch', firstName: 'Zoé' },
        total: 12,
        currency: 'CHF',
        updatedAt: '2026-12-01T10:00:00.000Z',
      },
    });
    const hook = await fetch(`${real.url}/api/hooks/cms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signCmsWebhook(CMS_WEBHOOK_SECRET, raw) },
      body: raw,
    });
    expect(hook.status).toBe(200);
    expect(await runCount(id)).toBe(0);
    const stored = (await fr.call('GET', `/api/automations/${id}`)).body;
    // The payload the engine would have got: the bridge's normalised order.
    expect(stored.sampleData).toMatchObject({
      orderId: 'ord_9',
      orderNumber: '9',
      customer: { email: 'zoe@example.ch' },
    });
    const dry = await fr.call('POST', `/api/automations/${id}/test`, {});
    expect(dry.body.timeline.find((e: { nodeId: string }) => e.nodeId === 'mail').output.subject).toBe('Merci Zoé');
  });

  it('keeps the CMS event a time.delay follows as its sample, without starting the delay', async () => {
    const saved = await fr.call('POST', '/api/automations', {
      name: 'Avis après livraison',
      isActive: true,
      trigger: { type: 'time.delay', config: { event: 'order.delivered', duration: 3, unit: 'days' } },
      nodes: [
        {
          id: 'avis',
          type: 'send_email',
          config: { to: '{{trigger.customer.email}}', subject: 'Votre avis sur {{trigger.orderNumber}}', body: 'x' },
        },
      ],
    });
    const id = saved.body.id as string;
    expect((await fr.call('POST', `/api/automations/${id}/listen`, {})).body.listening).toBe(true);
    const deliver = (orderId: string) => {
      const raw = JSON.stringify({
        event: 'order.updated',
        data: {
          _id: orderId,
          orderNumber: 77,
          status: 'delivered',
          customer: { _id: 'cus_2', email: 'noe@example.ch', firstName: 'Noé' },
          total: 30,
          currency: 'CHF',
          updatedAt: '2026-12-01T11:00:00.000Z',
        },
      });
      return fetch(`${real.url}/api/hooks/cms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signCmsWebhook(CMS_WEBHOOK_SECRET, raw) },
        body: raw,
      });
    };
    expect((await deliver('ord_77')).status).toBe(200);
    expect(await runCount(id)).toBe(0);
    const stored = (await fr.call('GET', `/api/automations/${id}`)).body;
    expect(stored.sampleData).toMatchObject({ orderId: 'ord_77', customer: { email: 'noe@example.ch' } });
    const dry = await fr.call('POST', `/api/automations/${id}/test`, {});
    expect(dry.body.timeline[1].output.subject).toBe('Votre avis sur 77');
    // No longer listening: the next delivery starts the delay.
    await deliver('ord_78');
    const runs = (await fr.call('GET', `/api/automations/${id}/runs`)).body.items;
    expect(runs.map((r: { status: string }) => r.status)).toEqual(['waiting']);
  });

  it('takes a past run’s trigger data as sample data, and a manual run without payload uses it', async () => {
    const saved = await fr.call('POST', '/api/automations', {
      name: 'Relance manuelle',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [{ id: 't', type: 'transform', config: { fields: { total: 'CHF {{trigger.total}}' } } }],
    });
    const id = saved.body.id as string;
    const first = await fr.call('POST', `/api/automations/${id}/run`, { payload: { total: 120 } });
    const other = await fr.call('POST', '/api/automations', { ...saved.body, id: undefined, name: 'Autre' });
    const foreign = await fr.call('POST', `/api/automations/${other.body.id}/run`, { payload: { total: 1 } });

    const taken = await fr.call('POST', `/api/automations/${id}/sample-data/from-run`, { runId: first.body.id });
    expect(taken.status).toBe(200);
    expect(taken.body.sampleData).toEqual({ total: 120 });
    expect(taken.body.version).toBe(saved.body.version);
    const refused = await fr.call('POST', `/api/automations/${id}/sample-data/from-run`, { runId: foreign.body.id });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('run_other_automation');

    const run = await fr.call('POST', `/api/automations/${id}/run`, {});
    expect(run.body.triggerData).toEqual({ total: 120 });
    expect(run.body.outputs.t).toEqual({ total: 'CHF 120' });
  });

  it('adds a sample’s paths below open parts only: a closed payload keeps to what its source sends', async () => {
    const automation = (trigger: string, sampleData: unknown, subject: string) => ({
      name: 'Message cadeau',
      isActive: true,
      trigger: { type: trigger, config: trigger === 'webhook.received' ? { secretRef: 'WEBHOOK_SAMPLES' } : {} },
      sampleData,
      nodes: [{ id: 'mail', type: 'send_email', config: { to: 'a@example.ch', subject, body: 'x' } }],
    });
    const hooked = { body: { gift: { message: 'Joyeux anniversaire' } } };
    const known = await fr.call('POST', '/api/automations/validate', {
      ...automation('webhook.received', hooked, '{{trigger.body.gift.message}}'),
    });
    expect(known.body).toEqual({ valid: true, problems: [] });
    // An order's fields are the bridge's: a pasted sample cannot promise one the CMS never sends.
    const order = { orderNumber: '7', customer: { email: 'a@example.ch' }, giftMessage: 'Joyeux anniversaire' };
    const invented = await fr.call(
      'POST',
      '/api/automations/validate',
      automation('order.paid', order, '{{trigger.giftMessage}}'),
    );
    expect(
      invented.body.problems.map((p: { code: string; params: { variable: string } }) => [p.code, p.params.variable]),
    ).toEqual([['unknown_variable', 'trigger.giftMessage']]);
  });
});
