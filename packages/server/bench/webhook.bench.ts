// The peers' workflow over HTTP, side by side in one run: swigs-workflow's `webhook.received` (`when_finished`) →
// condition status = paid → transform → respond_webhook with a rendered text, every run stored in SQLite (FULL,
// then NORMAL synchronous); a bare node:http server doing the same work (the ceiling); Node-RED when
// BENCH_NODE_RED=1 (installed at bench time into a temporary folder outside the repo, never a dependency).
// Each server is pinned to core 0 (taskset), autocannon drives it from core 1 with 50 connections.
// BENCH_NODE=/path/to/node runs the servers on another Node (e.g. `scripts/node24.sh`'s).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const CEILING = fileURLToPath(new URL('./webhook-ceiling.mjs', import.meta.url));
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` first`);
const NODE = process.env.BENCH_NODE || process.execPath;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// Node flags for swigs-workflow's servers only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a run.
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const CONNECTIONS = 50;
const SECRET = 'bench-secret-0123456789abcdef';
const BODY = JSON.stringify({ id: 1042, status: 'paid', customer: { name: 'Léa' }, total: 12900 });
const CORES = availableParallelism();
const pinned = CORES >= 2 && existsSync('/usr/bin/taskset');
const n = (v: number): string => Math.round(v).toLocaleString('en-US');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Target {
  name: string;
  url: string;
  child: ChildProcess;
  cleanup(): void;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuUsPerRun: number;
  idleRss: number;
  peakRss: number;
  sample: string;
}

/** Starts `args` on core 0 and resolves with the URL the matcher finds in its stderr or stdout. */
function launch(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  match: RegExp,
): Promise<ChildProcess & { url: string; output(): string }> {
  const [command, ...rest] = pinned ? ['taskset', '-c', '0', NODE, ...args] : [NODE, ...args];
  const child = spawn(command!, rest, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  return new Promise((resolve, reject) => {
    const read = (d: Buffer): void => {
      text += d.toString();
      const found = match.exec(text);
      if (found) resolve(Object.assign(child, { url: found[1]!, output: () => text }));
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${text.slice(-2000)}`)));
    // A server that never says it listens is given up, so the other figures still print.
    setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args[0]} did not start within 60 s`));
    }, 60_000).unref();
  });
}

/** The automation of the comparison, saved through the API; answers the webhook URL to drive. */
async function saveAutomation(base: string, password: string): Promise<string> {
  const json = async (method: string, path: string, token?: string, body?: unknown): Promise<any> => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const { token } = await json('POST', '/api/auth/local-login', undefined, { password });
  const automation = await json('POST', '/api/automations', token, {
    name: 'Bench: webhook → paid? → text',
    isActive: true,
    trigger: {
      type: 'webhook.received',
      config: { secretRef: 'WEBHOOK_SECRET_BENCH', responseMode: 'when_finished' },
    },
    nodes: [
      {
        id: 'paid',
        type: 'condition',
        config: {
          combinator: 'all',
          conditions: [{ field: 'trigger.body.status', operator: 'equals', value: 'paid' }],
        },
        connections: [{ targetId: 'answer', condition: 'true' }],
      },
      {
        id: 'answer',
        type: 'respond_webhook',
        config: {
          status: 200,
          contentType: 'text/plain; charset=utf-8',
          body: 'Merci {{trigger.body.customer.name}}, commande {{trigger.body.id}} payée.',
        },
      },
    ],
  });
  return `${base}/api/hooks/webhook/${automation.id}`;
}

async function startSwigs(durability: 'full' | 'normal'): Promise<{ target: Target; url: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'swigs-webhook-bench-'));
  const child = await launch(
    [...NODE_FLAGS, CLI, 'start', '--port', '0', '--data', join(folder, 'data')],
    {
      PATH: process.env.PATH ?? '',
      HOME: folder,
      LOG_LEVEL: 'warn',
      RUN_RETENTION_DAYS: '0',
      SQLITE_DURABILITY: durability,
      WEBHOOK_SECRET_BENCH: SECRET,
    },
    folder,
    /écoute sur (http:\/\/\S+)/,
  );
  const started = Date.now();
  let password: string | undefined;
  // The password line may follow the address line.
  while (!password && Date.now() - started < 10_000) {
    password = /mot de passe (\S+)/.exec(child.output())?.[1];
    if (!password) await new Promise((r) => setTimeout(r, 50));
  }
  if (!password) throw new Error('no local password printed');
  const url = await saveAutomation(child.url, password);
  const target: Target = {
    name: `swigs-workflow, every run stored (${durability})`,
    url: child.url,
    child,
    cleanup: () => rmSync(folder, { recursive: true, force: true }),
  };
  return { target, url };
}

async function startCeiling(): Promise<Target> {
  const child = await launch([CEILING], { PATH: process.env.PATH ?? '' }, process.cwd(), /listening on (http:\/\/\S+)/);
  return { name: 'bare node:http, same work (ceiling)', url: child.url, child, cleanup: () => {} };
}

/** Node-RED 4 in a temporary folder (npm install at bench time): http in → switch → template → http response. */
async function startNodeRed(): Promise<Target | null> {
  const folder = mkdtempSync(join(tmpdir(), 'swigs-nodered-bench-'));
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', 'node-red@4'], {
      cwd: folder,
      stdio: 'ignore',
    });
  } catch (error) {
    console.log(`webhook: Node-RED not measured: npm install node-red@4 failed (${(error as Error).message})`);
    rmSync(folder, { recursive: true, force: true });
    return null;
  }
  const flows = [
    { id: 'tab', type: 'tab', label: 'bench' },
    { id: 'in', z: 'tab', type: 'http in', url: '/hook', method: 'post', wires: [['sw']] },
    {
      id: 'sw',
      z: 'tab',
      type: 'switch',
      property: 'payload.status',
      propertyType: 'msg',
      rules: [{ t: 'eq', v: 'paid', vt: 'str' }],
      outputs: 1,
      wires: [['tpl']],
    },
    {
      id: 'tpl',
      z: 'tab',
      type: 'template',
      field: 'payload',
      fieldType: 'msg',
      syntax: 'mustache',
      output: 'str',
      template: 'Merci {{payload.customer.name}}, commande {{payload.id}} payée.',
      wires: [['out']],
    },
    {
      id: 'out',
      z: 'tab',
      type: 'http response',
      statusCode: '200',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    },
  ];
  writeFileSync(join(folder, 'flows.json'), JSON.stringify(flows));
  writeFileSync(
    join(folder, 'settings.js'),
    `module.exports = { uiPort: 0, uiHost: '127.0.0.1', flowFile: 'flows.json', httpAdminRoot: false, logging: { console: { level: 'info' } }, editorTheme: { tours: false } };`,
  );
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const red = join(folder, 'node_modules', 'node-red', 'red.js');
  const child = await launch(
    [red, '--userDir', folder, '--settings', join(folder, 'settings.js'), '--port', String(port)],
    { PATH: process.env.PATH ?? '', HOME: folder },
    folder,
    // Printed at the info level: with `warn` Node-RED says nothing once it listens.
    /(?:Server now running at|Started flows)/,
  ).catch((error: unknown) => {
    console.log(`webhook: Node-RED not measured: ${(error as Error).message.slice(0, 300)}`);
    return null;
  });
  if (!child) {
    rmSync(folder, { recursive: true, force: true });
    return null;
  }
  await new Promise((r) => setTimeout(r, 1000));
  return {
    name: 'Node-RED 4, nothing stored',
    url: `http://127.0.0.1:${port}/hook`,
    child,
    cleanup: () => rmSync(folder, { recursive: true, force: true }),
  };
}

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const rssOf = (pid: number, field: 'VmRSS' | 'VmHWM'): number =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

async function drive(target: Target, url: string): Promise<Figures> {
  const pid = target.child.pid!;
  const idleRss = rssOf(pid, 'VmRSS');
  const headers = { 'content-type': 'application/json', 'x-webhook-secret': SECRET };
  const sampleRes = await fetch(url, { method: 'POST', headers, body: BODY });
  const sample = `${sampleRes.status} ${(await sampleRes.text()).slice(0, 80)}`;
  const fire = (duration: number): Promise<autocannon.Result> =>
    new Promise((resolve, reject) => {
      autocannon({ url, method: 'POST', headers, body: BODY, connections: CONNECTIONS, duration }, (err, result) =>
        err ? reject(err) : resolve(result),
      );
    });
  await fire(3);
  const ticks = cpuTicks(pid);
  const result = await fire(SECONDS);
  const cpuSeconds = (cpuTicks(pid) - ticks) / 100;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuUsPerRun: (cpuSeconds * 1e6) / Math.max(1, result.requests.total),
    idleRss,
    peakRss: rssOf(pid, 'VmHWM'),
    sample,
  };
}

async function stop(target: Target): Promise<void> {
  const exited = new Promise((resolve) => target.child.on('exit', resolve));
  target.child.kill('SIGTERM');
  await exited;
  target.cleanup();
}

async function measure(
  start: () => Promise<{ target: Target; url: string } | null>,
): Promise<[string, Figures] | null> {
  const started = await start();
  if (!started) return null;
  try {
    return [started.target.name, await drive(started.target, started.url)];
  } finally {
    await stop(started.target);
  }
}

// The load generator stays off the server's core.
if (pinned) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
const version = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim();
console.log(
  `webhook: Node ${version}, ${CORES} cores, ${pinned ? 'server on core 0, autocannon on core 1' : 'not pinned (no taskset or 1 core)'}, ${CONNECTIONS} connections, ${SECONDS} s per target, load average ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ')}`,
);
const results: [string, Figures][] = [];
const ceiling = await measure(async () => {
  const target = await startCeiling();
  return { target, url: `${target.url}/hook` };
});
if (ceiling) {
  results.push(ceiling);
  report(ceiling);
}
for (const durability of ['full', 'normal'] as const) {
  try {
    const result = await measure(() => startSwigs(durability));
    if (result) {
      results.push(result);
      report(result);
    }
  } catch (error) {
    console.log(
      `webhook: swigs-workflow (${durability}) on Node ${version} not measured: ${(error as Error).message.slice(0, 300)}`,
    );
  }
}
if (process.env.BENCH_NODE_RED === '1') {
  try {
    const red = await measure(async () => {
      const target = await startNodeRed();
      return target ? { target, url: target.url } : null;
    });
    if (red) {
      results.push(red);
      report(red);
    }
  } catch (error) {
    console.log(`webhook: Node-RED not measured: ${(error as Error).message.slice(0, 300)}`);
  }
}
console.log('webhook: all targets, with the ratios:');
const redRps = results.find(([name]) => name.startsWith('Node-RED'))?.[1].rps;
for (const result of results) report(result, redRps);

function report([name, f]: [string, Figures], redRps?: number): void {
  const ceilingRps = ceiling?.[1].rps ?? 0;
  const ratios = [
    ceilingRps ? `${(f.rps / ceilingRps).toFixed(3)} of ceiling` : '',
    redRps && name.startsWith('swigs') ? `${(f.rps / redRps).toFixed(2)}× Node-RED` : '',
  ].filter(Boolean);
  console.log(
    `webhook: ${name}: ${n(f.rps)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, errors ${f.errors}, ${ratios.join(', ')}; CPU ${n(f.cpuUsPerRun)} µs per run; RSS ${mb(f.idleRss)} after start, peak ${mb(f.peakRss)}; answer "${f.sample}"`,
  );
}
console.log('webhook: targets: >= 1.5× Node-RED (full durability), >= 0.15 of ceiling, p99 <= 25 ms, 0 errors');
