import { randomUUID } from 'node:crypto';
import type { Collection, Document } from 'mongodb';
import { createTickBatch } from './tick-batch';

/** A guarded update of one run: its filter names the run and what the write assumes of it. */
export interface GuardedRunWrite {
  id: string;
  filter: Document;
  update: Document;
}

/**
 * The guarded run writes of one event-loop turn in one unordered bulk write; answers per write whether it was
 * applied. Each batch stamps its writes with a fresh `writeToken`: when fewer matched than were sent (a guard
 * failed, or the bulk write failed part-way), one read of that token tells which were applied. A write not
 * applied is left to the caller's single-document path, which tells a lost lease from a transient failure.
 * A run's writes are sequential (the engine awaits each), so one batch never holds two writes of one run.
 */
export function createRunWriteBatch(runs: Collection<Document>): (write: GuardedRunWrite) => Promise<boolean> {
  return createTickBatch<GuardedRunWrite, boolean>(async (writes) => {
    const token = randomUUID();
    // One order for every batch: two bulk writes touching the same runs lock them in the same order.
    const operations = writes
      .map((write, index) => ({ write, index }))
      .sort((a, b) => (a.write.id < b.write.id ? -1 : a.write.id > b.write.id ? 1 : 0))
      .map(({ write }) => ({
        updateOne: {
          filter: write.filter,
          update: { ...write.update, $set: { ...write.update.$set, writeToken: token } },
        },
      }));
    let failure: unknown;
    try {
      const result = await runs.bulkWrite(operations, { ordered: false, ignoreUndefined: true });
      if (result.matchedCount === writes.length) return writes.map(() => ({ ok: true, value: true }));
    } catch (error) {
      failure = error;
    }
    let applied: Set<unknown>;
    try {
      const docs = await runs
        .find(
          { _id: { $in: writes.map((write) => write.id) as never[] }, writeToken: token },
          { projection: { _id: 1 } },
        )
        .batchSize(writes.length)
        .toArray();
      applied = new Set(docs.map((doc) => doc._id));
    } catch {
      throw failure ?? new Error('could not read back the run writes of a batch');
    }
    return writes.map((write) => ({ ok: true, value: applied.has(write.id) }));
  });
}
