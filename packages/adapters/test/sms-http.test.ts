import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpSms } from '@swigs/automation-adapters/sms';

interface Gateway {
  url: string;
  requests: { headers: IncomingMessage['headers']; body: unknown }[];
  close(): Promise<void>;
}

async function startGateway(reply: (n: number, res: ServerResponse) => void): Promise<Gateway> {
  const requests: Gateway['requests'] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(raw) });
      reply(requests.length, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/sms`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

describe('createHttpSms', () => {
  let gateway: Gateway | undefined;
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  it('posts the message with a bearer token and idempotency key and returns the gateway id', async () => {
    gateway = await startGateway((_n, res) =>
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"gw-77"}'),
    );
    const sms = createHttpSms({ url: gateway.url, token: 'tok-secret', from: 'SWIGS' });
    const result = await sms.send({
      to: '+41791234567',
      body: 'Rappel : facture 2026-014 échue.',
      idempotencyKey: 'run:sms',
    });
    expect(result).toEqual({ id: 'gw-77' });
    expect(gateway.requests[0]!.headers.authorization).toBe('Bearer tok-secret');
    expect(gateway.requests[0]!.headers['idempotency-key']).toBe('run:sms');
    expect(gateway.requests[0]!.body).toEqual({
      to: '+41791234567',
      body: 'Rappel : facture 2026-014 échue.',
      from: 'SWIGS',
      reference: 'run:sms',
    });
  });

  it('maps 429 with Retry-After to a RetryAfterError, 503 to a retriable error and 400 to a non-retriable one', async () => {
    gateway = await startGateway((n, res) => {
      if (n === 1) res.writeHead(429, { 'retry-after': '7' }).end();
      else if (n === 2) res.writeHead(503).end();
      else res.writeHead(400).end('bad number');
    });
    const sms = createHttpSms({ url: gateway.url, token: 't' });
    const msg = { to: '+41791234567', body: 'x', idempotencyKey: 'k' };
    await expect(sms.send(msg)).rejects.toMatchObject({ code: 'RETRY_AFTER', retryAfterMs: 7000 });
    await expect(sms.send(msg)).rejects.toMatchObject({ code: 'ADAPTER_FAILURE', message: 'sms gateway answered 503' });
    await expect(sms.send(msg)).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
      message: expect.stringContaining('(400): bad number'),
    });
  });

  it('refuses a recipient that is not an E.164 number without calling the gateway', async () => {
    gateway = await startGateway((_n, res) => res.writeHead(200).end());
    const sms = createHttpSms({ url: gateway.url, token: 't' });
    await expect(sms.send({ to: '079 123 45 67', body: 'x', idempotencyKey: 'k' })).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
    });
    expect(gateway.requests).toHaveLength(0);
  });

  it('rejects invalid options clearly', () => {
    expect(() => createHttpSms({ url: 'ftp://x', token: 't' })).toThrow(/http sms: url/);
    expect(() => createHttpSms({ url: 'https://gw.example', token: '' })).toThrow(/token/);
  });
});
