// Storage benchmarks on MongoDB (MONGODB_URL; the local MongoDB-compatible stand-in unless pointed elsewhere):
// the figures of storage.bench.ts at sizes the stand-in (about 500 operations/s on this 2-core machine) can do
// within the bench budget. Run with `pnpm bench storage-mongodb`.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createMongoStore, type MongoStore } from '@swigs/automation-adapters/mongodb';
import { createEngine, createFakeClock } from '@swigs/automation-core';
import {
  countRuns,
  fireMany,
  fmt,
  fourNodes,
  mb,
  measureSchedulerLag,
  parked,
  payload,
  registry,
} from './storage-fixtures';

const url = process.env.MONGODB_URL;
if (!url) {
  // Skipped, not failed: `pnpm bench` runs on a machine without MongoDB too.
  console.log(
    'storage (mongodb): not measured: MONGODB_URL is not set; start a server with eval "$(../shared/services/mongodb/start)"',
  );
  process.exit(0);
}
const T0 = Date.UTC(2026, 2, 1, 8);
const DAY = 86_400_000;
const stamp = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const log = (line: string): void => console.log(`storage (mongodb stand-in): ${line}`);
const dbNames: string[] = [];

async function open(label: string): Promise<MongoStore> {
  const dbName = `bench_${label}_${stamp}`;
  dbNames.push(dbName);
  return createMongoStore({ url: url!, dbName });
}

/** Parks one run through the engine, then inserts `count` copies of its stored document (new ids and due times). */
async function parkCopies(store: MongoStore, count: number, dueAt: (i: number) => number, start = 0): Promise<void> {
  const engine = createEngine({ store, registry, clock: createFakeClock(T0), workerId: 'parker' });
  // Only the parked automation may answer the trigger here (the RSS probe also stores the 4-node one).
  await store.automations.save({ ...fourNodes, isActive: false });
  await store.automations.save(parked);
  const [template] = await engine.fire('order.paid', payload(0, T0 + DAY));
  if (template?.status !== 'waiting') throw new Error(`template run did not park (${template?.status})`);
  const runs = store.db.collection('automationruns');
  const raw = await runs.findOne({ _id: template.id as never });
  await runs.deleteOne({ _id: template.id as never });
  for (let from = start; from < start + count; from += 1000) {
    const docs = [];
    for (let i = from; i < Math.min(start + count, from + 1000); i++) {
      const due = new Date(dueAt(i));
      docs.push({
        ...raw,
        _id: `${template.id}-${i}`,
        triggerData: payload(i, due.getTime()),
        scheduledAt: due,
        dueAt: due,
      });
    }
    await runs.insertMany(docs as never[], { ordered: false });
  }
}

async function throughput(runs: number): Promise<number> {
  const store = await open('tp');
  const engine = createEngine({ store, registry, clock: createFakeClock(T0), workerId: 'bench' });
  await store.automations.save(fourNodes);
  await fireMany((i) => engine.fire('order.paid', payload(i)), 100, 64);
  const started = performance.now();
  await fireMany((i) => engine.fire('order.paid', payload(i)), runs, 64);
  const seconds = (performance.now() - started) / 1000;
  const completed = await countRuns(store, 'completed');
  if (completed !== runs + 100) throw new Error(`expected ${runs + 100} completed runs, found ${completed}`);
  await store.close();
  return runs / seconds;
}

async function resumeAll(count: number): Promise<number> {
  const store = await open('resume');
  await parkCopies(store, count, () => T0 + DAY);
  const clock = createFakeClock(T0);
  const engine = createEngine({
    store,
    registry,
    clock,
    workerId: 'bench',
    scheduler: { batchSize: 200, concurrency: 200 },
  });
  await clock.advance(DAY);
  const started = performance.now();
  const resumed = await engine.resumeDue();
  const seconds = (performance.now() - started) / 1000;
  if (resumed !== count) throw new Error(`expected ${count} resumed runs, got ${resumed}`);
  await store.close();
  return seconds;
}

async function schedulerLag(
  perSecond: number,
  seconds: number,
): Promise<{ p50: number; p99: number; max: number; count: number }> {
  const store = await open('lag');
  const count = perSecond * seconds;
  const start = Date.now() + 8000;
  await parkCopies(store, count, (i) => start + Math.floor((i * 1000) / perSecond));
  if (Date.now() > start - 500) throw new Error('parking took longer than the lead time; raise it');
  const lag = await measureSchedulerLag(store, { count, deadline: start + seconds * 1000 + 60_000, concurrency: 100 });
  await store.close();
  return lag;
}

async function rssWith(waiting: number[]): Promise<{ waiting: number; rss: number }[]> {
  const store = await open('rss');
  const probe = fileURLToPath(new URL('./storage-rss-probe.ts', import.meta.url));
  const results: { waiting: number; rss: number }[] = [];
  let stored = 0;
  for (const total of waiting) {
    await parkCopies(store, total - stored, () => T0 + 300 * DAY, stored);
    stored = total;
    const out = execFileSync(
      'node',
      ['--expose-gc', '--import', 'tsx', probe, 'mongodb', url!, store.db.databaseName],
      {
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(out.trim().split('\n').pop()!) as { rss: number; waiting: number };
    if (report.waiting !== total) throw new Error(`probe saw ${report.waiting} waiting runs, expected ${total}`);
    results.push({ waiting: total, rss: report.rss });
  }
  await store.close();
  return results;
}

try {
  log(
    `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, machine load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' / ')}; sizes reduced for the stand-in`,
  );
  const rate = await throughput(1000);
  log(`complete 4-node runs/s (1,000 runs, 64 concurrent fires): ${fmt(rate)}`);
  const resumeSeconds = await resumeAll(2000);
  log(
    `resume 2,000 waiting runs due at once (resumeDue to completion): ${resumeSeconds.toFixed(1)} s (${fmt(2000 / resumeSeconds)} runs/s; 100,000 at this rate: ${fmt(100_000 / (2000 / resumeSeconds))} s)`,
  );
  const lag = await schedulerLag(100, 10);
  log(
    `scheduler lag due -> started at 100 due runs/s (${fmt(lag.count)} runs, system clock): p50 ${fmt(lag.p50)} ms, p99 ${fmt(lag.p99)} ms, max ${fmt(lag.max)} ms`,
  );
  const rss = await rssWith([10_000, 100_000]);
  for (const r of rss)
    log(`process RSS with ${fmt(r.waiting)} waiting runs (scheduler running, 1,000 runs executed): ${mb(r.rss)}`);
  log(`RSS growth from 10,000 to 100,000 waiting runs: ${mb(rss[1]!.rss - rss[0]!.rss)}`);
} finally {
  const { MongoClient } = await import('mongodb');
  const client = await new MongoClient(url).connect();
  for (const name of dbNames) await client.db(name).dropDatabase();
  await client.close();
}
