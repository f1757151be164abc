import type { Clock } from '@swigs/automation-core';

/**
 * The system clock sped up `scale` times from `origin` (epoch ms): every process given the same origin and
 * scale reads the same time, so waits of minutes pass in seconds across real worker processes.
 */
export function createScaledClock(origin: number, scale: number): Clock {
  return {
    now: () => new Date(origin + (Date.now() - origin) * scale),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer = setTimeout(
          () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          Math.max(0, ms / scale),
        );
        const onAbort = (): void => {
          clearTimeout(timer);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}
