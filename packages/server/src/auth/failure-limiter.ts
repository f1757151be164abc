/** Counts failed authentications per client and blocks a client past `maxFailures` within `windowMs`. */
export interface FailureLimiter {
  /** Milliseconds until `key` may try again, or 0 when it is not blocked. */
  blockedFor(key: string): number;
  recordFailure(key: string): void;
  reset(key: string): void;
  /** Number of clients with recorded failures (0 lets callers skip looking up the client address). */
  readonly size: number;
}

export interface FailureLimiterOptions {
  /** Failures allowed per window. Default 10. */
  maxFailures?: number;
  /** Default 5 minutes. */
  windowMs?: number;
  now?: () => number;
}

const MAX_TRACKED = 10_000;

/** A fixed-window failure counter kept in memory (one process). */
export function createFailureLimiter(options: FailureLimiterOptions = {}): FailureLimiter {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.windowMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { count: number; resetAt: number }>();

  const live = (key: string): { count: number; resetAt: number } | undefined => {
    const entry = entries.get(key);
    if (entry && entry.resetAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    blockedFor(key) {
      const entry = live(key);
      return entry && entry.count >= maxFailures ? entry.resetAt - now() : 0;
    },
    recordFailure(key) {
      const entry = live(key);
      if (entry) {
        entry.count += 1;
        return;
      }
      // Bound memory under a spray of addresses: drop expired entries, then the oldest.
      if (entries.size >= MAX_TRACKED) {
        for (const [k, e] of entries) if (e.resetAt <= now()) entries.delete(k);
        if (entries.size >= MAX_TRACKED) entries.delete(entries.keys().next().value as string);
      }
      entries.set(key, { count: 1, resetAt: now() + windowMs });
    },
    reset(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
