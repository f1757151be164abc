/** Time as the runtime sees it. Tests and dry runs use `createFakeClock`. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms` of this clock's time, or rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The wall clock. */
export function createSystemClock(): Clock {
  return {
    now: () => new Date(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        const onAbort = (): void => {
          clearTimeout(timer);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}

/** A clock that moves only when told to; sleepers wake as `advance` passes their time. */
export interface FakeClock extends Clock {
  set(date: Date | string | number): void;
  /** Moves time forward and resolves the sleepers that fall due, in order. */
  advance(ms: number): Promise<void>;
  /** Number of sleepers not yet woken. */
  readonly pending: number;
}

/**
 * A manual clock for tests and dry runs.
 * @example
 * const clock = createFakeClock('2026-03-01T08:00:00Z');
 * await clock.advance(2 * 24 * 3600_000);
 */
export function createFakeClock(start: Date | string | number = Date.UTC(2026, 0, 1)): FakeClock {
  let current = new Date(start).getTime();
  let sleepers: { at: number; resolve: () => void }[] = [];

  const wake = async (): Promise<void> => {
    const due = sleepers.filter((s) => s.at <= current).sort((a, b) => a.at - b.at);
    sleepers = sleepers.filter((s) => s.at > current);
    for (const sleeper of due) sleeper.resolve();
    // Let woken continuations run before the caller observes the new time.
    await new Promise<void>((resolve) => nextTask(resolve));
  };

  return {
    now: () => new Date(current),
    set(date) {
      current = new Date(date).getTime();
    },
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        if (ms <= 0) return resolve();
        const onAbort = (): void => {
          sleepers = sleepers.filter((s) => s !== sleeper);
          reject(signal?.reason);
        };
        const sleeper = {
          at: current + ms,
          resolve: () => {
            // A long-lived signal (a scheduler loop's) must not collect one listener per sleep.
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    async advance(ms) {
      const target = current + ms;
      // Step through each due sleeper so chained sleeps see the time they asked for.
      for (;;) {
        const next = sleepers.filter((s) => s.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        current = Math.max(current, next.at);
        await wake();
      }
      current = target;
      await wake();
    },
    get pending() {
      return sleepers.length;
    },
  };
}

/** Runs `callback` in a later macrotask: `setImmediate` where the host has it (Node), else `setTimeout(0)` (browsers). */
function nextTask(callback: () => void): void {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') immediate(callback);
  else setTimeout(callback, 0);
}
