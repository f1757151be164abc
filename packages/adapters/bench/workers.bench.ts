// Scale-out: the same due runs (the parked reference workload: wait -> transform -> outbox) completed by one worker
// process, then by three on the same store, each with its scheduler; total runs/s and the ratio to one worker, on
// one SQLite file and, when MONGODB_URL is set, on MongoDB. Every run must complete exactly once (checked).
// Run with `pnpm bench workers`. On a 2-core machine three processes share two cores: the ratio shows the store's
// contention, not the machine's headroom.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AutomationRun, createEngine, createFakeClock, type Store } from '@swigs/automation-core';
import { countRuns, fmt, fourNodes, machine, parked, payload, registry } from './storage-fixtures';

const CHILD = fileURLToPath(new URL('./workers-child.ts', import.meta.url));
const T0 = Date.UTC(2026, 2, 1, 8);
const log = (line: string): void => console.log(`workers: ${line}`);

interface Target {
  name: string;
  runs: number;
  open(label: string): Promise<{ store: Store; args: string[]; drop(): Promise<void> }>;
}

/** Stores `count` copies of one parked run, all due at `dueAt` (system clock). */
async function park(store: Store, count: number, dueAt: number): Promise<void> {
  const engine = createEngine({ store, registry, clock: createFakeClock(T0), workerId: 'parker' });
  await store.automations.save({ ...fourNodes, isActive: false });
  await store.automations.save(parked);
  const [template] = await engine.fire('order.paid', payload(0, T0 + 86_400_000));
  if (template?.status !== 'waiting') throw new Error(`template run did not park (${template?.status})`);
  await store.runs.delete(template.userId, template.id);
  for (let from = 0; from < count; from += 2000) {
    const batch: Promise<void>[] = [];
    for (let i = from; i < Math.min(count, from + 2000); i++) {
      const copy: AutomationRun = {
        ...template,
        id: `${template.id}-${i}`,
        triggerData: payload(i, dueAt),
        scheduledAt: new Date(dueAt),
      };
      batch.push(store.runs.create(copy));
    }
    await Promise.all(batch);
  }
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  /** What the worker printed (its `sent N` line once stopped). */
  output(): string;
}

function startWorker(args: string[], id: string): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args, id], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let text = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`worker ${id} exited with ${code}`)));
  });
  return { child, ready, output: () => text };
}

/** Completes `target.runs` due runs with `workers` processes; runs/s from the moment they all start. */
async function measure(target: Target, workers: number): Promise<number> {
  const { store, args, drop } = await target.open(`w${workers}`);
  const children: Worker[] = [];
  try {
    // Due already; the workers connect first, then start their schedulers together.
    await park(store, target.runs, Date.now());
    const started = Array.from({ length: workers }, (_, n) => startWorker(args, `worker-${n + 1}`));
    children.push(...started);
    await Promise.all(started.map((s) => s.ready));
    const go = Date.now();
    for (const worker of children) worker.child.stdin!.write('go\n');
    let completed = 0;
    const deadline = go + 300_000;
    while (completed < target.runs && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      completed = await countRuns(store, 'completed');
    }
    const seconds = (Date.now() - go) / 1000;
    if (completed !== target.runs) throw new Error(`only ${completed} of ${target.runs} runs completed`);
    const sent = (await store.collection('outbox').find('u1', { limit: 0 })).total;
    if (sent !== target.runs) throw new Error(`expected ${target.runs} outbox entries (once per run), found ${sent}`);
    await stopAll(children);
    const steps = children.reduce((sum, worker) => sum + Number(/sent (\d+)/.exec(worker.output())?.[1] ?? 0), 0);
    if (steps !== target.runs) throw new Error(`the outbox step ran ${steps} times for ${target.runs} runs`);
    return target.runs / seconds;
  } finally {
    await stopAll(children);
    await store.close();
    await drop();
  }
}

function stopAll(workers: Worker[]): Promise<unknown> {
  return Promise.all(
    workers.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.on('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'swigs-workers-bench-'));
const targets: Target[] = [
  {
    name: 'one SQLite file (durability full)',
    runs: Number(process.env.BENCH_WORKER_RUNS ?? 20_000),
    async open(label) {
      const { createSqliteStore } = await import('@swigs/automation-adapters/sqlite');
      const filename = join(dir, `${label}.db`);
      return { store: createSqliteStore({ filename }), args: ['sqlite', filename], drop: async () => {} };
    },
  },
];
const url = process.env.MONGODB_URL;
if (url) {
  const stamp = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  targets.push({
    name: 'MongoDB (MONGODB_URL)',
    runs: Number(process.env.BENCH_WORKER_RUNS_MONGODB ?? 2000),
    async open(label) {
      const { createMongoStore } = await import('@swigs/automation-adapters/mongodb');
      const dbName = `bench_workers_${label}_${stamp}`;
      const store = await createMongoStore({ url, dbName });
      const drop = async (): Promise<void> => {
        const { MongoClient } = await import('mongodb');
        const client = await new MongoClient(url).connect();
        await client.db(dbName).dropDatabase();
        await client.close();
      };
      return { store, args: ['mongodb', url, dbName], drop };
    },
  });
} else {
  log('MongoDB not measured: MONGODB_URL is not set');
}

try {
  log(`machine: ${machine()}; each worker: scheduler polling every 50 ms, batches of 200, 200 runs at once`);
  for (const target of targets) {
    try {
      const one = await measure(target, 1);
      log(`${target.name}: 1 worker, ${fmt(target.runs)} due runs: ${fmt(one)} runs/s`);
      const three = await measure(target, 3);
      log(
        `${target.name}: 3 workers, ${fmt(target.runs)} due runs: ${fmt(three)} runs/s in total, ${(three / one).toFixed(2)}× one worker; every run completed once`,
      );
    } catch (error) {
      log(`${target.name} not measured: ${(error as Error).message.slice(0, 300)}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
