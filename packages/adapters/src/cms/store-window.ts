import type { UniqueKeyRepository } from '@swigs/automation-core';

/** Options of `createStoreWindow`. */
export interface StoreWindowOptions {
  /** The shared store's unique keys: one key per slot, taken atomically. */
  keys: Pick<UniqueKeyRepository, 'add'>;
  /** Requests any window may hold, across every process sharing the store. */
  capacity: number;
  windowMs: number;
  /** Longest time between taking a slot and the request reaching the CMS (the connect timeout bounds it). */
  holdMs: number;
  /** Key prefix of the slots. Default `cms:rate:`. */
  prefix?: string;
  /** Pause between two scans when every slot is taken. Default `windowMs / 60`, at least 10 ms. */
  retryMs?: number;
}

/** Slots of a rate window kept in the store. */
export interface StoreWindow {
  /** Waits for a free slot. Rejects when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * A sliding-window limit shared by every process on one store, surviving restarts: `capacity` slot keys, each taken
 * with `keys.add` (atomic) and kept `holdMs + windowMs`. A request reaches the CMS at most `holdMs` after taking
 * its slot, and the next request on that slot is sent at least `holdMs + windowMs` after it was taken: two
 * requests on one slot never arrive within `windowMs`, so no window holds more than `capacity` of them, however
 * many workers share the store or restart. The price of not knowing when a request ended (a crash leaves no
 * trace) is `holdMs` per slot: at most `capacity` requests per `windowMs + holdMs` when the limit is reached.
 * Expiry is the store's own (wall) time.
 * @example
 * const window = createStoreWindow({ keys: store.keys, capacity: 100, windowMs: 60_000, holdMs: 5000 });
 * await window.acquire();
 */
export function createStoreWindow(options: StoreWindowOptions): StoreWindow {
  const { keys, capacity, windowMs, holdMs } = options;
  const prefix = options.prefix ?? 'cms:rate:';
  const retryMs = options.retryMs ?? Math.max(10, Math.floor(windowMs / 60));
  // Where this process looks first: after the slot it took last (a random start keeps workers apart).
  let next = Math.floor(Math.random() * capacity);
  return {
    async acquire(signal) {
      for (;;) {
        for (let scanned = 0; scanned < capacity; scanned += 1) {
          signal?.throwIfAborted();
          const slot = (next + scanned) % capacity;
          if (await keys.add(`${prefix}${slot}`, { expiresAt: new Date(Date.now() + holdMs + windowMs) })) {
            next = (slot + 1) % capacity;
            return;
          }
        }
        await sleep(retryMs, signal);
      }
    },
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort(): void {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}
