// Drives the built swigs-workflow (child process, outbox mail) with autocannon on loopback: manual runs, each
// persisted in SQLite and executed (FULL, then NORMAL synchronous), the automation list, and peak RSS.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { addressAndPassword } from './support/built-server';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` first`);
const n = (v: number): string => Math.round(v).toLocaleString('en-US');
const errorsOf = (r: autocannon.Result): number => r.errors + r.timeouts + r.non2xx;
const fire = (title: string, options: autocannon.Options): Promise<autocannon.Result> =>
  new Promise((resolve, reject) => {
    autocannon({ title, ...options }, (err, result) => (err ? reject(err) : resolve(result)));
  });

/** Boots the built server with `durability`, drives it, and prints the figures. */
async function measure(durability: 'full' | 'normal', withList: boolean): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'swigs-bench-'));
  const child = spawn(process.execPath, [CLI, 'start', '--port', '0', '--data', join(folder, 'data')], {
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: folder,
      LOG_LEVEL: 'warn',
      RUN_RETENTION_DAYS: '0',
      SQLITE_DURABILITY: durability,
    },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const { url, password } = await addressAndPassword(child);

  const json = async (method: string, path: string, token?: string, body?: unknown): Promise<any> => {
    const res = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  const rssNow = (): number =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  const idleRss = rssNow();
  const { token } = await json('POST', '/api/auth/local-login', undefined, { password });
  // The n8n/Node-RED comparison flow: a condition, a template, a response (the run itself).
  const automation = await json('POST', '/api/automations', token, {
    name: 'Bench: condition + template',
    isActive: true,
    trigger: { type: 'manual', config: {} },
    nodes: [
      {
        id: 'check',
        type: 'condition',
        config: { combinator: 'all', conditions: [{ field: 'trigger.note', operator: 'is_not_empty' }] },
        connections: [{ targetId: 'label', condition: 'true' }],
      },
      {
        id: 'label',
        type: 'transform',
        config: { fields: { message: 'Merci {{trigger.startedBy}} : {{trigger.note}}' } },
      },
    ],
  });
  for (let i = 0; i < 20; i++) {
    await json('POST', '/api/automations', token, {
      name: `Liste ${i}`,
      trigger: { type: 'manual', config: {} },
      nodes: [],
    });
  }
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const runUrl = `${url}/api/automations/${automation.id}/run`;
  const runBody = JSON.stringify({ payload: { startedBy: 'Léa', note: 'commande 1042' } });
  await fire('warm-up', { url: runUrl, method: 'POST', headers, body: runBody, connections: 10, duration: 3 });
  const runs = await fire('run', {
    url: runUrl,
    method: 'POST',
    headers,
    body: runBody,
    connections: 32,
    duration: 15,
  });
  const listUrl = `${url}/api/automations?limit=20`;
  const list = withList ? await fire('list', { url: listUrl, headers, connections: 32, duration: 10 }) : null;
  // The list's cache is checked against every write: measure it too while runs keep changing the stats it shows.
  const mixed = withList
    ? await Promise.all([
        fire('mixed-run', { url: runUrl, method: 'POST', headers, body: runBody, connections: 8, duration: 10 }),
        fire('mixed-list', { url: listUrl, headers, connections: 24, duration: 10 }),
      ])
    : null;
  const done = await json('GET', `/api/automations/${automation.id}/runs?limit=1&status=completed`, token);
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rss = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  rmSync(folder, { recursive: true, force: true });

  const mode = durability === 'full' ? 'SQLite synchronous=FULL (default)' : 'SQLite synchronous=NORMAL';
  console.log(
    `server: POST /api/automations/:id/run, ${mode}, each run persisted and executed: ${n(runs.requests.average)} req/s, p50 ${runs.latency.p50} ms, p99 ${runs.latency.p99} ms, errors ${errorsOf(runs)} (target >= 2,000 req/s, p99 <= 50 ms, 0 errors); completed runs stored: ${n(done.total)}`,
  );
  if (list)
    console.log(
      `server: GET /api/automations?limit=20: ${n(list.requests.average)} req/s, p50 ${list.latency.p50} ms, p99 ${list.latency.p99} ms, errors ${errorsOf(list)} (target >= 5,000 req/s)`,
    );
  if (mixed) {
    const [r, l] = mixed;
    console.log(
      `server: both at once, runs changing the listed stats: GET list ${n(l.requests.average)} req/s (p99 ${l.latency.p99} ms) while POST run ${n(r.requests.average)} req/s (p99 ${r.latency.p99} ms), errors ${errorsOf(l) + errorsOf(r)}`,
    );
  }
  console.log(
    `server: RSS of the server process (${durability}): ${(idleRss / 1024 / 1024).toFixed(1)} MB after start, peak ${(rss / 1024 / 1024).toFixed(1)} MB under load`,
  );
}

const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
console.log(`server: machine load average before the bench: ${load}`);
await measure('full', true);
await measure('normal', false);
