import type { StatsDelta } from '@swigs/automation-core';
import type { Collection, Document } from 'mongodb';
import { writeCommuting } from './mongo-bulk';
import { createTickBatch } from './tick-batch';

/** Adds a run write's stats delta to its automation; resolves once it is stored. */
export type RunStatsWriter = (userId: string, automationId: string, delta: StatsDelta) => Promise<void>;

interface Pending {
  userId: string;
  id: string;
  delta: StatsDelta;
}

/**
 * The stats deltas of the run writes of one event-loop turn, summed per automation and written with one bulk
 * write: the counts are `$inc`s; `lastRunAt` and `lastError` keep what one update of them in call order would.
 */
export function createRunStatsWriter(automations: Collection<Document>): RunStatsWriter {
  const add = createTickBatch<Pending>(async (items) => {
    const byAutomation = new Map<string, Pending>();
    for (const item of items) {
      const key = `${item.userId}\u0000${item.id}`;
      const sum = byAutomation.get(key);
      if (!sum) byAutomation.set(key, { ...item, delta: { ...item.delta } });
      else sum.delta = addDeltas(sum.delta, item.delta);
    }
    await writeCommuting(
      automations,
      [...byAutomation].map(([key, { userId, id, delta }]) => ({
        key,
        operation: { updateOne: { filter: { userId, id }, update: statsUpdate(delta) } },
      })),
    );
    return undefined;
  });
  return (userId, id, delta) => add({ userId, id, delta });
}

/** The `$inc`/`$set` update that adds one delta to an automation's stats. */
export function statsUpdate(delta: StatsDelta): Document {
  const update: Document = {
    $inc: {
      'stats.totalRuns': delta.totalRuns ?? 0,
      'stats.successfulRuns': delta.successfulRuns ?? 0,
      'stats.failedRuns': delta.failedRuns ?? 0,
    },
  };
  const set: Document = {};
  if (delta.lastRunAt) set['stats.lastRunAt'] = delta.lastRunAt;
  if (delta.lastError !== undefined) set['stats.lastError'] = delta.lastError;
  if (Object.keys(set).length > 0) update.$set = set;
  return update;
}

/** Two deltas as one: counts added, the later run time kept, the last error given kept. */
function addDeltas(a: StatsDelta, b: StatsDelta): StatsDelta {
  const sum: StatsDelta = {
    totalRuns: (a.totalRuns ?? 0) + (b.totalRuns ?? 0),
    successfulRuns: (a.successfulRuns ?? 0) + (b.successfulRuns ?? 0),
    failedRuns: (a.failedRuns ?? 0) + (b.failedRuns ?? 0),
  };
  const lastRunAt = !a.lastRunAt || (b.lastRunAt && b.lastRunAt > a.lastRunAt) ? b.lastRunAt : a.lastRunAt;
  if (lastRunAt) sum.lastRunAt = lastRunAt;
  const lastError = b.lastError !== undefined ? b.lastError : a.lastError;
  if (lastError !== undefined) sum.lastError = lastError;
  return sum;
}
