import type { Automation } from '../model/automation';
import { TERMINAL_RUN_STATUSES } from '../model/run-lifecycle';
import type { AutomationRun } from '../model/run';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { RunStore } from '../ports/run-store';
import { AbortedError } from '../errors/errors';
import { CronTable, SCHEDULE_TRIGGER } from './cron-table';
import type { InFlightView } from './in-flight';
import type { RetentionOptions, SchedulerOptions } from './types';

/** What the scheduler needs: the store's run and automation reads, the runs in flight, and three deps. */
export interface SchedulerDeps {
  store: Pick<RunStore, 'automations' | 'runs'>;
  clock: Clock;
  logger: Logger;
  workerId: string;
  options: Required<SchedulerOptions>;
  retention: Required<RetentionOptions>;
  inFlight: InFlightView;
  claim(limit: number): Promise<AutomationRun[]>;
  continueRun(run: AutomationRun): Promise<AutomationRun>;
  startScheduled(automation: Automation, payload: unknown, dedupeKey: string): Promise<unknown>;
}

export interface Scheduler {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The worker loops: claim due runs (polling, and sooner when `nextDueAt` or a cron slot says so), renew the
 * leases of runs in flight, fire `time.schedule` slots once across workers (dedupe keys), purge old runs.
 * Every sleep goes through the clock port, so a fake clock drives the loops in tests.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { options, inFlight } = deps;
  const cron = new CronTable(deps.logger);
  let running = false;
  let loopController = new AbortController();
  let loops: Promise<void>[] = [];
  const claimed = new Set<Promise<unknown>>();
  let slotFreed: (() => void) | undefined;
  let busy: (() => void) | undefined;

  const report = (what: string) => (error: unknown) =>
    deps.logger.error(`scheduler: ${what} failed`, { error: error instanceof Error ? error.message : String(error) });

  const tickCron = async (now: Date): Promise<void> => {
    if (!options.cron) return;
    cron.refresh(await deps.store.automations.findActiveByTrigger(SCHEDULE_TRIGGER), now);
    for (const due of cron.takeDue(now)) {
      const slot = due.slot.toISOString();
      const payload = { scheduledAt: slot, firedAt: now.toISOString(), cron: due.cron, timezone: due.timezone };
      await deps.startScheduled(due.automation, payload, `cron:${due.automation.id}:${slot}`).catch(report('cron run'));
    }
  };

  const claimBatch = async (): Promise<boolean> => {
    const free = options.concurrency - claimed.size;
    if (free <= 0) return false;
    const wanted = Math.min(options.batchSize, free);
    const batch = await deps.claim(wanted);
    for (const run of batch) {
      const done: Promise<unknown> = deps
        .continueRun(run)
        .catch(report('run'))
        .finally(() => {
          claimed.delete(done);
          slotFreed?.();
        });
      claimed.add(done);
    }
    return batch.length === wanted;
  };

  const pause = async (signal: AbortSignal, full: boolean): Promise<void> => {
    if (claimed.size >= options.concurrency) {
      await untilCalled(signal, (resolve) => (slotFreed = resolve));
      slotFreed = undefined;
      return;
    }
    if (full) return delay(0);
    const now = deps.clock.now().getTime();
    let wait = options.pollIntervalMs;
    const nextDue = await deps.store.runs.nextDueAt().catch(() => null);
    if (nextDue) wait = Math.min(wait, nextDue.getTime() - now);
    // A due time already past but not claimable (another worker holds it) must not spin the loop.
    if (wait <= 0) return delay(Math.min(options.pollIntervalMs, 20));
    await deps.clock.sleep(wait, signal).catch(() => {});
  };

  const pollLoop = async (signal: AbortSignal): Promise<void> => {
    while (!signal.aborted) {
      let full = false;
      try {
        full = await claimBatch();
      } catch (error) {
        report('poll')(error);
      }
      if (signal.aborted) break;
      await pause(signal, full);
    }
  };

  // Its own loop, so a worker whose run slots are all busy still fires every slot on time.
  const cronLoop = async (signal: AbortSignal): Promise<void> => {
    if (!options.cron) return;
    while (!signal.aborted) {
      try {
        await tickCron(deps.clock.now());
      } catch (error) {
        report('cron')(error);
      }
      if (signal.aborted) break;
      const nextSlot = cron.nextSlot();
      const untilSlot = nextSlot ? nextSlot.getTime() - deps.clock.now().getTime() : options.pollIntervalMs;
      await deps.clock.sleep(Math.max(1, Math.min(options.pollIntervalMs, untilSlot)), signal).catch(() => {});
    }
  };

  const renewLoop = async (signal: AbortSignal): Promise<void> => {
    const every = Math.max(1, Math.floor(options.leaseMs / 3));
    while (!signal.aborted) {
      // Idle workers do not tick: the loop waits for a run to start, then renews every leaseMs / 3.
      if (inFlight.size === 0) {
        await untilCalled(signal, (resolve) => (busy = resolve));
        busy = undefined;
      }
      await deps.clock.sleep(every, signal).catch(() => {});
      if (signal.aborted) break;
      const ids = inFlight.renewable();
      if (ids.length === 0) continue;
      try {
        const until = new Date(deps.clock.now().getTime() + options.leaseMs);
        const held = new Set(await deps.store.runs.renewLeases(ids, deps.workerId, until));
        for (const id of ids) if (!held.has(id)) inFlight.abort(id, new AbortedError('lease'));
      } catch (error) {
        report('lease renewal')(error);
      }
    }
  };

  const retentionLoop = async (signal: AbortSignal): Promise<void> => {
    const { days, intervalMs } = deps.retention;
    if (!(days > 0)) return;
    while (!signal.aborted) {
      try {
        const before = new Date(deps.clock.now().getTime() - days * 86_400_000);
        const purged = await deps.store.runs.purge(before, [...TERMINAL_RUN_STATUSES]);
        if (purged > 0) deps.logger.info('purged old runs', { purged, before: before.toISOString() });
      } catch (error) {
        report('retention')(error);
      }
      await deps.clock.sleep(intervalMs, signal).catch(() => {});
    }
  };

  inFlight.onStart(() => busy?.());

  return {
    async start() {
      if (running) return;
      running = true;
      loopController = new AbortController();
      const signal = loopController.signal;
      loops = [pollLoop(signal), cronLoop(signal), renewLoop(signal), retentionLoop(signal)];
    },
    async stop() {
      if (!running) return;
      running = false;
      loopController.abort();
      await Promise.allSettled(loops);
      // In-flight nodes get a grace period on the real timer, then their runs are aborted and handed back.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled([inFlight.settled(), ...claimed]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, options.stopGraceMs);
        }),
      ]);
      clearTimeout(timer);
      inFlight.abortAll(new AbortedError('stop'));
      await Promise.allSettled([inFlight.settled(), ...claimed]);
    },
  };
}

/** Resolves when the function handed to `register` is called, or when `signal` aborts. */
function untilCalled(signal: AbortSignal, register: (resolve: () => void) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    register(done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** A real-timer pause that lets the host's I/O run (not the clock port: it must pass even on a fake clock). */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
