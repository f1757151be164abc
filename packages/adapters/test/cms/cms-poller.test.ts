import { createMemoryStore, ErrorCode, hasErrorCode } from '@swigs/automation-core';
import { CMS_CURSOR_ORDERS, cmsBridgeOptionsFromEnv, createCmsBridge } from '@swigs/automation-adapters/cms';
import { afterEach, describe, expect, it } from 'vitest';
import { CmsStandIn } from './cms-stand-in';
import { bridgeFor, createEngineUnderTest, createRecordingLogger, TOKEN } from './harness';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function setup(standInOptions: Partial<ConstructorParameters<typeof CmsStandIn>[0]> = {}) {
  const standIn = new CmsStandIn({ token: TOKEN, rateLimit: false, ...standInOptions });
  const url = await standIn.start();
  closers.push(() => standIn.close());
  const store = createMemoryStore();
  closers.push(() => store.close());
  const under = await createEngineUnderTest(store);
  return { standIn, url, store, under };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CMS poller', () => {
  it('catches orders updated, and created, while a poll is paging', async () => {
    const { standIn, url, under } = await setup();
    for (let i = 0; i < 450; i += 1) standIn.createOrder();
    const ids = [...standIn.orders.keys()];
    const bridge = bridgeFor(url, under);
    closers.push(() => bridge.close());
    let added = '';
    standIn.configure({
      onPage: ({ resource, page }) => {
        if (resource !== 'orders' || page !== 1 || added) return;
        // While the bridge processes page 1: an order it just read, one it has not read yet, a new one.
        standIn.setStatus(ids[5] as string, 'paid');
        standIn.setStatus(ids[300] as string, 'shipped');
        added = standIn.createOrder({ status: 'paid' })._id;
      },
    });

    const result = await bridge.pollOnce();
    expect(result.orders.complete).toBe(true);
    expect(under.counts.get(`order.created:${ids[5]}:pending`)).toBe(1);
    expect(under.counts.get(`order.paid:${ids[5]}:paid`)).toBe(1);
    expect(under.counts.get(`order.shipped:${ids[300]}:shipped`)).toBe(1);
    expect(under.counts.has(`order.created:${ids[300]}:pending`)).toBe(false);
    expect(under.counts.get(`order.paid:${added}:paid`)).toBe(1);
    expect(under.counts.size).toBe(450 + 2 - 1 + 1);
    expect(await bridge.pollOnce()).toMatchObject({ orders: { fired: 0 } });
  });

  it('re-reads the lookback window, catching a write the CMS stamped earlier but committed after the cursor', async () => {
    const { standIn, url, store, under } = await setup();
    for (let i = 0; i < 20; i += 1) standIn.createOrder();
    const bridge = bridgeFor(url, under);
    closers.push(() => bridge.close());
    await bridge.pollOnce();
    const cursor = Date.parse((await store.cursors.get(CMS_CURSOR_ORDERS)) as string);
    const late = standIn.createOrder({ status: 'paid', at: cursor - 2000 });
    const result = await bridge.pollOnce();
    expect(result.orders.fired).toBe(1);
    expect(under.counts.get(`order.paid:${late._id}:paid`)).toBe(1);
    // The cursor never moves back.
    expect(await store.cursors.get(CMS_CURSOR_ORDERS)).toBe(new Date(cursor).toISOString());
  });

  it('pages through more orders sharing one updatedAt than a page holds, and refuses to loop when the CMS ignores page', async () => {
    const { standIn, url, under } = await setup();
    for (let i = 0; i < 260; i += 1) standIn.createOrder();
    standIn.bulkSetStatus([...standIn.orders.keys()], 'paid');
    const logger = createRecordingLogger();
    const bridge = bridgeFor(url, under, { logger });
    closers.push(() => bridge.close());
    expect((await bridge.pollOnce()).orders).toMatchObject({ fired: 260, complete: true });

    const { standIn: naive, url: naiveUrl } = await setup({ ignorePage: true });
    for (let i = 0; i < 150; i += 1) naive.createOrder();
    naive.bulkSetStatus([...naive.orders.keys()], 'paid');
    const stuck = bridgeFor(naiveUrl, under, { logger });
    closers.push(() => stuck.close());
    const result = await stuck.pollOnce();
    expect(result.orders.complete).toBe(false);
    expect(result.orders.pages).toBe(2);
    expect(logger.lines.some((line) => line.level === 'error' && line.message.startsWith('cms paging stuck'))).toBe(
      true,
    );
  });

  it('loses nothing from a CMS that answers newest first, even with orders changing while it pages', async () => {
    const { standIn, url, store, under } = await setup({ sort: 'desc' });
    for (let i = 0; i < 530; i += 1) standIn.createOrder();
    const ids = [...standIn.orders.keys()];
    const logger = createRecordingLogger();
    const bridge = bridgeFor(url, under, { logger });
    closers.push(() => bridge.close());
    let changed = 0;
    standIn.configure({
      onPage: ({ resource, page }) => {
        if (resource !== 'orders' || page > 3) return;
        // Old orders (still unread, on the last pages) change status while the bridge pages.
        for (const id of ids.slice(changed, changed + 10)) standIn.setStatus(id, 'paid');
        changed += 10;
      },
    });
    const first = await bridge.pollOnce();
    standIn.configure({ onPage: undefined });
    expect(first.orders.complete).toBe(true);
    expect(logger.lines.some((line) => line.message.startsWith('cms records are not sorted oldest first'))).toBe(true);
    await bridge.pollOnce();
    for (const order of standIn.orders.values()) {
      const status = order.status === 'paid' ? 'paid' : 'pending';
      expect(under.counts.get(`order.${status === 'paid' ? 'paid' : 'created'}:${order._id}:${status}`)).toBe(1);
    }
    expect([...under.counts.values()].every((count) => count === 1)).toBe(true);
    const newest = Math.max(...[...standIn.orders.values()].map((order) => Date.parse(order.updatedAt)));
    expect(await store.cursors.get(CMS_CURSOR_ORDERS)).toBe(new Date(newest).toISOString());
  });

  it('skips and logs unknown statuses and invalid records without holding the cursor back', async () => {
    const { standIn, url, store, under } = await setup();
    const refunded = standIn.createOrder({ status: 'refunded' });
    const broken = standIn.createOrder({ status: 'paid' });
    (broken as unknown as { items: unknown }).items = 'not a list';
    const fine = standIn.createOrder({ status: 'delivered' });
    const logger = createRecordingLogger();
    const bridge = bridgeFor(url, under, { logger });
    closers.push(() => bridge.close());
    const result = await bridge.pollOnce();
    expect(result.orders).toMatchObject({ fetched: 3, fired: 1, unknownStatus: 1, invalid: 1 });
    expect([...under.counts.keys()]).toEqual([`order.delivered:${fine._id}:delivered`]);
    expect(logger.lines).toContainEqual({
      level: 'info',
      message: 'cms order skipped: status not mapped',
      fields: { orderId: refunded._id, status: 'refunded' },
    });
    expect(logger.lines.some((line) => line.level === 'warn' && String(line.fields?.reason).startsWith('items'))).toBe(
      true,
    );
    expect(await store.cursors.get(CMS_CURSOR_ORDERS)).toBe(fine.updatedAt);
  });

  it('logs every request with method, URL, status and duration, and never the token', async () => {
    const { standIn, url, under } = await setup({ failureRate: 0.3, slowRate: 0.3, slowMs: 300, seed: 3 });
    for (let i = 0; i < 600; i += 1) standIn.createOrder();
    const logger = createRecordingLogger();
    const bridge = bridgeFor(url, under, { logger, requestTimeoutMs: 150 });
    closers.push(() => bridge.close());
    await bridge.pollOnce();

    const requests = logger.lines.filter((line) => line.message.startsWith('cms request'));
    // One line per request the CMS received, answered or timed out.
    expect(requests.length).toBe(standIn.stats.requests);
    for (const line of requests) {
      expect(line.fields).toMatchObject({
        method: 'GET',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/(orders|customers)\?updatedSince=/),
      });
      expect(typeof line.fields?.durationMs).toBe('number');
    }
    expect(requests.some((line) => line.fields?.status === 500)).toBe(true);
    expect(requests.some((line) => line.fields?.status === null && String(line.fields?.error).length > 0)).toBe(true);
    expect(JSON.stringify(logger.lines)).not.toContain(TOKEN);
    expect(standIn.stats.urls.some((u) => u.includes(TOKEN))).toBe(false);
    expect([...standIn.stats.authorizations]).toEqual([`Bearer ${TOKEN}`]);
    expect(under.counts.size).toBe(600);
  });

  it('fails a poll with a clear error, without retrying, when the CMS refuses the token', async () => {
    const { url, under } = await setup();
    const logger = createRecordingLogger();
    const wrong = 'svc_wrong_token_0123456789';
    const bridge = bridgeFor(url, under, { token: wrong, logger });
    closers.push(() => bridge.close());
    const failure = await bridge.pollOnce().catch((error: unknown) => error);
    expect(hasErrorCode(failure, ErrorCode.Adapter)).toBe(true);
    expect((failure as Error).message).toBe('CMS refused the service token (401); check CMS_SERVICE_TOKEN');
    expect(logger.lines.filter((line) => line.message === 'cms request')).toHaveLength(1);
    expect(JSON.stringify(logger.lines)).not.toContain(wrong);
  });

  it('polls on its interval once started, and stop() ends the loop', async () => {
    const { standIn, url, under } = await setup();
    const bridge = bridgeFor(url, under, { pollIntervalMs: 20 });
    closers.push(() => bridge.close());
    bridge.start();
    bridge.start();
    const first = standIn.createOrder({ status: 'paid' });
    // Deadlines for a condition, generous for a loaded CI machine: a met condition ends the wait at once.
    const deadline = Date.now() + 20_000;
    while (!under.counts.has(`order.paid:${first._id}:paid`) && Date.now() < deadline) await sleep(10);
    expect(under.counts.get(`order.paid:${first._id}:paid`)).toBe(1);
    await bridge.stop();
    // A poll aborted by stop() may have sent its request already; the stand-in counts it when it reads it.
    await sleep(50);
    const requests = standIn.stats.requests;
    standIn.createOrder({ status: 'paid' });
    await sleep(150);
    expect(standIn.stats.requests).toBe(requests);
    expect(under.counts.size).toBe(1);
  });

  it('keeps polling after a failed poll, which leaves the cursor where it was', async () => {
    const { standIn, url, store, under } = await setup({ failureRate: 1 });
    const order = standIn.createOrder({ status: 'paid' });
    const logger = createRecordingLogger();
    const bridge = bridgeFor(url, under, {
      pollIntervalMs: 20,
      logger,
      retry: { retries: 1, minTimeoutMs: 1, maxTimeoutMs: 2 },
    });
    closers.push(() => bridge.close());
    bridge.start();
    const failed = (): boolean =>
      logger.lines.some((line) => line.level === 'error' && line.message.startsWith('cms poll failed'));
    const deadline = Date.now() + 20_000;
    while (!failed() && Date.now() < deadline) await sleep(10);
    expect(failed()).toBe(true);
    expect(await store.cursors.get(CMS_CURSOR_ORDERS)).toBeNull();
    expect(under.counts.size).toBe(0);

    standIn.configure({ failureRate: 0 });
    const recovered = Date.now() + 20_000;
    while (!under.counts.has(`order.paid:${order._id}:paid`) && Date.now() < recovered) await sleep(10);
    expect(under.counts.get(`order.paid:${order._id}:paid`)).toBe(1);
    expect(await store.cursors.get(CMS_CURSOR_ORDERS)).toBe(order.updatedAt);
  });

  it('runs from the environment variables alone, as the server starts it', async () => {
    const { standIn, url, store, under } = await setup();
    const order = standIn.createOrder({ status: 'shipped' });
    const env = { CMS_API_URL: url, CMS_SERVICE_TOKEN: TOKEN, CMS_POLL_INTERVAL: '1000', CMS_POLL_ENABLED: 'true' };
    const settings = cmsBridgeOptionsFromEnv(env);
    expect(settings).not.toBeNull();
    const bridge = createCmsBridge({ ...settings!, store, fire: under.fire });
    closers.push(() => bridge.close());
    expect((await bridge.pollOnce()).orders.fired).toBe(1);
    expect([...under.counts.keys()]).toEqual([`order.shipped:${order._id}:shipped`]);
  });

  it('does not poll when disabled (webhooks only)', async () => {
    const { standIn, url, under } = await setup();
    standIn.createOrder();
    const bridge = bridgeFor(url, under, { enabled: false, pollIntervalMs: 10 });
    closers.push(() => bridge.close());
    bridge.start();
    await sleep(100);
    expect(standIn.stats.requests).toBe(0);
  });
});
