// Storage benchmarks on SQLite with the default durability (`full`: every acknowledged write is fsynced):
// complete 4-node runs/s, time to resume 100,000 waiting runs that fall due at once, scheduler lag at
// 1,000 due runs/s, and process RSS with 10,000 and 1,000,000 waiting runs. Run with `pnpm bench storage`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteStore, type SqliteStore } from '@swigs/automation-adapters/sqlite';
import { type AutomationRun, createEngine, createFakeClock } from '@swigs/automation-core';
import {
  countRuns,
  fireMany,
  fmt,
  fourNodes,
  machine,
  mb,
  measureSchedulerLag,
  parked,
  payload,
  registry,
} from './storage-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'swigs-storage-bench-'));
const T0 = Date.UTC(2026, 2, 1, 8);
const DAY = 86_400_000;
const log = (line: string): void => console.log(`storage (sqlite, durability full): ${line}`);

/** Parks one run through the engine, then stores `count` copies of it (new ids, `dueAt(i)`) in one statement. */
async function parkCopies(store: SqliteStore, count: number, dueAt: (i: number) => number, start = 0): Promise<void> {
  const engine = createEngine({ store, registry, clock: createFakeClock(T0), workerId: 'parker' });
  // Only the parked automation may answer the trigger here (the RSS probe also stores the 4-node one).
  await store.automations.save({ ...fourNodes, isActive: false });
  await store.automations.save(parked);
  const [template] = await engine.fire('order.paid', payload(0, T0 + DAY));
  if (template?.status !== 'waiting') throw new Error(`template run did not park (${template?.status})`);
  const batch: Promise<void>[] = [];
  for (let i = start; i < start + count; i++) {
    const due = dueAt(i);
    const copy: AutomationRun = {
      ...template,
      id: `${template.id}-${i}`,
      triggerData: payload(i, due),
      scheduledAt: new Date(due),
    };
    batch.push(store.runs.create(copy));
    if (batch.length === 20_000) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  await store.runs.delete('u1', template.id);
}

async function throughput(): Promise<number> {
  const store = createSqliteStore({ filename: join(dir, 'throughput.db') });
  const engine = createEngine({ store, registry, clock: createFakeClock(T0), workerId: 'bench' });
  await store.automations.save(fourNodes);
  await fireMany((i) => engine.fire('order.paid', payload(i)), 2000, 512);
  const runs = 20_000;
  const started = performance.now();
  await fireMany((i) => engine.fire('order.paid', payload(i)), runs, 512);
  const seconds = (performance.now() - started) / 1000;
  const completed = await countRuns(store, 'completed');
  if (completed !== runs + 2000) throw new Error(`expected ${runs + 2000} completed runs, found ${completed}`);
  const sent = (await store.collection('outbox').find('u1', { limit: 0 })).total;
  if (sent !== runs + 2000) throw new Error(`expected ${runs + 2000} outbox entries, found ${sent}`);
  await store.close();
  return runs / seconds;
}

async function resumeAll(count: number): Promise<{ seconds: number; parkSeconds: number }> {
  const store = createSqliteStore({ filename: join(dir, 'resume.db') });
  const parkStart = performance.now();
  await parkCopies(store, count, () => T0 + DAY);
  const parkSeconds = (performance.now() - parkStart) / 1000;
  const clock = createFakeClock(T0);
  const engine = createEngine({
    store,
    registry,
    clock,
    workerId: 'bench',
    scheduler: { batchSize: 1000, concurrency: 1000 },
  });
  await clock.advance(DAY);
  const started = performance.now();
  const resumed = await engine.resumeDue();
  const seconds = (performance.now() - started) / 1000;
  if (resumed !== count) throw new Error(`expected ${count} resumed runs, got ${resumed}`);
  const completed = await countRuns(store, 'completed');
  if (completed !== count) throw new Error(`expected ${count} completed runs, found ${completed}`);
  await store.close();
  return { seconds, parkSeconds };
}

async function schedulerLag(
  perSecond: number,
  seconds: number,
): Promise<{ p50: number; p99: number; max: number; count: number }> {
  const store = createSqliteStore({ filename: join(dir, 'lag.db') });
  const count = perSecond * seconds;
  const start = Date.now() + 6000;
  await parkCopies(store, count, (i) => start + Math.floor((i * 1000) / perSecond));
  if (Date.now() > start - 500) throw new Error('parking took longer than the lead time; raise it');
  const lag = await measureSchedulerLag(store, { count, deadline: start + seconds * 1000 + 30_000, concurrency: 200 });
  await store.close();
  return lag;
}

async function rssWith(waiting: number[]): Promise<{ waiting: number; rss: number }[]> {
  const filename = join(dir, 'rss.db');
  const probe = fileURLToPath(new URL('./storage-rss-probe.ts', import.meta.url));
  const results: { waiting: number; rss: number }[] = [];
  let stored = 0;
  for (const total of waiting) {
    const store = createSqliteStore({ filename, durability: 'normal' });
    await parkCopies(store, total - stored, () => T0 + 300 * DAY, stored);
    stored = total;
    await store.close();
    const out = execFileSync('node', ['--expose-gc', '--import', 'tsx', probe, 'sqlite', filename], {
      encoding: 'utf8',
    });
    const report = JSON.parse(out.trim().split('\n').pop()!) as { rss: number; waiting: number };
    if (report.waiting !== total) throw new Error(`probe saw ${report.waiting} waiting runs, expected ${total}`);
    results.push({ waiting: total, rss: report.rss });
  }
  return results;
}

try {
  log(`machine: ${machine()}`);
  const rate = await throughput();
  log(
    `complete 4-node runs/s (trigger -> condition -> transform -> outbox, 512 concurrent fires, 20,000 runs): ${fmt(rate)} (target >= 2,000: ${rate >= 2000 ? 'met' : 'NOT met'})`,
  );
  const resume = await resumeAll(100_000);
  log(
    `resume 100,000 waiting runs due at once (resumeDue to completion): ${resume.seconds.toFixed(1)} s (${fmt(100_000 / resume.seconds)} runs/s; target <= 5 s: ${resume.seconds <= 5 ? 'met' : 'NOT met'}); parked in ${resume.parkSeconds.toFixed(1)} s`,
  );
  const lag = await schedulerLag(1000, 10);
  log(
    `scheduler lag due -> started at 1,000 due runs/s (${fmt(lag.count)} runs, system clock): p50 ${fmt(lag.p50)} ms, p99 ${fmt(lag.p99)} ms, max ${fmt(lag.max)} ms (target p99 <= 1,000 ms: ${lag.p99 <= 1000 ? 'met' : 'NOT met'})`,
  );
  const rss = await rssWith([10_000, 1_000_000]);
  for (const r of rss)
    log(`process RSS with ${fmt(r.waiting)} waiting runs (scheduler running, 1,000 runs executed): ${mb(r.rss)}`);
  const growth = rss[1]!.rss - rss[0]!.rss;
  log(
    `RSS growth from 10,000 to 1,000,000 waiting runs: ${mb(growth)} (target <= 50 MB: ${growth <= 50 * 1024 * 1024 ? 'met' : 'NOT met'})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
