import { fdatasync } from 'node:fs';
import type Database from 'better-sqlite3';
import { AdapterError, isSwigsError } from '@swigs/automation-core';

interface QueuedWrite {
  /** Dropped once it ran: what it captured (an encoded run) need not outlive the transaction until the fsync. */
  op: (() => unknown) | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** The op's result, or what it threw when `failed`. */
  value: unknown;
  failed: boolean;
}

/** Group commit: writes queued during one event-loop turn share one transaction and one fsync. */
export interface WriteQueue {
  /** Runs `op` inside the next batch transaction; resolves once that transaction is committed (and synced). */
  run<T>(op: () => T): Promise<T>;
  /** Commits whatever is queued now. */
  flush(): void;
  /** Resolves once every write queued so far is committed and synced. */
  drain(): Promise<void>;
  /**
   * Adds `hook` to what every batch transaction runs after its writes, before it commits: counters the writes
   * accumulated (one statement per counter and batch, not per write) are applied there, in the same transaction.
   * A hook that throws fails the whole batch. `discard` runs when a batch fails, so nothing accumulated leaks
   * into the next one.
   */
  beforeCommit(hook: { apply(): void; discard(): void }): void;
  readonly stats: { commits: number; syncs: number };
}

export interface WriteQueueOptions {
  /**
   * File descriptor of the WAL to `fdatasync` after each commit before its callers resolve (durability `full`),
   * or null when the commit alone acknowledges (durability `normal`).
   */
  walFd: number | null;
  /** Called after each commit (the WAL checkpointer's cue). */
  afterCommit?: () => void;
  /** While it answers true, writes keep queueing and nothing commits; `flush()` commits them once it is false. */
  holding?: () => boolean;
}

/** Writes beyond this many wait for the next transaction, to keep each commit short. */
const MAX_BATCH = 2000;

export function createWriteQueue(db: Database.Database, options: WriteQueueOptions): WriteQueue {
  let queue: QueuedWrite[] = [];
  let scheduled = false;
  const stats = { commits: 0, syncs: 0 };
  // Batches committed but waiting for the next fdatasync, and whether one is running.
  let unsynced: (() => void)[] = [];
  let unsyncedFailures: ((error: unknown) => void)[] = [];
  let syncing = false;
  const hooks: { apply(): void; discard(): void }[] = [];
  // Each write's outcome is kept on the write itself (no outcome object per write); a batch that fails to commit
  // rejects every write, whatever its op returned.
  const commitBatch = db.transaction((batch: QueuedWrite[]) => {
    // No savepoint per write: SQLite undoes a failing statement (a duplicate id) on its own, and every write
    // fails, if at all, on its first statement, so a failure never leaves half a write in the transaction.
    for (const write of batch) {
      const op = write.op as () => unknown;
      write.op = undefined;
      try {
        write.value = op();
      } catch (error) {
        write.value = error;
        write.failed = true;
      }
    }
    for (const hook of hooks) hook.apply();
  });

  const settle = (batch: QueuedWrite[]): void => {
    for (const write of batch) {
      if (write.failed) write.reject(wrap(write.value));
      else write.resolve(write.value);
    }
  };

  // The fsync runs on libuv's thread pool, so the event loop keeps queueing the next batch meanwhile;
  // every batch committed before a sync starts is acknowledged when that sync completes.
  const sync = (): void => {
    if (syncing || unsynced.length === 0 || options.walFd === null) return;
    syncing = true;
    const acks = unsynced;
    const failures = unsyncedFailures;
    unsynced = [];
    unsyncedFailures = [];
    fdatasync(options.walFd, (error) => {
      syncing = false;
      if (error) {
        const failure = new AdapterError('sqlite', `fdatasync of the WAL failed: ${error.message}`, { cause: error });
        for (const fail of failures) fail(failure);
      } else {
        stats.syncs += 1;
        for (const ack of acks) ack();
      }
      sync();
    });
  };

  const flush = (): void => {
    scheduled = false;
    if (options.holding?.()) return;
    while (queue.length > 0) {
      const batch = queue.length > MAX_BATCH ? queue.slice(0, MAX_BATCH) : queue;
      queue = queue.length > MAX_BATCH ? queue.slice(MAX_BATCH) : [];
      try {
        commitBatch.immediate(batch);
        stats.commits += 1;
        options.afterCommit?.();
      } catch (error) {
        for (const hook of hooks) hook.discard();
        const failure = new AdapterError('sqlite', `write transaction failed: ${(error as Error).message}`, {
          cause: error,
        });
        for (const write of batch) write.reject(failure);
        continue;
      }
      if (options.walFd === null) {
        settle(batch);
      } else {
        unsynced.push(() => settle(batch));
        unsyncedFailures.push((error) => {
          for (const write of batch) write.reject(error);
        });
      }
    }
    sync();
  };

  const run = <T>(op: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ op, resolve: resolve as (value: unknown) => void, reject, value: undefined, failed: false });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });

  return {
    run,
    flush,
    async drain() {
      await run(() => undefined);
    },
    beforeCommit(hook) {
      hooks.push(hook);
    },
    stats,
  };
}

function wrap(error: unknown): unknown {
  if (isSwigsError(error)) return error;
  return new AdapterError('sqlite', (error as Error)?.message ?? String(error), { cause: error });
}
