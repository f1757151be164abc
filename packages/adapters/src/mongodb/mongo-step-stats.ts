import {
  type AutomationRun,
  countStepEntry,
  SENDING_STEP_TYPES,
  type StepStats,
  type StepStatsQuery,
  stepStatsDay,
} from '@swigs/automation-core';
import type { Collection, Document } from 'mongodb';
import { writeCommuting } from './mongo-bulk';
import { createTickBatch } from './tick-batch';

const COUNTED = ['reached', 'succeeded', 'failed', 'sent'] as const;

/** One log entry's counts for its step and day. */
interface Increment {
  filter: { userId: string; automationId: string; version: number; day: number; nodeId: string };
  inc: Record<(typeof COUNTED)[number], number>;
  nodeType: string;
}

/** Step counters kept with the run writes, and the aggregate that sums them (`RunRepository.stepStats`). */
export interface MongoStepStats {
  /** Counts `run`'s log entries from `from` on. */
  record(run: AutomationRun, from: number): Promise<void>;
  query(userId: string, automationId: string, query: StepStatsQuery): Promise<StepStats[]>;
}

/**
 * `stepstats` holds one document per step and UTC day, `$inc`-upserted as log entries are written, so the stats
 * route sums at most 90 documents per step; waiting counts come from the partial `waiting_step` index on runs.
 */
export function createMongoStepStats(counters: Collection<Document>, runs: Collection<Document>): MongoStepStats {
  // Increments commute: the entries of every checkpoint in one event-loop turn are summed per step and day and
  // written with one unordered bulk write.
  const add = createTickBatch<Increment>(async (increments) => {
    const byKey = new Map<string, Increment>();
    for (const increment of increments) {
      const key = JSON.stringify(increment.filter);
      const sum = byKey.get(key);
      if (!sum) {
        byKey.set(key, { ...increment, inc: { ...increment.inc } });
        continue;
      }
      for (const field of COUNTED) sum.inc[field] += increment.inc[field];
    }
    await writeCommuting(
      counters,
      [...byKey].map(([key, { filter, inc, nodeType }]) => ({
        key,
        operation: { updateOne: { filter, update: { $inc: inc, $setOnInsert: { nodeType } }, upsert: true } },
      })),
    );
    return undefined;
  });
  return {
    async record(run, from) {
      const writes: Promise<void>[] = [];
      for (let index = from; index < run.executionLog.length; index++) {
        const entry = run.executionLog[index]!;
        const counted = new Map<string, StepStats>();
        countStepEntry(counted, entry);
        const stats = counted.get(entry.nodeId);
        if (!stats) continue;
        writes.push(
          add({
            filter: {
              userId: run.userId,
              automationId: run.automationId,
              version: run.automationVersion,
              day: stepStatsDay(entry.startedAt),
              nodeId: entry.nodeId,
            },
            inc: { reached: stats.reached, succeeded: stats.succeeded, failed: stats.failed, sent: stats.sent ?? 0 },
            nodeType: entry.nodeType,
          }),
        );
      }
      await Promise.all(writes);
    },
    async query(userId, automationId, query) {
      const [sums, waiting] = await Promise.all([
        counters
          .aggregate([
            { $match: { userId, automationId, version: query.version, day: { $gte: stepStatsDay(query.since) } } },
            {
              $group: {
                _id: '$nodeId',
                nodeType: { $max: '$nodeType' },
                reached: { $sum: '$reached' },
                succeeded: { $sum: '$succeeded' },
                failed: { $sum: '$failed' },
                sent: { $sum: '$sent' },
              },
            },
          ])
          .toArray(),
        runs
          .aggregate([
            {
              $match: {
                userId,
                automationId,
                automationVersion: query.version,
                status: 'waiting',
                waitingNode: { $type: 'string' },
              },
            },
            { $group: { _id: '$waitingNode', count: { $sum: 1 } } },
          ])
          .toArray(),
      ]);
      const byNode = new Map<string, StepStats>();
      for (const row of sums) {
        const nodeId = row._id as string;
        byNode.set(nodeId, {
          nodeId,
          reached: row.reached,
          waiting: 0,
          succeeded: row.succeeded,
          failed: row.failed,
          ...(SENDING_STEP_TYPES.includes(row.nodeType) ? { sent: row.sent } : {}),
        });
      }
      for (const row of waiting) {
        const nodeId = row._id as string;
        const stats = byNode.get(nodeId) ?? { nodeId, reached: 0, waiting: 0, succeeded: 0, failed: 0 };
        stats.waiting = row.count;
        byNode.set(nodeId, stats);
      }
      return [...byNode.values()];
    },
  };
}
