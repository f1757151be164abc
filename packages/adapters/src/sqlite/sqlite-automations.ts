import type Database from 'better-sqlite3';
import {
  type Automation,
  type AutomationRepository,
  type AutomationStats,
  emptyStats,
  type StatsDelta,
} from '@swigs/automation-core';
import { decodeJson, encodeJson } from './codec';
import { AUTOMATION_COLUMNS, type AutomationRaw, createAutomationDecoder } from './decoded-automations';
import { createPageCache } from './page-cache';
import type { WriteQueue } from './write-queue';

interface StatsRow {
  total_runs: number;
  successful_runs: number;
  failed_runs: number;
  last_run_at: number | null;
  last_error: string | null;
}

export interface SqliteAutomations {
  repository: AutomationRepository;
  /**
   * Stats increments of a write already running in the queue (a run write carrying its start or outcome): summed
   * per automation over the batch and applied once, before the batch commits, so they land exactly with the runs.
   */
  addStats(userId: string, id: string, delta: StatsDelta): void;
}

/** The stats increments of one automation summed over a batch. */
interface PendingStats {
  user_id: string;
  id: string;
  total: number;
  successful: number;
  failed: number;
  last_run_at: number | null;
  set_error: 0 | 1;
  last_error: string | null;
}

/**
 * Automations in `automations` (stats in their own columns, so increments are atomic) and `automation_versions`.
 * `changed` is called inside each write of a definition (save, delete), for the store's change mark.
 */
export function createSqliteAutomations(
  db: Database.Database,
  writes: WriteQueue,
  changed: () => void,
): SqliteAutomations {
  const decode = createAutomationDecoder();
  const pages = createPageCache<{ items: readonly Automation[]; total: number }>(db);
  const select = db
    .prepare<[string, string], AutomationRaw>(
      `SELECT ${AUTOMATION_COLUMNS} FROM automations WHERE user_id = ? AND id = ?`,
    )
    .raw();
  const selectVersion = db.prepare<[string, string, number], { doc: string }>(
    'SELECT doc FROM automation_versions WHERE user_id = ? AND id = ? AND version = ?',
  );
  const upsert = db
    .prepare(`INSERT INTO automations (user_id, id, name, is_active, trigger_type, doc,
      total_runs, successful_runs, failed_runs, last_run_at, last_error)
    VALUES (@user_id, @id, @name, @is_active, @trigger_type, @doc, @total_runs, @successful_runs, @failed_runs,
      @last_run_at, @last_error)
    ON CONFLICT (user_id, id) DO UPDATE SET name = excluded.name, is_active = excluded.is_active,
      trigger_type = excluded.trigger_type, doc = excluded.doc
    RETURNING ${AUTOMATION_COLUMNS}`)
    .raw();
  const insertVersion = db.prepare(
    'INSERT OR IGNORE INTO automation_versions (user_id, id, version, doc) VALUES (?, ?, ?, ?)',
  );
  const remove = db.prepare<[string, string]>('DELETE FROM automations WHERE user_id = ? AND id = ?');
  const updateStats = db.prepare(`UPDATE automations SET total_runs = total_runs + @total,
      successful_runs = successful_runs + @successful, failed_runs = failed_runs + @failed,
      last_run_at = COALESCE(@last_run_at, last_run_at),
      last_error = CASE WHEN @set_error THEN @last_error ELSE last_error END
    WHERE user_id = @user_id AND id = @id
    RETURNING total_runs, successful_runs, failed_runs, last_run_at, last_error`);
  const addToStats = db.prepare<[PendingStats]>(`UPDATE automations SET total_runs = total_runs + @total,
      successful_runs = successful_runs + @successful, failed_runs = failed_runs + @failed,
      last_run_at = COALESCE(@last_run_at, last_run_at),
      last_error = CASE WHEN @set_error THEN @last_error ELSE last_error END
    WHERE user_id = @user_id AND id = @id`);
  // Prepared once per filter shape: listing is the server's hottest read.
  const listCache = new Map<boolean, { items: Database.Statement; count: Database.Statement }>();
  const listStatements = (byActive: boolean): { items: Database.Statement; count: Database.Statement } => {
    let statements = listCache.get(byActive);
    if (!statements) {
      const active = byActive ? ' AND is_active = ?' : '';
      statements = {
        items: db
          .prepare(
            `SELECT ${AUTOMATION_COLUMNS} FROM automations WHERE user_id = ?${active} ORDER BY name, id LIMIT ? OFFSET ?`,
          )
          .raw(),
        count: db.prepare(`SELECT COUNT(*) AS total FROM automations WHERE user_id = ?${active}`),
      };
      listCache.set(byActive, statements);
    }
    return statements;
  };
  const byTrigger = db
    .prepare<[string], AutomationRaw>(
      `SELECT ${AUTOMATION_COLUMNS} FROM automations WHERE trigger_type = ? AND is_active = 1 ORDER BY name, id`,
    )
    .raw();
  const byTriggerForUser = db
    .prepare<[string, string], AutomationRaw>(
      `SELECT ${AUTOMATION_COLUMNS} FROM automations WHERE trigger_type = ? AND is_active = 1 AND user_id = ? ORDER BY name, id`,
    )
    .raw();

  // Stats increments of the open batch, per automation: a batch of 500 runs of one automation updates its row once.
  const pending = new Map<string, PendingStats>();
  const addStats = (userId: string, id: string, delta: StatsDelta): void => {
    pages.changed();
    const key = `${userId}\u0000${id}`;
    let sum = pending.get(key);
    if (!sum) {
      sum = {
        user_id: userId,
        id,
        total: 0,
        successful: 0,
        failed: 0,
        last_run_at: null,
        set_error: 0,
        last_error: null,
      };
      pending.set(key, sum);
    }
    sum.total += delta.totalRuns ?? 0;
    sum.successful += delta.successfulRuns ?? 0;
    sum.failed += delta.failedRuns ?? 0;
    // The last write of the batch sets them, as if each had been applied in turn.
    if (delta.lastRunAt) sum.last_run_at = delta.lastRunAt.getTime();
    if (delta.lastError !== undefined) {
      sum.set_error = 1;
      sum.last_error = delta.lastError ?? null;
    }
  };
  /** Applies the batch's increments (inside its transaction); before a read of stats in the batch, and at its end. */
  const applyPending = (): void => {
    for (const sum of pending.values()) addToStats.run(sum);
    pending.clear();
  };
  writes.beforeCommit({ apply: applyPending, discard: () => pending.clear() });

  /** Applies `delta` now, inside the caller's write, and answers the stats it leaves. */
  const applyStats = (userId: string, id: string, delta: StatsDelta): AutomationStats | null => {
    applyPending();
    pages.changed();
    const row = updateStats.get({
      user_id: userId,
      id,
      total: delta.totalRuns ?? 0,
      successful: delta.successfulRuns ?? 0,
      failed: delta.failedRuns ?? 0,
      last_run_at: delta.lastRunAt ? delta.lastRunAt.getTime() : null,
      set_error: delta.lastError === undefined ? 0 : 1,
      last_error: delta.lastError ?? null,
    }) as StatsRow | undefined;
    return row ? statsFrom(row) : null;
  };

  const repository: AutomationRepository = {
    async get(userId, id) {
      const row = select.get(userId, id);
      return row ? decode(row) : null;
    },
    async getVersion(userId, id, version) {
      const row = selectVersion.get(userId, id, version);
      return row ? decodeJson<Automation>(row.doc) : null;
    },
    async list(userId, query = {}) {
      const key = `${userId}\u0000${query.isActive ?? ''}\u0000${query.limit ?? ''}\u0000${query.offset ?? ''}`;
      const page = pages.read(key, () => {
        const statements = listStatements(query.isActive !== undefined);
        const params: unknown[] = [userId, ...(query.isActive === undefined ? [] : [query.isActive ? 1 : 0])];
        const rows = statements.items.all(...params, query.limit ?? -1, query.offset ?? 0) as AutomationRaw[];
        const { total } = statements.count.get(...params) as { total: number };
        return { items: rows.map(decode), total };
      });
      return { items: [...page.items], total: page.total };
    },
    async findActiveByTrigger(triggerType, userId) {
      const rows = userId === undefined ? byTrigger.all(triggerType) : byTriggerForUser.all(triggerType, userId);
      return rows.map(decode);
    },
    save(automation) {
      const { stats, ...rest } = automation;
      const initial = stats ?? emptyStats();
      const doc = encodeJson(rest);
      return writes.run(() => {
        applyPending();
        pages.changed();
        changed();
        const row = upsert.get({
          user_id: automation.userId,
          id: automation.id,
          name: automation.name,
          is_active: automation.isActive ? 1 : 0,
          trigger_type: automation.trigger.type,
          doc,
          total_runs: initial.totalRuns,
          successful_runs: initial.successfulRuns,
          failed_runs: initial.failedRuns,
          last_run_at: initial.lastRunAt ? initial.lastRunAt.getTime() : null,
          last_error: initial.lastError,
        }) as AutomationRaw;
        const saved = decode(row);
        insertVersion.run(automation.userId, automation.id, automation.version, encodeJson(saved));
        return saved;
      });
    },
    delete(userId, id) {
      return writes.run(() => {
        applyPending();
        pages.changed();
        changed();
        return remove.run(userId, id).changes === 1;
      });
    },
    updateStats(userId, id, delta) {
      return writes.run(() => applyStats(userId, id, delta));
    },
  };
  return { repository, addStats };
}

function statsFrom(row: StatsRow): AutomationStats {
  return {
    totalRuns: row.total_runs,
    successfulRuns: row.successful_runs,
    failedRuns: row.failed_runs,
    lastRunAt: row.last_run_at === null ? null : new Date(row.last_run_at),
    lastError: row.last_error,
  };
}
