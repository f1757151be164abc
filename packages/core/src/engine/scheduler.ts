import type { Automation } from '../model/automation';
import type { AutomationRun } from '../model/run';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Store } from '../ports/store';
import { CronTable, SCHEDULE_TRIGGER } from './cron-table';
import type { RetentionOptions, SchedulerOptions } from './types';

/** What the scheduler reads from its engine. */
export interface SchedulerHost {
  store: Store;
  clock: Clock;
  logger: Logger;
  workerId: string;
  schedulerOptions: Required<SchedulerOptions>;
  retention: Required<RetentionOptions>;
  inFlight: Map<string, { abort: { abort(reason: unknown): void }; done?: Promise<unknown>; first?: { written: boolean } }>;
}

/** What the scheduler asks its engine to do. */
export interface SchedulerActions {
  claim(limit: number): Promise<AutomationRun[]>;
  continueRun(run: AutomationRun): Promise<AutomationRun>;
  startScheduled(automation: Automation, payload: unknown, dedupeKey: string): Promise<unknown>;
  abortReason(why: 'stop' | 'lease'): unknown;
}

export interface Scheduler {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly running: boolean;
  /** Tells the lease loop a run started, so it sleeps only while runs are in flight. */
  notifyBusy(): void;
}

const PURGED_STATUSES = ['completed', 'failed', 'cancelled'] as const;

/**
 * The worker loops: claim due runs (polling, and sooner when `nextDueAt` or a cron slot says so), renew the
 * leases of runs in flight, fire `time.schedule` slots once across workers (dedupe keys), purge old runs.
 * Every sleep goes through the clock port, so a fake clock drives the loops in tests.
 */
export function createScheduler(host: SchedulerHost, actions: SchedulerActions): Scheduler {
  const options = host.schedulerOptions;
  const cron = new CronTable(host.logger);
  let running = false;
  let loopController = new AbortController();
  let loops: Promise<void>[] = [];
  const claimed = new Set<Promise<unknown>>();
  let slotFreed: (() => void) | undefined;
  let busy: (() => void) | undefined;

  const report = (what: string) => (error: unknown) =>
    host.logger.error(`scheduler: ${what} failed`, { error: error instanceof Error ? error.message : String(error) });

  const tickCron = async (now: Date): Promise<void> => {
    if (!options.cron) return;
    cron.refresh(await host.store.automations.findActiveByTrigger(SCHEDULE_TRIGGER), now);
    for (const due of cron.takeDue(now)) {
      const slot = due.slot.toISOString();
      const payload = { scheduledAt: slot, firedAt: now.toISOString(), cron: due.cron, timezone: due.timezone };
      await actions.startScheduled(due.automation, payload, `cron:${due.automation.id}:${slot}`).catch(report('cron run'));
    }
  };

  const claimBatch = async (): Promise<boolean> => {
    const free = options.concurrency - claimed.size;
    if (free <= 0) return false;
    const wanted = Math.min(options.batchSize, free);
    const batch = await actions.claim(wanted);
    for (const run of batch) {
      const done: Promise<unknown> = actions
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
    if (full) return yieldToHost();
    const now = host.clock.now().getTime();
    let delay = options.pollIntervalMs;
    const nextDue = await host.store.runs.nextDueAt().catch(() => null);
    if (nextDue) delay = Math.min(delay, nextDue.getTime() - now);
    // A due time already past but not claimable (another worker holds it) must not spin the loop.
    if (delay <= 0) return yieldToHost(Math.min(options.pollIntervalMs, 20));
    await host.clock.sleep(delay, signal).catch(() => {});
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
        await tickCron(host.clock.now());
      } catch (error) {
        report('cron')(error);
      }
      if (signal.aborted) break;
      const nextSlot = cron.nextSlot();
      const untilSlot = nextSlot ? nextSlot.getTime() - host.clock.now().getTime() : options.pollIntervalMs;
      await host.clock.sleep(Math.max(1, Math.min(options.pollIntervalMs, untilSlot)), signal).catch(() => {});
    }
  };

  const renewLoop = async (signal: AbortSignal): Promise<void> => {
    const every = Math.max(1, Math.floor(options.leaseMs / 3));
    while (!signal.aborted) {
      // Idle workers do not tick: the loop waits for a run to start, then renews every leaseMs / 3.
      if (host.inFlight.size === 0) {
        await untilCalled(signal, (resolve) => (busy = resolve));
        busy = undefined;
      }
      await host.clock.sleep(every, signal).catch(() => {});
      if (signal.aborted) break;
      // A run not written yet has no stored lease: renewing it would read as a lost lease.
      const ids = [...host.inFlight].filter(([, flight]) => flight.first?.written !== false).map(([id]) => id);
      if (ids.length === 0) continue;
      try {
        const until = new Date(host.clock.now().getTime() + options.leaseMs);
        const held = new Set(await host.store.runs.renewLeases(ids, host.workerId, until));
        for (const id of ids) if (!held.has(id)) host.inFlight.get(id)?.abort.abort(actions.abortReason('lease'));
      } catch (error) {
        report('lease renewal')(error);
      }
    }
  };

  const retentionLoop = async (signal: AbortSignal): Promise<void> => {
    const { days, intervalMs } = host.retention;
    if (!(days > 0)) return;
    while (!signal.aborted) {
      try {
        const before = new Date(host.clock.now().getTime() - days * 86_400_000);
        const purged = await host.store.runs.purge(before, [...PURGED_STATUSES]);
        if (purged > 0) host.logger.info('purged old runs', { purged, before: before.toISOString() });
      } catch (error) {
        report('retention')(error);
      }
      await host.clock.sleep(intervalMs, signal).catch(() => {});
    }
  };

  return {
    get running() {
      return running;
    },
    notifyBusy() {
      busy?.();
    },
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
      const pending = (): Promise<unknown>[] => [...host.inFlight.values()].map((flight) => flight.done ?? Promise.resolve());
      // In-flight nodes get a grace period on the real timer, then their runs are aborted and handed back.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled([...pending(), ...claimed]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, options.stopGraceMs);
        }),
      ]);
      clearTimeout(timer);
      for (const flight of host.inFlight.values()) flight.abort.abort(actions.abortReason('stop'));
      await Promise.allSettled([...pending(), ...claimed]);
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

function yieldToHost(ms = 0): Promise<void> {
  return delay(ms);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
