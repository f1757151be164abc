import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger, createServer, loadConfig, type SwigsServer } from '../src/index';

const SERVICE = 'ops:0123456789abcdef0123';
const headers = {
  authorization: 'Bearer 0123456789abcdef0123',
  'x-swigs-user': 'tenant-a',
  'content-type': 'application/json',
};

/** A stand-in for a SWIGS service on the private network: counts what it receives. */
interface StandIn {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

/** Listens on `host` (a loopback address) and answers 200, or 302 to `redirectTo`. */
async function standIn(host: string, redirectTo?: () => string): Promise<StandIn> {
  const hits: string[] = [];
  const server: Server = createHttpServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    if (redirectTo) res.writeHead(302, { location: redirectTo() }).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let folder: string;
let server: SwigsServer;
let base: string;
let allowed: StandIn;
let refused: StandIn;
let redirecting: StandIn;

beforeAll(async () => {
  // Loopback addresses only: 127.0.0.2 plays the allow-listed private service, 127.0.0.3 any other private host.
  allowed = await standIn('127.0.0.2');
  refused = await standIn('127.0.0.3');
  redirecting = await standIn('127.0.0.2', () => `${refused.url}/after-redirect`);
  folder = mkdtempSync(join(tmpdir(), 'swigs-allowed-hosts-'));
  const config = loadConfig(
    { LOG_LEVEL: 'silent', SERVICE_TOKENS: SERVICE, HTTP_ALLOWED_HOSTS: '127.0.0.2' },
    { port: 0, dataDir: join(folder, 'data') },
  );
  server = await createServer({ config, log: createJsonLogger({ level: 'silent' }) });
  base = (await server.listen()).url;
});

afterAll(async () => {
  await server?.close();
  await Promise.all([allowed?.close(), refused?.close(), redirecting?.close()]);
  rmSync(folder, { recursive: true, force: true });
});

/** Saves a manual automation with one webhook step to `url`, runs it and answers the finished run. */
async function runWebhook(
  url: string,
): Promise<{ status: string; step: { status: string; error?: unknown; output?: { status: number } } }> {
  const automation = {
    name: `Appel ${url}`,
    isActive: true,
    trigger: { type: 'manual', config: {} },
    nodes: [{ id: 'call', type: 'webhook', config: { method: 'POST', url, body: { hello: 'lan' } } }],
  };
  const saved = await fetch(`${base}/api/automations`, { method: 'POST', headers, body: JSON.stringify(automation) });
  expect(saved.status).toBe(201);
  const { id } = (await saved.json()) as { id: string };
  const started = await fetch(`${base}/api/automations/${id}/run`, { method: 'POST', headers, body: '{}' });
  expect(started.status).toBe(201);
  const runId = ((await started.json()) as { id: string }).id;
  for (let i = 0; i < 200; i++) {
    const run = (await (await fetch(`${base}/api/automation-runs/${runId}`, { headers })).json()) as {
      status: string;
      executionLog: { nodeId: string; status: string; error?: unknown; output?: { status: number } }[];
    };
    if (run.status !== 'running' && run.status !== 'pending') {
      return { status: run.status, step: run.executionLog.find((e) => e.nodeId === 'call')! };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the run did not finish');
}

describe('HTTP_ALLOWED_HOSTS', () => {
  it('lets a webhook step reach an allow-listed private host', async () => {
    const run = await runWebhook(`${allowed.url}/api/tasks`);
    expect(run).toMatchObject({ status: 'completed', step: { status: 'success' } });
    expect(allowed.hits).toEqual(['POST /api/tasks']);
  });

  it('still refuses a private host that is not allow-listed, before connecting', async () => {
    const run = await runWebhook(`${refused.url}/api/tasks`);
    expect(run.status).toBe('failed');
    expect(JSON.stringify(run.step.error)).toMatch(
      /refused request to .{0,2}127\.0\.0\.3.{0,4}: it resolves to the private/,
    );
    expect(refused.hits).toEqual([]);
  });

  it('refuses a loopback name that resolves to an address outside the list', async () => {
    const port = new URL(refused.url).port;
    const run = await runWebhook(`http://localhost:${port}/api/tasks`);
    expect(run.status).toBe('failed');
    expect(JSON.stringify(run.step.error)).toMatch(/private or local address/);
    expect(refused.hits).toEqual([]);
  });

  it('does not follow an allowed host’s redirect to a refused one', async () => {
    const run = await runWebhook(`${redirecting.url}/moved`);
    expect(redirecting.hits).toEqual(['POST /moved']);
    expect(refused.hits).toEqual([]);
    // The 302 is the step's answer (a redirect is never followed), not a request to 127.0.0.3.
    expect(run).toMatchObject({ status: 'completed', step: { status: 'success', output: { status: 302 } } });
  });

  it('refuses an entry that is not a host, address or range at start-up', () => {
    expect(() => loadConfig({ HTTP_ALLOWED_HOSTS: '127.0.0.2,10.0.0.0/40' })).toThrow(/HTTP_ALLOWED_HOSTS/);
  });
});
