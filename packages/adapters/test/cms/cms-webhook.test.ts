import { createHmac } from 'node:crypto';
import { createMemoryStore, type Store } from '@swigs/automation-core';
import { signCmsWebhook, type CmsBridge } from '@swigs/automation-adapters/cms';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { CmsStandIn, type StandInOrder } from './cms-stand-in';
import { bridgeFor, createEngineUnderTest, SECRET, startHookServer, TOKEN, type EngineUnderTest } from './harness';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

interface Setup {
  standIn: CmsStandIn;
  store: Store;
  under: EngineUnderTest;
  bridge: CmsBridge;
  hookUrl: string;
}

async function setup(options: { webhookSecret?: string | null } = {}): Promise<Setup> {
  const standIn = new CmsStandIn({ token: TOKEN, rateLimit: false });
  const url = await standIn.start();
  closers.push(() => standIn.close());
  const store = createMemoryStore();
  closers.push(() => store.close());
  const under = await createEngineUnderTest(store);
  const bridge = bridgeFor(url, under, {
    webhookSecret: options.webhookSecret === null ? undefined : (options.webhookSecret ?? SECRET),
  });
  closers.push(() => bridge.close());
  const hook = await startHookServer(() => bridge);
  closers.push(() => hook.close());
  return { standIn, store, under, bridge, hookUrl: hook.url };
}

/** The CMS side: posts one signed event, as documented in docs/cms-bridge.md. */
async function postHook(
  hookUrl: string,
  event: string,
  data: unknown,
  sign: { secret?: string; timestamp?: number; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: { fired?: number; error?: string } }> {
  const body = sign.body ?? JSON.stringify({ event, data, id: `delivery-${Math.random()}` });
  const headers =
    sign.headers ??
    signCmsWebhook(sign.secret ?? SECRET, body, sign.timestamp === undefined ? {} : { timestamp: sign.timestamp });
  const response = await request(hookUrl, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: response.statusCode, body: (await response.body.json()) as { fired?: number; error?: string } };
}

describe('CMS webhooks', () => {
  it('fires an order event from a signed webhook, with the same payload the poller builds', async () => {
    const { standIn, under, hookUrl } = await setup();
    const order = standIn.createOrder({ status: 'paid' });
    const answer = await postHook(hookUrl, 'order.updated', order);
    expect(answer).toEqual({ status: 200, body: { fired: 1 } });
    expect(under.counts.get(`order.paid:${order._id}:paid`)).toBe(1);
    const runs = await under.store.runs.list({ userId: 'agence-swigs' });
    expect(runs.items[0]?.triggerData).toMatchObject({
      orderId: order._id,
      orderNumber: order.orderNumber,
      status: 'paid',
      total: order.total,
      totalCentimes: Math.round(order.total * 100),
      currency: 'CHF',
      siteId: 'site-geneve',
      customer: { email: order.customer.email },
    });
  });

  it('fires each event once when webhooks and the poller deliver the same changes, even at the same moment', async () => {
    const { standIn, under, bridge, hookUrl } = await setup();
    const orders: StandInOrder[] = [];
    for (let i = 0; i < 300; i += 1) orders.push(standIn.createOrder());
    const customers = Array.from({ length: 20 }, () => standIn.createCustomer());

    // Webhooks for two thirds of the orders race a poll that sees all of them.
    const hooks = orders.filter((_, i) => i % 3 !== 0).map((order) => postHook(hookUrl, 'order.created', order));
    const customerHooks = customers.map((customer) => postHook(hookUrl, 'customer.created', customer));
    const [poll, ...answers] = await Promise.all([bridge.pollOnce(), ...hooks, ...customerHooks]);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const byWebhook = answers.reduce((sum, answer) => sum + (answer.body.fired ?? 0), 0);
    expect(byWebhook + poll.orders.fired + poll.customers.fired).toBe(320);

    // Then statuses move on; some changes come by webhook first, others only by polling, some by both.
    for (const [i, order] of orders.entries()) {
      const next = standIn.setStatus(order._id, i % 2 === 0 ? 'paid' : 'shipped');
      if (i % 4 !== 0) await postHook(hookUrl, 'order.updated', next);
    }
    await bridge.pollOnce();
    for (const order of orders.slice(0, 50))
      expect((await postHook(hookUrl, 'order.updated', standIn.orders.get(order._id))).body.fired).toBe(0);
    await bridge.pollOnce();

    expect([...under.counts.values()].every((count) => count === 1)).toBe(true);
    expect(under.counts.size).toBe(300 + 300 + 20);
    for (const [i, order] of orders.entries()) {
      expect(under.counts.get(`order.created:${order._id}:pending`)).toBe(1);
      const status = i % 2 === 0 ? 'paid' : 'shipped';
      expect(under.counts.get(`order.${status}:${order._id}:${status}`)).toBe(1);
    }
    for (const customer of customers) expect(under.counts.get(`customer.created:${customer._id}:created`)).toBe(1);
  });

  it('refuses a bad signature, a tampered body, missing headers and an expired or future timestamp with 401, firing nothing', async () => {
    const { standIn, under, store, hookUrl } = await setup();
    const order = standIn.createOrder({ status: 'paid' });
    const body = JSON.stringify({ event: 'order.updated', data: order });
    const now = Math.floor(Date.now() / 1000);

    const wrongSecret = await postHook(hookUrl, 'order.updated', order, { secret: 'whsec_not_the_shared_secret_000' });
    const tampered = await postHook(hookUrl, '', null, {
      body: body.replace('"paid"', '"delivered"'),
      headers: signCmsWebhook(SECRET, body),
    });
    const unsigned = await postHook(hookUrl, '', null, { body, headers: {} });
    const expired = await postHook(hookUrl, 'order.updated', order, { timestamp: now - 6 * 60 });
    const future = await postHook(hookUrl, 'order.updated', order, { timestamp: now + 6 * 60 });
    // A signature over the body alone (the timestamp not signed) is not the documented format.
    const bodyOnly = await postHook(hookUrl, '', null, {
      body,
      headers: {
        'x-swigs-timestamp': String(now),
        'x-swigs-signature': `v1=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      },
    });

    expect(wrongSecret).toEqual({ status: 401, body: { fired: 0, error: 'signature mismatch' } });
    expect(tampered).toEqual({ status: 401, body: { fired: 0, error: 'signature mismatch' } });
    expect(unsigned).toEqual({ status: 401, body: { fired: 0, error: 'missing x-swigs-timestamp header' } });
    expect(expired).toEqual({ status: 401, body: { fired: 0, error: 'timestamp outside the 300 s tolerance' } });
    expect(future.status).toBe(401);
    expect(bodyOnly.status).toBe(401);
    expect(under.recorded).toEqual([]);
    expect((await store.runs.list({ userId: 'agence-swigs' })).total).toBe(0);
    expect(await store.keys.has(`cms:seen:order:${order._id}:paid`)).toBe(false);

    // Still inside the tolerance: accepted.
    expect((await postHook(hookUrl, 'order.updated', order, { timestamp: now - 4 * 60 })).body.fired).toBe(1);
  });

  it('answers 400 to a signed body that is not JSON or not an order, and 200 without firing to unknown events and statuses', async () => {
    const { standIn, under, hookUrl } = await setup();
    const order = standIn.createOrder();
    const notJson = 'event=order.updated';
    expect(await postHook(hookUrl, '', null, { body: notJson, headers: signCmsWebhook(SECRET, notJson) })).toEqual({
      status: 400,
      body: { fired: 0, error: 'body is not valid JSON' },
    });
    const noStatus = await postHook(hookUrl, 'order.updated', { ...order, status: undefined });
    expect(noStatus.status).toBe(400);
    expect(noStatus.body.error).toMatch(/invalid order.updated data: status/);
    const noData = await postHook(hookUrl, '', null, {
      body: '{"event":"order.updated"}',
      headers: signCmsWebhook(SECRET, '{"event":"order.updated"}'),
    });
    expect(noData.status).toBe(400);
    expect(await postHook(hookUrl, 'order.updated', { ...order, status: 'refunded' })).toEqual({
      status: 200,
      body: { fired: 0 },
    });
    expect(await postHook(hookUrl, 'product.updated', { _id: 'p1' })).toEqual({ status: 200, body: { fired: 0 } });
    expect(under.recorded).toEqual([]);
  });

  it('refuses every webhook with 401 when no secret is configured', async () => {
    const { standIn, under, hookUrl } = await setup({ webhookSecret: null });
    const answer = await postHook(hookUrl, 'order.updated', standIn.createOrder({ status: 'paid' }));
    expect(answer).toEqual({
      status: 401,
      body: { fired: 0, error: 'webhooks are disabled: CMS_WEBHOOK_SECRET is not set' },
    });
    expect(under.recorded).toEqual([]);
  });

  it('does not fire customer.created for a customer created before the bridge first started', async () => {
    const { standIn, under, bridge, hookUrl } = await setup();
    const old = standIn.createCustomer({ createdAt: Date.now() - 400 * 24 * 3600_000 });
    const fresh = standIn.createCustomer();
    expect((await postHook(hookUrl, 'customer.created', old)).body.fired).toBe(0);
    const poll = await bridge.pollOnce();
    expect(poll.customers).toMatchObject({ fetched: 2, fired: 1, skipped: 1 });
    expect([...under.counts.keys()]).toEqual([`customer.created:${fresh._id}:created`]);
  });
});
