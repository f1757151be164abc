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

  // The counts of the open batch: per automation version and day, then per step; its runs add to each row once.
  const pending = new Map<string, Map<string, StepRow>>();
  // The group the previous entry went to: a batch's entries mostly share it, so no key is built for them.
  let last: { userId: string; automationId: string; version: number; day: number; rows: Map<string, StepRow> } | null =
    null;
  const clear = (): void => {
    pending.clear();
    last = null;
  };
  writes.beforeCommit({
    apply() {
      for (const rows of pending.values()) for (const row of rows.values()) upsert.run(row);
      clear();
    },
    discard: clear,
  });
  const groupOf = (run: AutomationRun, day: number): Map<string, StepRow> => {
    const { userId, automationId, automationVersion: version } = run;
    if (last?.day === day && last.version === version && last.automationId === automationId && last.userId === userId)
      return last.rows;
    const key = `${userId}\u0000${automationId}\u0000${version}\u0000${day}`;
    let rows = pending.get(key);
    if (!rows) {
      rows = new Map();
      pending.set(key, rows);
    }
    last = { userId, automationId, version, day, rows };
    return rows;
  };

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
        const rows = groupOf(run, day);
        const row = rows.get(entry.nodeId);
        if (row) {
          row.reached += stats.reached;
          row.succeeded += stats.succeeded;
          row.failed += stats.failed;
          row.sent += stats.sent ?? 0;
          continue;
        }
        rows.set(entry.nodeId, {
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
