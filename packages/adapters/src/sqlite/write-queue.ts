import type Database from 'better-sqlite3';
import { AdapterError, isSwigsError } from '@swigs/automation-core';

interface QueuedWrite {
  op: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Group commit: writes queued during one event-loop turn share one transaction and one fsync. */
export interface WriteQueue {
  /** Runs `op` inside the next batch transaction; resolves after that transaction committed. */
  run<T>(op: () => T): Promise<T>;
  /** Commits whatever is queued now. */
  flush(): void;
  readonly size: number;
}

/** Writes beyond this many wait for the next transaction, to keep each commit short. */
const MAX_BATCH = 2000;

export function createWriteQueue(db: Database.Database): WriteQueue {
  let queue: QueuedWrite[] = [];
  let scheduled = false;
  const savepoint = db.prepare('SAVEPOINT op');
  const releaseSavepoint = db.prepare('RELEASE op');
  const rollbackSavepoint = db.prepare('ROLLBACK TO op');

  const commitBatch = db.transaction((batch: QueuedWrite[]) => {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    for (const write of batch) {
      // Each write gets a savepoint, so one failing write (a duplicate id) never undoes its neighbours.
      savepoint.run();
      try {
        outcomes.push({ ok: true, value: write.op() });
        releaseSavepoint.run();
      } catch (error) {
        rollbackSavepoint.run();
        releaseSavepoint.run();
        outcomes.push({ ok: false, value: error });
      }
    }
    return outcomes;
  });

  const flush = (): void => {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.length > MAX_BATCH ? queue.slice(0, MAX_BATCH) : queue;
      queue = queue.length > MAX_BATCH ? queue.slice(MAX_BATCH) : [];
      let outcomes: { ok: boolean; value: unknown }[];
      try {
        outcomes = commitBatch.immediate(batch);
      } catch (error) {
        const failure = new AdapterError('sqlite', `write transaction failed: ${(error as Error).message}`, {
          cause: error,
        });
        for (const write of batch) write.reject(failure);
        continue;
      }
      outcomes.forEach((outcome, i) => {
        const write = batch[i]!;
        if (outcome.ok) write.resolve(outcome.value);
        else write.reject(wrap(outcome.value));
      });
    }
  };

  return {
    run<T>(op: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ op, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    flush,
    get size() {
      return queue.length;
    },
  };
}

function wrap(error: unknown): unknown {
  if (isSwigsError(error)) return error;
  return new AdapterError('sqlite', (error as Error)?.message ?? String(error), { cause: error });
}
