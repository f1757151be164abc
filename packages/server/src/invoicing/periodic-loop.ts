import type { Clock, Logger } from '@swigs/automation-core';

/** A pass repeated on the clock until stopped: `start()` runs the first pass at once, `stop()` awaits the current one. */
export interface PeriodicLoop {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Runs `pass` every `intervalMs` on `clock`. A failing pass is logged as `failure` and tried again next time, so one
 * store outage never ends the loop. `first` is true until a pass succeeds: the start-up pass, and its retries.
 */
export function periodicLoop(options: {
  clock: Clock;
  intervalMs: number;
  logger?: Logger;
  failure: string;
  pass: (first: boolean) => Promise<unknown>;
}): PeriodicLoop {
  let loop: Promise<void> | undefined;
  let abort: AbortController | undefined;
  return {
    start() {
      if (loop) return;
      abort = new AbortController();
      const signal = abort.signal;
      loop = (async () => {
        let first = true;
        while (!signal.aborted) {
          try {
            await options.pass(first);
            first = false;
          } catch (error) {
            options.logger?.error(options.failure, { error: error instanceof Error ? error.message : String(error) });
          }
          await options.clock.sleep(options.intervalMs, signal).catch(() => undefined);
        }
      })();
    },
    async stop() {
      abort?.abort();
      await loop;
      loop = undefined;
    },
  };
}
