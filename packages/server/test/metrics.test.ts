import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger, createServer, loadConfig, type SwigsServer } from '../src/index';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';
const SERVICE = '0123456789abcdef0123';
const headers = { authorization: `Bearer ${SERVICE}`, 'x-swigs-user': 'tenant-a', 'content-type': 'application/json' };

let folder: string;
const servers: SwigsServer[] = [];
let cms: Server;
const cmsStatuses: number[] = [];

/** A CMS stand-in: its first answer is a 429 (rate limited), then empty pages. */
async function startCms(): Promise<string> {
  cms = createHttpServer((req, res) => {
    req.resume();
    const status = cmsStatuses.length === 0 ? 429 : 200;
    cmsStatuses.push(status);
    if (status === 429) res.writeHead(429, { 'retry-after': '0' }).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
  });
  await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(cms.address() as AddressInfo).port}/api`;
}

async function start(env: Record<string, string>): Promise<string> {
  const config = loadConfig(
    { LOG_LEVEL: 'silent', SERVICE_TOKENS: `ops:${SERVICE}`, ...env },
    { port: 0, dataDir: join(folder, `data-${servers.length}`) },
  );
  const server = await createServer({ config, log: createJsonLogger({ level: 'silent' }) });
  servers.push(server);
  return (await server.listen()).url;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'swigs-metrics-'));
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await new Promise((resolve) => cms?.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

async function api(base: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(base + path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

interface Scrape {
  families: PrometheusFamily[];
  text: string;
}

/** Scrapes `/metrics` over HTTP and parses it with a Prometheus text-format parser (which throws on a bad line). */
async function scrape(base: string): Promise<Scrape> {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  return { families: parsePrometheusTextFormat(text), text };
}

/** The value of a counter or gauge series (0 when absent). */
function seriesValue({ families }: Scrape, name: string, labels: Record<string, string> = {}): number {
  const family = families.find((f) => f.name === name);
  const sample = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return Number(sample?.value ?? 0);
}

/**
 * A histogram series' `_count`, read from its line: the parser folds a histogram's labelled `_count`/`_sum` lines
 * into one unlabelled sample, so they are matched here (labels in any order).
 */
function histogramCount({ text }: Scrape, name: string, labels: Record<string, string>): number {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}_count{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('GET /metrics', () => {
  it('does not exist unless METRICS_TOKEN is set', async () => {
    const base = await start({});
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(
      404,
    );
  });

  it('refuses scrapers without the token, or with an API token', async () => {
    const base = await start({ METRICS_TOKEN });
    for (const authorization of [
      undefined,
      'Bearer wrong-token-0123456789abcdef',
      `Bearer ${SERVICE}`,
      METRICS_TOKEN,
    ]) {
      const res = await fetch(`${base}/metrics`, authorization ? { headers: { authorization } } : {});
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.text()).not.toContain('swigs_runs');
    }
  });

  it('serves the Prometheus text format, its counters moving after 10 runs', async () => {
    const cmsUrl = await startCms();
    const base = await start({ METRICS_TOKEN, CMS_API_URL: cmsUrl, CMS_SERVICE_TOKEN: 'cms-token-0123' });
    const mailer = await api(base, 'POST', '/api/automations', {
      name: 'Merci',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [
        { id: 'mail', type: 'send_email', config: { to: 'anne@example.ch', subject: 'Merci', body: '<p>M</p>' } },
      ],
    });
    const failing = await api(base, 'POST', '/api/automations', {
      name: 'Appel refusé',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      // A loopback host that is not allow-listed: refused by the SSRF guard, the run fails.
      nodes: [{ id: 'call', type: 'webhook', config: { url: 'http://127.0.0.3:9/hook' } }],
    });
    const waiting = await api(base, 'POST', '/api/automations', {
      name: 'Attente',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [{ id: 'wait', type: 'wait', config: { duration: 1, unit: 'days' } }],
    });
    const before = await scrape(base);
    const names = before.families.map((f) => f.name);
    for (const name of [
      'swigs_runs_started_total',
      'swigs_runs_completed_total',
      'swigs_runs_failed_total',
      'swigs_runs_waiting',
      'swigs_runs_due',
      'swigs_scheduler_lag_seconds',
      'swigs_emails_total',
      'swigs_cms_requests_total',
      'swigs_http_request_duration_seconds',
      'process_resident_memory_bytes',
    ]) {
      expect(names, name).toContain(name);
    }
    const started = seriesValue(before, 'swigs_runs_started_total', { trigger: 'manual' });
    const sent = seriesValue(before, 'swigs_emails_total', { outcome: 'sent' });

    for (let i = 0; i < 10; i++) await api(base, 'POST', `/api/automations/${mailer.id}/run`, {});
    await api(base, 'POST', `/api/automations/${failing.id}/run`, {});
    await api(base, 'POST', `/api/automations/${waiting.id}/run`, {});
    await waitFor(async () => cmsStatuses.includes(200), 'the CMS poll after its 429');

    const after = await scrape(base);
    expect(seriesValue(after, 'swigs_runs_started_total', { trigger: 'manual' }) - started).toBe(12);
    expect(seriesValue(after, 'swigs_runs_completed_total', { trigger: 'manual' })).toBe(10);
    expect(seriesValue(after, 'swigs_runs_failed_total', { trigger: 'manual' })).toBe(1);
    expect(seriesValue(after, 'swigs_emails_total', { outcome: 'sent' }) - sent).toBe(10);
    expect(seriesValue(after, 'swigs_runs_waiting')).toBe(1);
    expect(seriesValue(after, 'swigs_runs_due')).toBe(0);
    expect(seriesValue(after, 'swigs_scheduler_lag_seconds')).toBe(0);
    expect(seriesValue(after, 'swigs_cms_requests_total', { status: '429' })).toBe(1);
    expect(seriesValue(after, 'swigs_cms_requests_total', { status: '200' })).toBeGreaterThanOrEqual(1);
    // Durations are recorded under the route's pattern, not the path with its id.
    const runRoute = { method: 'POST', route: '/api/automations/:id/run', status: '201' };
    expect(histogramCount(after, 'swigs_http_request_duration_seconds', runRoute)).toBe(12);
    expect(histogramCount(after, 'swigs_http_request_duration_seconds', { route: '/api/automations' })).toBe(3);
    expect(after.text).not.toContain(mailer.id);
  });
});
