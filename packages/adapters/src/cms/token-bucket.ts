import type { Clock } from '@swigs/automation-core';

/** Options of `createTokenBucket`. */
export interface TokenBucketOptions {
  /** Tokens in the bucket: the most requests any window may hold. */
  capacity: number;
  /** How long a spent token stays out of the bucket, counted from the end of its request. */
  windowMs: number;
  clock: Clock;
}

/** A taken token; `release` marks the end of the request it paid for. */
export interface TokenLease {
  release(): void;
}

/** A token bucket whose tokens each come back `windowMs` after the request they paid for ended. */
export interface TokenBucket {
  /** Waits for a free token (FIFO). Rejects when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<TokenLease>;
  /** Tokens out right now: in flight or released less than `windowMs` ago. */
  readonly outstanding: number;
}

/**
 * A token bucket that never lets more than `capacity` requests into any sliding window of `windowMs`.
 *
 * A classic bucket refilling continuously at `capacity / windowMs` lets `2 × capacity` through in the first
 * window (a full bucket plus a window of refill). Here a token is stamped when its request *ends* and returns
 * to the bucket only `windowMs` later, so the server, which sees each request arrive before it ends, can never
 * count more than `capacity` arrivals in one window.
 * @example
 * const bucket = createTokenBucket({ capacity: 100, windowMs: 60_000, clock });
 * const lease = await bucket.acquire();
 * try { await send(); } finally { lease.release(); }
 */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { capacity, windowMs, clock } = options;
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`token bucket: capacity must be a positive integer (got ${capacity})`);
  if (!(windowMs > 0)) throw new RangeError(`token bucket: windowMs must be positive (got ${windowMs})`);

  // Release instants of spent tokens, oldest first; in-flight tokens are counted apart.
  const released: number[] = [];
  let inFlight = 0;
  let releaseWaiters: (() => void)[] = [];
  let queue: Promise<void> = Promise.resolve();

  const prune = (now: number): void => {
    while (released.length > 0 && (released[0] as number) + windowMs < now) released.shift();
  };

  const take = async (signal?: AbortSignal): Promise<TokenLease> => {
    for (;;) {
      signal?.throwIfAborted();
      const now = clock.now().getTime();
      prune(now);
      if (inFlight + released.length < capacity) break;
      const oldest = released[0];
      if (oldest === undefined) {
        // Every token is in flight: wait for one request to end, then for its window.
        await new Promise<void>((resolve) => releaseWaiters.push(resolve));
      } else {
        // Back strictly after the window, so a server counting arrivals in (t - windowMs, t] has let it go.
        await clock.sleep(oldest + windowMs - now + 1, signal);
      }
    }
    inFlight += 1;
    let done = false;
    return {
      release() {
        if (done) return;
        done = true;
        inFlight -= 1;
        released.push(clock.now().getTime());
        const waiters = releaseWaiters;
        releaseWaiters = [];
        for (const wake of waiters) wake();
      },
    };
  };

  return {
    acquire(signal) {
      const turn = queue.then(() => take(signal));
      // The next caller waits for this one to get its token (or give up), never for its request.
      queue = turn.then(
        () => undefined,
        () => undefined,
      );
      return turn;
    },
    get outstanding() {
      prune(clock.now().getTime());
      return inFlight + released.length;
    },
  };
}
