import { afterEach, describe, expect, it } from 'vitest';
import { signCmsWebhook } from '@swigs/automation-adapters/cms';
import { CMS_WEBHOOK_SECRET, startHarness, type Harness } from '../helpers/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const SHOP_SECRET = 'shop-secret-value-123456';
const secrets = (name: string): string | undefined => (name === 'WEBHOOK_SECRET_SHOP' ? SHOP_SECRET : undefined);

const webhookAutomation = (isActive = true): Record<string, unknown> => ({
  name: 'Webhook boutique',
  isActive,
  trigger: { type: 'webhook.received', config: { secretRef: 'WEBHOOK_SECRET_SHOP' } },
  nodes: [
    {
      id: 'mail',
      type: 'send_email',
      config: {
        to: '{{trigger.body.customerEmail}}',
        subject: 'Renouvellement',
        body: '<p>{{trigger.body.event}}</p>',
      },
    },
  ],
});

describe('webhook endpoints', () => {
  it('refuses a CMS webhook with a bad signature or an expired timestamp, firing nothing', async () => {
    h = await startHarness();
    await h.api('POST', '/api/automations', {
      body: {
        name: 'x',
        isActive: true,
        trigger: { type: 'order.paid', config: {} },
        nodes: [{ id: 'm', type: 'send_email', config: { to: 'a@example.ch', subject: 's', body: 'b' } }],
      },
    });
    const raw = JSON.stringify({
      event: 'order.updated',
      data: { _id: 'o1', status: 'paid', updatedAt: h.clock.now().toISOString(), customer: { email: 'a@example.ch' } },
    });
    const now = Math.floor(h.clock.now().getTime() / 1000);
    const wrong = signCmsWebhook('another-secret-0123456789', raw, { timestamp: now });
    const bad = await h.api('POST', '/api/hooks/cms', { token: null, raw, headers: wrong });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('Signature invalide');
    const old = signCmsWebhook(CMS_WEBHOOK_SECRET, raw, { timestamp: now - 3600 });
    expect((await h.api('POST', '/api/hooks/cms', { token: null, raw, headers: old })).status).toBe(401);
    const unsigned = await h.api('POST', '/api/hooks/cms', { token: null, raw });
    expect(unsigned.status).toBe(401);
    expect((await h.api('GET', '/api/automation-runs')).body.total).toBe(0);

    const garbage = 'not json';
    const signedGarbage = await h.api('POST', '/api/hooks/cms', {
      token: null,
      raw: garbage,
      headers: signCmsWebhook(CMS_WEBHOOK_SECRET, garbage, { timestamp: now }),
    });
    expect(signedGarbage.status).toBe(400);
  });

  it('starts a webhook.received automation only with the secret its secretRef names', async () => {
    h = await startHarness({ app: { secrets } });
    const automation = await h.api('POST', '/api/automations', { body: webhookAutomation() });
    expect(automation.status).toBe(201);
    const path = `/api/hooks/webhook/${automation.body.id}`;
    const body = { event: 'subscription.renewed', customerEmail: 'client@example.ch' };

    expect((await h.api('POST', path, { token: null, body, headers: { 'x-webhook-secret': 'wrong' } })).status).toBe(
      401,
    );
    expect((await h.api('POST', path, { token: null, body })).status).toBe(401);
    expect(
      (
        await h.api('POST', '/api/hooks/webhook/unknown', {
          token: null,
          body,
          headers: { 'x-webhook-secret': SHOP_SECRET },
        })
      ).status,
    ).toBe(401);

    const accepted = await h.api('POST', path, { token: null, body, headers: { 'x-webhook-secret': SHOP_SECRET } });
    expect(accepted.status).toBe(202);
    // `immediately`: answered once the run is stored, before it ran.
    await h.engine.stop();
    expect((await h.api('GET', `/api/automation-runs/${accepted.body.runId}`)).body.status).toBe('completed');
    const viaQuery = await h.api('POST', `${path}?secret=${SHOP_SECRET}&ref=42`, { token: null, body });
    expect(viaQuery.status).toBe(202);

    const run = await h.api('GET', `/api/automation-runs/${viaQuery.body.runId}`);
    expect(run.body.triggerData).toMatchObject({ method: 'POST', query: { ref: '42' }, body });
    expect(JSON.stringify(run.body)).not.toContain(SHOP_SECRET);
    expect((await h.api('GET', '/api/outbox')).body.items[0].subject).toBe('Renouvellement');

    await h.api('PATCH', `/api/automations/${automation.body.id}/toggle`, { body: { isActive: false } });
    expect(
      (await h.api('POST', path, { token: null, body, headers: { 'x-webhook-secret': SHOP_SECRET } })).status,
    ).toBe(401);
  });

  it('refuses a malformed Idempotency-Key with 400 naming the header, before the secret is checked', async () => {
    h = await startHarness({ app: { secrets } });
    const automation = await h.api('POST', '/api/automations', { body: webhookAutomation() });
    const path = `/api/hooks/webhook/${automation.body.id}`;
    for (const secret of [SHOP_SECRET, 'wrong']) {
      const refused = await h.api('POST', path, {
        token: null,
        body: {},
        headers: { 'x-webhook-secret': secret, 'idempotency-key': 'x'.repeat(201) },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.issues.map((issue: { path: string[] }) => issue.path)).toEqual([['idempotency-key']]);
    }
    expect((await h.api('GET', '/api/automation-runs')).body.total).toBe(0);
    const accepted = await h.api('POST', path, {
      token: null,
      body: {},
      headers: { 'x-webhook-secret': SHOP_SECRET, 'idempotency-key': 'order-1042' },
    });
    expect(accepted.status).toBe(202);
  });

  it('rate-limits repeated webhook secret failures per client', async () => {
    h = await startHarness({ app: { secrets, authFailures: { maxFailures: 3, windowMs: 60_000 } } });
    const automation = await h.api('POST', '/api/automations', { body: webhookAutomation() });
    const path = `/api/hooks/webhook/${automation.body.id}`;
    for (let i = 0; i < 3; i++)
      expect(
        (await h.api('POST', path, { token: null, body: {}, headers: { 'x-webhook-secret': `guess-${i}` } })).status,
      ).toBe(401);
    const blocked = await h.api('POST', path, { token: null, body: {}, headers: { 'x-webhook-secret': SHOP_SECRET } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
