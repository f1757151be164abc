import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AutomationSchema,
  createEngine,
  createFakeClock,
  createMemoryStore,
  type AutomationRun,
} from '@swigs/automation-core';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { createHttpClient } from '@swigs/automation-adapters/http';
import { startHttpServer, type TestHttpServer } from './http-server';

describe('webhook retried by the engine', () => {
  let server: TestHttpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('backs off after a 503, waits exactly Retry-After after a 429, then records the 200 answer', async () => {
    server = await startHttpServer((_req, res, n) => {
      if (n === 1) res.writeHead(503).end('maintenance');
      else if (n === 2) res.writeHead(429, { 'retry-after': '5' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
    });
    const store = createMemoryStore();
    const clock = createFakeClock('2026-03-02T09:00:00Z');
    const outbound = createHttpClient({ allowedHosts: ['127.0.0.1'] });
    const engine = createEngine({ store, registry: createDefaultRegistry(), clock, ports: { http: outbound } });
    await store.automations.save(
      AutomationSchema.parse({
        id: 'notify',
        userId: 'user-1',
        name: 'Notifier',
        isActive: true,
        trigger: { type: 'manual', config: {} },
        nodes: [
          {
            id: 'hook',
            type: 'webhook',
            config: { url: `${server.origin}/orders`, body: { order: '{{trigger.orderNumber}}' } },
          },
        ],
      }),
    );
    const running: Promise<AutomationRun> = engine.runAutomation(
      'notify',
      { orderNumber: '1042' },
      { userId: 'user-1' },
    );
    const http = server;
    await vi.waitFor(() => expect(http.requests).toHaveLength(1), { timeout: 10_000 });
    // Advance only once the engine sleeps on the clock for its backoff.
    await vi.waitFor(() => expect(clock.pending).toBe(1), { timeout: 10_000 });
    // webhook's policy: first backoff between 1 s and 2 s.
    await clock.advance(2000);
    await vi.waitFor(() => expect(http.requests).toHaveLength(2), { timeout: 10_000 });
    await vi.waitFor(() => expect(clock.pending).toBe(1), { timeout: 10_000 });
    // Retry-After: 5 -> exactly 5 s.
    await clock.advance(4999);
    await new Promise((r) => setTimeout(r, 100));
    expect(http.requests).toHaveLength(2);
    await clock.advance(1);
    const run = await running;
    expect(http.requests).toHaveLength(3);
    expect(run.status).toBe('completed');
    expect(run.outputs.hook).toEqual({ status: 200, body: { received: true }, contentType: 'application/json' });
    expect(run.executionLog[0]).toMatchObject({ nodeId: 'hook', status: 'success', attempts: 3 });
    expect(http.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      `${run.id}:hook`,
      `${run.id}:hook`,
      `${run.id}:hook`,
    ]);
    await engine.stop();
    await outbound.close();
    await store.close();
  });

  it('fails the run at once on an SSRF refusal, without retrying', async () => {
    server = await startHttpServer((_req, res) => res.writeHead(200).end());
    const store = createMemoryStore();
    const outbound = createHttpClient();
    const engine = createEngine({ store, registry: createDefaultRegistry(), ports: { http: outbound } });
    await store.automations.save(
      AutomationSchema.parse({
        id: 'internal',
        userId: 'user-1',
        name: 'Interne',
        isActive: true,
        trigger: { type: 'manual', config: {} },
        nodes: [{ id: 'hook', type: 'webhook', config: { url: `${server.origin}/admin` } }],
      }),
    );
    const run = await engine.runAutomation('internal', {}, { userId: 'user-1' });
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/refused request to "127\.0\.0\.1"/);
    expect(run.executionLog[0]?.attempts).toBe(1);
    expect(server.requests).toHaveLength(0);
    await engine.stop();
    await outbound.close();
    await store.close();
  });
});
