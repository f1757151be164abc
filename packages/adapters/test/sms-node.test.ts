import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore, type Store } from '@swigs/automation-core';
import { createHttpSms, createOutboxSms, type OutboxSms } from '@swigs/automation-adapters/sms';
import { createTestEngine, saveAutomation } from './mail-engine';

const automation = {
  id: 'sms-expedition',
  name: 'SMS expédition',
  trigger: { type: 'order.shipped', config: {} },
  nodes: [
    {
      id: 'sms',
      type: 'send_sms',
      config: {
        to: '{{trigger.phone}}',
        body: 'Bonjour {{trigger.customer.firstName}}, la commande {{trigger.orderNumber}} est en route.',
      },
    },
  ],
};
const payload = {
  orderNumber: '1042',
  phone: '+41 79 123 45 67',
  customer: { firstName: 'Léa' },
  status: 'shipped',
  siteId: 's',
};

describe('send_sms through the engine', () => {
  let store: Store | undefined;
  let gateway: Server | undefined;
  afterEach(async () => {
    await store?.close();
    await new Promise<void>((resolve) => (gateway ? gateway.close(() => resolve()) : resolve()));
    gateway = undefined;
  });

  it('keeps the SMS in the outbox once', async () => {
    store = createMemoryStore();
    const engine = createTestEngine(store, { ports: { sms: createOutboxSms({ store }) } });
    await saveAutomation(store, automation);
    const [run] = await engine.fire('order.shipped', payload);
    expect(run?.status).toBe('completed');
    expect(run?.outputs.sms).toMatchObject({ to: '+41791234567' });
    const { items } = await store.collection<OutboxSms>('smsoutbox').find('user-1');
    expect(items.map((s) => [s.to, s.body])).toEqual([['+41791234567', 'Bonjour Léa, la commande 1042 est en route.']]);
  });

  it('retries a gateway 503 and sends with the same idempotency key', async () => {
    const keys: string[] = [];
    gateway = createServer((req, res) => {
      keys.push(String(req.headers['idempotency-key']));
      req.resume();
      req.on('end', () =>
        keys.length === 1
          ? res.writeHead(503).end()
          : res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"gw-1"}'),
      );
    });
    await new Promise<void>((resolve) => gateway!.listen(0, '127.0.0.1', resolve));
    const port = (gateway.address() as { port: number }).port;
    store = createMemoryStore();
    const engine = createTestEngine(store, {
      ports: { sms: createHttpSms({ url: `http://127.0.0.1:${port}/send`, token: 'tok' }) },
      retry: { retries: 2, minTimeoutMs: 5, maxTimeoutMs: 20, factor: 2 },
    });
    await saveAutomation(store, automation);
    const [run] = await engine.fire('order.shipped', payload);
    expect(run?.status).toBe('completed');
    expect(run?.outputs.sms).toEqual({ smsId: 'gw-1', to: '+41791234567' });
    expect(keys).toEqual([`${run!.id}:sms`, `${run!.id}:sms`]);
  });
});
