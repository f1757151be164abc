import { setTimeout as sleep } from 'node:timers/promises';
import { type AutomationRun, createEngine, type Store } from '@swigs/automation-core';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { expect } from 'vitest';
import { startHookServer } from './hook-server';
import { createScaledClock } from './scaled-clock';
import { cronFlow, hookFlow, order, type StoreTarget, USER_ID } from './scenario';
import { startWorker, stopWorker, type WorkerProcess } from './worker-process';

export interface SeveralWorkersOptions {
  target: StoreTarget;
  /** The parent's own connection to the same database (seeding and checks). */
  store: Store;
  runs: number;
  workers: number;
  /** Clock speed-up: waits of one minute pass in 60/scale seconds. */
  scale: number;
  /** Cron expression with seconds (croner), e.g. every 10 clock-seconds. */
  cron: string;
  cronPeriodMs: number;
  /** The most the runs may take in all (keep it well under the test's timeout). */
  timeoutMs: number;
  /** The runs fail as stuck when none completed for this long: throughput on a loaded machine is no failure. */
  stallMs: number;
  concurrency: number;
  /** Scheduler poll interval and lease, in clock milliseconds. */
  pollIntervalMs: number;
  leaseMs: number;
}

/**
 * Runs `workers` processes on one database until `runs` runs of a wait/webhook/wait/webhook flow complete while a
 * cron automation fires, then checks every node ran exactly once per run and every cron slot fired exactly once.
 */
export async function checkSeveralWorkers(options: SeveralWorkersOptions): Promise<string> {
  const hooks = await startHookServer();
  const clock = { origin: Date.now(), scale: options.scale };
  const { store } = options;
  const workers: WorkerProcess[] = [];
  try {
    const seeder = createEngine({
      store,
      registry: createDefaultRegistry(),
      clock: createScaledClock(clock.origin, clock.scale),
      workerId: 'seeder',
    });
    await store.automations.save(hookFlow(hooks.url));
    const seedStart = Date.now();
    // One run parks through the engine; the others are copies of it with their own id and order, so seeding
    // costs one write per run (the slow MongoDB stand-in would otherwise spend most of the test here).
    const [template] = await seeder.fire('order.paid', order(0), { userId: USER_ID });
    expect(template?.status).toBe('waiting');
    for (let start = 1; start < options.runs; start += 500) {
      const size = Math.min(500, options.runs - start);
      await Promise.all(
        Array.from({ length: size }, (_, i) =>
          store.runs.create({ ...template!, id: `${template!.id}-${start + i}`, triggerData: order(start + i) }),
        ),
      );
    }
    const seedSeconds = (Date.now() - seedStart) / 1000;
    await store.automations.save(cronFlow(hooks.url, options.cron));

    const processStart = Date.now();
    for (let n = 1; n <= options.workers; n++) {
      workers.push(
        await startWorker({
          workerId: `worker-${n}`,
          store: options.target,
          clock,
          scheduler: {
            pollIntervalMs: options.pollIntervalMs,
            leaseMs: options.leaseMs,
            concurrency: options.concurrency,
            batchSize: 50,
            cron: true,
          },
        }),
      );
    }
    await Promise.all(workers.map((worker) => worker.ready));
    const deadline = Date.now() + options.timeoutMs;
    let completed = 0;
    let progressAt = Date.now();
    while (Date.now() < deadline && Date.now() - progressAt < options.stallMs) {
      const now = (await store.runs.list({ userId: USER_ID, status: ['completed'], limit: 0 })).total;
      if (now > completed) progressAt = Date.now();
      completed = now;
      if (completed >= options.runs) break;
      await sleep(250);
    }
    const processSeconds = (Date.now() - processStart) / 1000;
    // Let the cron automation fire a few more slots with every worker alive, then stop them all.
    await sleep((4 * options.cronPeriodMs) / options.scale);
    await Promise.all(workers.map((worker) => stopWorker(worker)));

    const runs: AutomationRun[] = [];
    for (let offset = 0; ; offset += 2000) {
      const page = await store.runs.list({ userId: USER_ID, limit: 2000, offset });
      runs.push(...page.items);
      if (page.items.length < 2000) break;
    }
    const flowRuns = runs.filter((run) => run.automationId === 'auto-hook-flow');
    const cronRuns = runs.filter((run) => run.automationId === 'auto-cron');
    expect(flowRuns).toHaveLength(options.runs);
    expect(flowRuns.filter((run) => run.status !== 'completed').map((run) => `${run.id}:${run.status}`)).toEqual([]);

    const perKey = new Map<string, number>();
    for (const call of hooks.calls) perKey.set(call.key, (perKey.get(call.key) ?? 0) + 1);
    const flowCalls = hooks.calls.filter((call) => call.body.node === 'a' || call.body.node === 'b');
    expect(flowCalls).toHaveLength(options.runs * 2);
    for (const run of flowRuns) {
      expect(perKey.get(`${run.id}:a`), `run ${run.id} node a`).toBe(1);
      expect(perKey.get(`${run.id}:b`), `run ${run.id} node b`).toBe(1);
      expect(run.executionLog.map((entry) => `${entry.nodeId}:${entry.status}`)).toEqual([
        'pause-1:success',
        'a:success',
        'pause-2:success',
        'b:success',
      ]);
    }

    const slots = hooks.calls.filter((call) => call.body.node === 'cron').map((call) => call.body.slot ?? '');
    const slotTimes = [...new Set(slots)].map((slot) => Date.parse(slot)).sort((a, b) => a - b);
    expect(slots.length).toBeGreaterThanOrEqual(4);
    expect(slots.length, 'a cron slot fired twice').toBe(new Set(slots).size);
    expect(cronRuns).toHaveLength(slots.length);
    expect(cronRuns.every((run) => run.status === 'completed')).toBe(true);
    const gaps = slotTimes.slice(1).map((time, i) => time - slotTimes[i]!);
    expect(
      gaps.filter((gap) => gap !== options.cronPeriodMs),
      `cron slots are consecutive (${slotTimes.length} slots from ${new Date(slotTimes[0] ?? 0).toISOString()})`,
    ).toEqual([]);

    const perWorker = workers.map((worker) => worker.completedNodes() ?? 0);
    expect(
      perWorker.every((nodes) => nodes > 0),
      `nodes per worker: ${perWorker.join(', ')}`,
    ).toBe(true);
    return (
      `${options.workers} workers: ${options.runs} runs parked in ${seedSeconds.toFixed(1)} s, completed in ` +
      `${processSeconds.toFixed(1)} s; ${flowCalls.length} flow webhook calls, each once; ${slots.length} cron ` +
      `slots, each once; nodes per worker ${perWorker.join(' / ')}`
    );
  } finally {
    for (const worker of workers)
      if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await hooks.close();
  }
}
