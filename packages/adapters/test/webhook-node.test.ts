import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HttpPort } from '@swigs/automation-core';
import { executeNode as runNode } from '@swigs/automation-core/testing';
import { webhook } from '@swigs/automation-nodes';
import { createHttpClient } from '@swigs/automation-adapters/http';
import { startHttpServer, type TestHttpServer } from './http-server';

const clients: HttpPort[] = [];
/** An HTTP port allowing `allowedHosts`, closed after the file. */
const httpPort = (allowedHosts: string[] = []): { http: HttpPort } => {
  const http = createHttpClient({ allowedHosts });
  clients.push(http);
  return { http };
};
const allow = httpPort(['127.0.0.1']);
const guarded = httpPort();
const data = { trigger: { orderNumber: '1042', customer: { email: 'lea@example.ch', firstName: 'Léa <b>' } } };

describe('webhook through the HTTP port', () => {
  afterAll(async () => {
    for (const client of clients) await client.close();
  });
  let server: TestHttpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends a templated JSON body with headers and captures status and JSON response', async () => {
    server = await startHttpServer((_req, res) =>
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true,"id":"evt_1"}'),
    );
    const result = await runNode(
      webhook,
      {
        url: `${server.origin}/hooks/{{trigger.orderNumber}}`,
        headers: { 'X-Shop': 'boutique', Authorization: 'Bearer abc' },
        body: {
          order: '{{trigger.orderNumber}}',
          who: { name: '{{trigger.customer.firstName}}' },
          tags: ['{{trigger.customer.email}}', 3],
        },
      },
      { data, ports: allow },
    );
    expect(result.output).toEqual({ status: 201, body: { ok: true, id: 'evt_1' }, contentType: 'application/json' });
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/hooks/1042');
    expect(request.headers['x-shop']).toBe('boutique');
    expect(request.headers.authorization).toBe('Bearer abc');
    expect(request.headers['idempotency-key']).toBe('run-1:n1');
    expect(request.headers['content-type']).toBe('application/json');
    // Text mode: the JSON carries the raw value, not HTML entities.
    expect(JSON.parse(request.body)).toEqual({ order: '1042', who: { name: 'Léa <b>' }, tags: ['lea@example.ch', 3] });
  });

  it('captures a text response and sends no body on GET', async () => {
    server = await startHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('pong'));
    const result = await runNode(
      webhook,
      { method: 'GET', url: `${server.origin}/ping`, body: { ignored: true } },
      { ports: allow },
    );
    expect(result.output).toEqual({ status: 200, body: 'pong', contentType: 'text/plain' });
    expect(server.requests[0]!.body).toBe('');
  });

  it('throws a retriable error on 5xx and a RetryAfterError honouring Retry-After on 429', async () => {
    server = await startHttpServer((_req, res, n) => {
      if (n === 1) res.writeHead(503).end('down');
      else if (n === 2) res.writeHead(429, { 'retry-after': '30' }).end();
      else res.writeHead(503, { 'retry-after': 'Mon, 02 Mar 2026 09:02:00 GMT' }).end();
    });
    const config = { url: `${server.origin}/x`, body: {} };
    await expect(runNode(webhook, config, { ports: allow })).rejects.toMatchObject({
      code: 'ADAPTER_FAILURE',
      message: `webhook: ${server.origin.slice(7)} answered 503`,
    });
    await expect(runNode(webhook, config, { ports: allow })).rejects.toMatchObject({
      code: 'RETRY_AFTER',
      retryAfterMs: 30_000,
    });
    // The fake clock reads 09:00:00, so an HTTP-date two minutes later is 120 s.
    await expect(runNode(webhook, config, { ports: allow })).rejects.toMatchObject({
      code: 'RETRY_AFTER',
      retryAfterMs: 120_000,
    });
  });

  it('fails without retry on a 4xx and reports the answer', async () => {
    server = await startHttpServer((_req, res) =>
      res.writeHead(422, { 'content-type': 'application/json' }).end('{"error":"email missing"}'),
    );
    await expect(runNode(webhook, { url: `${server.origin}/x` }, { ports: allow })).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
      message: expect.stringContaining('refused the request (422): {"error":"email missing"}'),
    });
  });

  it('times out a slow endpoint with a clear, retriable error', async () => {
    server = await startHttpServer((_req, res) => setTimeout(() => res.writeHead(200).end('late'), 2000));
    await expect(
      runNode(webhook, { url: `${server.origin}/slow`, timeoutMs: 200 }, { ports: allow }),
    ).rejects.toMatchObject({
      code: 'ADAPTER_FAILURE',
      message: expect.stringMatching(/did not answer within 200 ms/),
    });
  });

  it('refuses loopback unless allow-listed, and private and link-local targets', async () => {
    server = await startHttpServer((_req, res) => res.writeHead(200).end('secret admin page'));
    await expect(runNode(webhook, { url: `${server.origin}/admin` }, { ports: guarded })).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
      message: expect.stringContaining(
        'refused request to "127.0.0.1": it resolves to the private or local address 127.0.0.1',
      ),
    });
    expect(server.requests).toHaveLength(0);
    await expect(runNode(webhook, { url: 'http://localhost:9/' }, { ports: guarded })).rejects.toThrow(
      /private or local address/,
    );
    await expect(
      runNode(webhook, { url: 'http://169.254.169.254/latest/meta-data' }, { ports: guarded }),
    ).rejects.toThrow(/169\.254\.169\.254/);
    await expect(runNode(webhook, { url: 'http://[::1]:9/' }, { ports: guarded })).rejects.toThrow(/::1/);
    await expect(runNode(webhook, { url: 'http://10.1.2.3/' }, { ports: guarded })).rejects.toThrow(/10\.1\.2\.3/);
    await expect(runNode(webhook, { url: 'file:///etc/passwd' }, { ports: guarded })).rejects.toThrow(
      /only http and https/,
    );
  });

  it('goes through the connect-time guard when the host is allowed by address rather than by name', async () => {
    server = await startHttpServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"guarded agent"}'),
    );
    const url = server.origin.replace('127.0.0.1', 'localhost');
    const result = await runNode(
      webhook,
      { method: 'GET', url: `${url}/ok` },
      { ports: httpPort(['127.0.0.1', '::1']) },
    );
    expect(result.output).toEqual({ status: 200, body: { via: 'guarded agent' }, contentType: 'application/json' });
    await expect(
      runNode(webhook, { method: 'GET', url: `${url}/ok` }, { ports: httpPort(['10.0.0.1']) }),
    ).rejects.toThrow(/private or local address/);
  });
});
