// Idle memory of the built `swigs-workflow start` (UI and scheduler running, SQLite file, outbox mail, local
// login), started BENCH_IDLE_STARTS times (default 3), with what its RSS is made of: resident anonymous and
// file-backed pages, V8 heap spaces, external memory, bytecode and script sources, and the modules loaded at idle
// by package. A preloaded probe (support/idle-probe.cjs) reports from inside the process on SIGUSR2.
// BENCH_NODE=/path/to/node measures another Node (e.g. `scripts/node-major.sh 24`'s); BENCH_NODE_FLAGS adds Node or V8
// flags to the server's command line (e.g. `--max-semi-space-size=4`, to weigh what an operator could set).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addressAndPassword } from './support/built-server';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const PROBE = fileURLToPath(new URL('./support/idle-probe.cjs', import.meta.url));
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` first`);
const NODE = process.env.BENCH_NODE || process.execPath;
const FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const STARTS = Number(process.env.BENCH_IDLE_STARTS ?? 3);
// Long enough for start-up garbage to be collected by V8's memory reducer, as on a server left alone.
const SETTLE_MS = Number(process.env.BENCH_IDLE_SETTLE_MS ?? 12_000);
const TARGET_MB = 100;
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

interface Probe {
  rss: number;
  rssAnon: number;
  rssFile: number;
  rssShmem: number;
  memory: NodeJS.MemoryUsage;
  spaces: { name: string; committed: number; used: number }[];
  code: { bytecode: number; machineCode: number; externalSources: number };
  mappings: { name: string; rss: number }[];
  builtins: string[];
  modules: string[];
}

/** One start: boots, signs in, loads the UI page, waits SETTLE_MS, and reads the probe and /proc. */
async function idleOnce(): Promise<Probe> {
  const folder = mkdtempSync(join(tmpdir(), 'swigs-idle-bench-'));
  const probeFile = join(folder, 'probe.json');
  const args = [...FLAGS, '--expose-internals', '--require', PROBE, CLI, 'start', '--port', '0', '--data', 'data'];
  const child = spawn(NODE, args, {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', HOME: folder, LOG_LEVEL: 'warn', SWIGS_IDLE_PROBE: probeFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const { url, password } = await addressAndPassword(child);
    const login = await fetch(`${url}/api/auth/local-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password }),
    });
    if (!login.ok) throw new Error(`local login: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    // What the UI asks for when it opens: its page, then the automation list.
    for (const path of ['/', '/api/automations']) {
      const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
      await res.arrayBuffer();
    }
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    child.kill('SIGUSR2');
    const deadline = Date.now() + 10_000;
    while (!existsSync(probeFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // The file is written in one call; a partial read is retried.
    for (;;) {
      try {
        return JSON.parse(readFileSync(probeFile, 'utf8')) as Probe;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `node_modules/.pnpm/x@1/node_modules/@scope/x/…` → `@scope/x`; our own packages by folder. */
function packageOf(path: string): string {
  const inModules = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  if (inModules) return inModules;
  const ours = /packages\/([^/]+)\//.exec(path)?.[1];
  return ours ? `(ours) ${ours}` : path;
}

function report(p: Probe, index: number): void {
  const space = (name: string): { committed: number; used: number } =>
    p.spaces.find((s) => s.name === name) ?? { committed: 0, used: 0 };
  const heap = ['new_space', 'old_space', 'code_space', 'large_object_space', 'trusted_space', 'shared_space']
    .map((name) => [name, space(name)] as const)
    .filter(([, s]) => s.committed > 0)
    .map(([name, s]) => `${name.replace('_space', '')} ${mb(s.committed)}/${mb(s.used)}`);
  const m = p.memory;
  console.log(
    `idle: start ${index}: RSS ${mb(p.rss)} MB = anon ${mb(p.rssAnon)} + file ${mb(p.rssFile)} + shmem ${mb(p.rssShmem)}; ` +
      `V8 heap committed ${mb(m.heapTotal)}, used ${mb(m.heapUsed)} (committed/used: ${heap.join(', ')}); ` +
      `external ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)}); bytecode ${mb(p.code.bytecode)}, ` +
      `machine code ${mb(p.code.machineCode)}, external sources ${mb(p.code.externalSources)}; ` +
      `modules ${p.modules.length} files + ${p.builtins.length} built-ins; largest mappings: ${p.mappings
        .slice(0, 6)
        .map((m) => `${m.name.replace(/^.*\//, '')} ${mb(m.rss)}`)
        .join(', ')}`,
  );
}

const version = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim();
console.log(
  `idle: Node ${version}${FLAGS.length ? ` ${FLAGS.join(' ')}` : ''}, ${STARTS} starts, measured ${SETTLE_MS / 1000} s after the UI page and list, load average ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ')}`,
);
const probes: Probe[] = [];
for (let i = 1; i <= STARTS; i += 1) {
  const probe = await idleOnce();
  probes.push(probe);
  report(probe, i);
}
const byPackage = new Map<string, number>();
for (const path of probes.at(-1)!.modules) {
  const name = packageOf(path);
  byPackage.set(name, (byPackage.get(name) ?? 0) + 1);
}
console.log(
  `idle: modules at idle by package (files): ${[...byPackage]
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ${count}`)
    .join(', ')}`,
);
const rss = probes.map((p) => p.rss).sort((a, b) => a - b);
console.log(
  `idle: RSS ${mb(rss[0]!)}–${mb(rss.at(-1)!)} MB over ${STARTS} starts on Node ${version} (target ≤ ${TARGET_MB} MB)`,
);
