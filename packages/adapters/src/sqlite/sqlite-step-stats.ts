import type Database from 'better-sqlite3';
import {
  type AutomationRun,
  countStepEntry,
  SENDING_STEP_TYPES,
  type StepStats,
  type StepStatsQuery,
  stepStatsDay,
} from '@swigs/automation-core';
import type { WriteQueue } from './write-queue';

interface StepRow {
  user_id: string;
  automation_id: string;
  version: number;
  day: number;
  node_id: string;
  node_type: string;
  reached: number;
  succeeded: number;
  failed: number;
  sent: number;
}

/** Step counters kept with the run writes, and the query that sums them (`RunRepository.stepStats`). */
export interface SqliteStepStats {
  /**
   * Counts `run`'s log entries from `from` on; call inside the run's write transaction. The counts of a batch
   * are summed and written once, before it commits.
   */
  record(run: AutomationRun, from: number): void;
  query(userId: string, automationId: string, query: StepStatsQuery): StepStats[];
}

/**
 * `step_stats` holds one row per step and UTC day, incremented as log entries are written, so the stats route
 * sums at most 90 rows per step instead of reading runs. Waiting counts come from the partial index on runs.
 */
export function createSqliteStepStats(db: Database.Database, writes: WriteQueue): SqliteStepStats {
  const upsert = db.prepare<[StepRow]>(`INSERT INTO step_stats
    (user_id, automation_id, version, day, node_id, node_type, reached, succeeded, failed, sent)
    VALUES (@user_id, @automation_id, @version, @day, @node_id, @node_type, @reached, @succeeded, @failed, @sent)
    ON CONFLICT (user_id, automation_id, version, day, node_id) DO UPDATE SET reached = reached + excluded.reached,
      succeeded = succeeded + excluded.succeeded, failed = failed + excluded.failed, sent = sent + excluded.sent`);
  const sums = db.prepare<[string, string, number, number], StepRow>(`SELECT node_id, MAX(node_type) AS node_type,
      SUM(reached) AS reached, SUM(succeeded) AS succeeded, SUM(failed) AS failed, SUM(sent) AS sent
    FROM step_stats WHERE user_id = ? AND automation_id = ? AND version = ? AND day >= ? GROUP BY node_id`);
  const waiting = db.prepare<[string, string, number], { node: string; count: number }>(`SELECT waiting_node AS node,
      COUNT(*) AS count FROM runs
    WHERE user_id = ? AND automation_id = ? AND automation_version = ? AND status = 'waiting'
      AND waiting_node IS NOT NULL GROUP BY waiting_node`);

  // The counts of the open batch, per step and day: its runs of one automation add to each row once.
  const pending = new Map<string, StepRow>();
  writes.beforeCommit({
    apply() {
      for (const row of pending.values()) upsert.run(row);
      pending.clear();
    },
    discard: () => pending.clear(),
  });

  // One scratch map for every entry counted: a map per entry was most of what counting allocated.
  const counted = new Map<string, StepStats>();
  return {
    record(run, from) {
      const log = run.executionLog;
      for (let index = from; index < log.length; index++) {
        const entry = log[index]!;
        counted.clear();
        countStepEntry(counted, entry);
        const stats = counted.get(entry.nodeId);
        if (!stats) continue;
        const day = stepStatsDay(entry.startedAt);
        const key = `${run.userId}\u0000${run.automationId}\u0000${run.automationVersion}\u0000${day}\u0000${entry.nodeId}`;
        const row = pending.get(key);
        if (row) {
          row.reached += stats.reached;
          row.succeeded += stats.succeeded;
          row.failed += stats.failed;
          row.sent += stats.sent ?? 0;
          continue;
        }
        pending.set(key, {
          user_id: run.userId,
          automation_id: run.automationId,
          version: run.automationVersion,
          day,
          node_id: entry.nodeId,
          node_type: entry.nodeType,
          reached: stats.reached,
          succeeded: stats.succeeded,
          failed: stats.failed,
          sent: stats.sent ?? 0,
        });
      }
    },
    query(userId, automationId, query) {
      const byNode = new Map<string, StepStats>();
      for (const row of sums.all(userId, automationId, query.version, stepStatsDay(query.since))) {
        byNode.set(row.node_id, {
          nodeId: row.node_id,
          reached: row.reached,
          waiting: 0,
          succeeded: row.succeeded,
          failed: row.failed,
          ...(SENDING_STEP_TYPES.includes(row.node_type) ? { sent: row.sent } : {}),
        });
      }
      for (const row of waiting.all(userId, automationId, query.version)) {
        const stats = byNode.get(row.node) ?? { nodeId: row.node, reached: 0, waiting: 0, succeeded: 0, failed: 0 };
        stats.waiting = row.count;
        byNode.set(row.node, stats);
      }
      return [...byNode.values()];
    },
  };
}
