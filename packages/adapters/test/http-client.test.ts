import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@swigs/automation-adapters/http';
import { startHttpServer, type TestHttpServer } from './http-server';

describe('createHttpClient', () => {
  let server: TestHttpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends lower-cased headers and a body, and reads status, headers and text', async () => {
    server = await startHttpServer((req, res) =>
      res.writeHead(202, { 'content-type': 'text/plain', 'x-echo': req.headers['x-shop'] ?? '' }).end(req.body),
    );
    const http = createHttpClient({ allowedHosts: ['127.0.0.0/8'] });
    const response = await http.request({
      method: 'PUT',
      url: `${server.origin}/echo`,
      headers: { 'X-Shop': 'boutique' },
      body: 'salut',
    });
    expect(response).toMatchObject({ status: 202, body: 'salut', headers: { 'x-echo': 'boutique' } });
    expect(server.requests[0]).toMatchObject({ method: 'PUT', headers: { 'user-agent': 'swigs-automation' } });
    await http.close();
    await http.close();
    await expect(http.request({ method: 'GET', url: server.origin })).rejects.toMatchObject({
      code: 'ADAPTER_FAILURE',
    });
  });

  it('rejects with the signal reason when aborted, and names a timeout as such', async () => {
    server = await startHttpServer((_req, res) => setTimeout(() => res.writeHead(200).end('late'), 1000));
    const http = createHttpClient({ allowedHosts: ['127.0.0.1'] });
    const controller = new AbortController();
    const reason = new Error('stopping');
    const pending = http.request({ method: 'GET', url: server.origin, signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await expect(http.request({ method: 'GET', url: server.origin, timeoutMs: 100 })).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringMatching(/did not answer within 100 ms/),
    });
    await http.close();
  });

  it('refuses URLs it cannot or must not call, and allow-list entries it cannot read', async () => {
    const http = createHttpClient();
    await expect(http.request({ method: 'GET', url: 'ftp://example.ch/' })).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
    });
    await expect(http.request({ method: 'GET', url: 'not a url' })).rejects.toMatchObject({ code: 'NON_RETRIABLE' });
    await expect(http.request({ method: 'GET', url: 'http://127.0.0.1:9/' })).rejects.toMatchObject({
      code: 'NON_RETRIABLE',
      details: { address: '127.0.0.1' },
    });
    await http.close();
    expect(() => createHttpClient({ allowedHosts: ['10.0.0.0/40'] })).toThrow(
      /allowedHosts\.0: must be a hostname, host:port, an IP address or a CIDR range/,
    );
  });
});
