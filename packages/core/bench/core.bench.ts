// Core executor benchmarks: complete runs per second of a 4-node automation on the memory store, and the memory
// and resume time of 100,000 runs parked in waits. Run with `pnpm bench core` (after `pnpm build`).
import { cpus, loadavg } from 'node:os';
import { createEngine, createFakeClock, createMemoryStore, type Store } from '@swigs/automation-core';
import {
  createReferenceRegistry,
  referenceAutomation,
  referenceParkedAutomation,
  referencePayload as payload,
} from '@swigs/automation-core/testing';

// The reference workload shared with the storage and server benches: trigger -> condition -> transform -> outbox.
const registry = createReferenceRegistry();
const fourNodes = referenceAutomation();
// Parks each run for two days (the payload sets no dueAt).
const parked = referenceParkedAutomation();

async function fireMany(fire: (i: number) => Promise<unknown>, count: number, concurrency: number): Promise<void> {
  for (let start = 0; start < count; start += concurrency) {
    const batch: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(count, start + concurrency); i++) batch.push(fire(i));
    await Promise.all(batch);
  }
}

async function outboxCount(store: Store): Promise<number> {
  return (await store.collection('outbox').find('u1', { limit: 1 })).total;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Wall seconds and CPU seconds (user + system) of `task`. */
async function timed(task: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  await task();
  const cpu = process.cpuUsage(cpuStart);
  return { wall: (performance.now() - wallStart) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

async function throughput(): Promise<{ runs: number; wall: number; cpu: number }> {
  const store = createMemoryStore();
  const engine = createEngine({ store, registry, clock: createFakeClock(), workerId: 'bench' });
  await store.automations.save(fourNodes);
  const warmup = 5_000;
  await fireMany((i) => engine.fire('order.paid', payload(i)), warmup, 16);
  const runs = 50_000;
  const time = await timed(() => fireMany((i) => engine.fire('order.paid', payload(i)), runs, 16));
  const sent = await outboxCount(store);
  if (sent !== warmup + runs) throw new Error(`expected ${warmup + runs} outbox entries, found ${sent}`);
  const completed = (await store.runs.list({ userId: 'u1', status: ['completed'], limit: 1 })).total;
  if (completed !== warmup + runs) throw new Error(`expected every run completed, found ${completed}`);
  return { runs, ...time };
}

async function parkedRuns(): Promise<{
  heap: number;
  rss: number;
  park: { wall: number; cpu: number };
  resume: { wall: number; cpu: number };
  count: number;
}> {
  const count = 100_000;
  const store = createMemoryStore();
  const clock = createFakeClock('2026-03-01T08:00:00Z');
  const engine = createEngine({
    store,
    registry,
    clock,
    workerId: 'bench',
    scheduler: { batchSize: 1000, concurrency: 200 },
  });
  await store.automations.save(parked);
  gc();
  const before = process.memoryUsage();
  const park = await timed(() => fireMany((i) => engine.fire('order.paid', payload(i)), count, 16));
  gc();
  const after = process.memoryUsage();
  const waiting = (await store.runs.list({ userId: 'u1', status: ['waiting'], limit: 1 })).total;
  if (waiting !== count) throw new Error(`expected ${count} waiting runs, found ${waiting}`);
  await clock.advance(2 * 86_400_000);
  let resumed = 0;
  const resume = await timed(async () => {
    resumed = await engine.resumeDue();
  });
  if (resumed !== count) throw new Error(`expected ${count} resumed runs, got ${resumed}`);
  const sent = await outboxCount(store);
  if (sent !== count) throw new Error(`expected ${count} outbox entries after resume, found ${sent}`);
  return { heap: after.heapUsed - before.heapUsed, rss: after.rss - before.rss, park, resume, count };
}

// Wall-clock rates depend on what else the machine runs; CPU-second rates (user + system time of this
// single-threaded process) do not, and equal the wall rate on an idle core.
const load = loadavg()[0]?.toFixed(2) ?? '?';
console.log(`core: machine: ${cpus().length} cores, load average ${load}, Node ${process.version}`);
const rate = await throughput();
const wallRate = rate.runs / rate.wall;
const cpuRate = rate.runs / rate.cpu;
console.log(
  `core: 4-node runs/s (memory store, trigger -> condition -> transform -> outbox action): ${fmt(wallRate)} wall, ${fmt(cpuRate)} per CPU-second (${fmt(rate.runs)} runs)`,
);
console.log(
  `core: target >= 20,000 runs/s: ${Math.max(wallRate, cpuRate) >= 20_000 ? 'met' : 'NOT met'}${wallRate < 20_000 && cpuRate >= 20_000 ? ' per CPU-second (wall rate limited by machine load)' : ''}`,
);
gc();
const memory = await parkedRuns();
console.log(
  `core: ${fmt(memory.count)} runs parked in waits: heapUsed +${mb(memory.heap)}, RSS +${mb(memory.rss)} (${fmt(memory.heap / memory.count)} bytes/run heap); parked in ${memory.park.wall.toFixed(2)} s wall / ${memory.park.cpu.toFixed(2)} CPU-s`,
);
console.log(
  `core: resume all ${fmt(memory.count)} waiting runs to completion (resumeDue): ${memory.resume.wall.toFixed(2)} s wall (${fmt(memory.count / memory.resume.wall)} runs/s), ${memory.resume.cpu.toFixed(2)} CPU-s (${fmt(memory.count / memory.resume.cpu)} runs per CPU-second)`,
);
