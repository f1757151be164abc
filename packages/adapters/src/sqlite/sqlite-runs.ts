import type Database from 'better-sqlite3';
import {
  type AutomationRun,
  claimableAt,
  compareClaimOrder,
  ConflictError,
  isLeasedRunStatus,
  isTerminalRunStatus,
  LEASED_RUN_STATUSES,
  type RunRepository,
  type RunStatus,
  type StatsDelta,
  TERMINAL_RUN_STATUSES,
} from '@swigs/automation-core';
import type { SqliteAutomations } from './sqlite-automations';
import { createSqliteStepStats } from './sqlite-step-stats';
import {
  appendedParts,
  date,
  fromRow,
  insertArgs,
  partsOf,
  type RunRow,
  type StoredParts,
  stateOf,
  toRow,
} from './run-row';
import { RUN_COLUMNS, rowOfValues } from './run-values';
import type { WriteQueue } from './write-queue';

/** A status list as an SQL tuple: `('completed', 'failed', 'cancelled')`. */
const sqlList = (statuses: readonly RunStatus[]): string => `(${statuses.map((s) => `'${s}'`).join(', ')})`;
const TERMINAL = sqlList(TERMINAL_RUN_STATUSES);
const LEASED = sqlList(LEASED_RUN_STATUSES);

interface Claim {
  worker: string;
  until: number;
  now: number;
}

/**
 * Runs in the `runs` table. The columns own the fields queries and leases touch; `trigger_data`, `outputs` and
 * `log` hold the append-only parts (JSON text a checkpoint appends to), `doc` the rest (queue, cursor, error).
 * `due_at` is when a run becomes claimable: a waiting run's schedule, or a pending/running run's lease end (0
 * without a lease), so one index serves every claim.
 */
export function createSqliteRuns(
  db: Database.Database,
  writes: WriteQueue,
  addStats: SqliteAutomations['addStats'],
): RunRepository {
  // Positional parameters on the hot statements: better-sqlite3 binds them about twice as fast as named ones.
  const insert = db.prepare<unknown[]>(`INSERT INTO runs (id, user_id, automation_id, status, scheduled_at,
    lease_owner, lease_until, created_at, updated_at, completed_at, due_at, finished_at, automation_version,
    waiting_node, steps_logged, doc, trigger_data, outputs, log)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const selectById = db.prepare<[string], RunRow>('SELECT * FROM runs WHERE id = ?');
  const selectGuard = db.prepare<
    [string],
    Pick<RunRow, 'status' | 'lease_owner' | 'lease_until'> & { steps_logged: number }
  >('SELECT status, lease_owner, lease_until, steps_logged FROM runs WHERE id = ?');
  const steps = createSqliteStepStats(db, writes);
  // Tenant, automation, creation time and trigger data never change, so they and their indexes are left alone.
  const update = db.prepare<[RunRow]>(`UPDATE runs SET status = @status, scheduled_at = @scheduled_at,
    lease_owner = @lease_owner, lease_until = @lease_until, updated_at = @updated_at, completed_at = @completed_at,
    due_at = @due_at, finished_at = @finished_at, waiting_node = @waiting_node, steps_logged = @steps_logged,
    doc = @doc, outputs = @outputs, log = @log
    WHERE id = @id`);
  // A checkpoint of a run this store read or wrote: one statement that checks the lease and that the row holds
  // exactly the log entries it knows of, appends the new entries and outputs as text (a NULL addition leaves the
  // part as it is), and never shortens a lease renewed meanwhile (every right-hand side reads the row as it was).
  const append = db.prepare<unknown[]>(`UPDATE runs SET status = ?, scheduled_at = ?, lease_owner = ?,
    lease_until = COALESCE(MAX(COALESCE(lease_until, 0), ?), ?),
    due_at = COALESCE(MAX(COALESCE(lease_until, 0), ?), ?),
    updated_at = ?, completed_at = ?, finished_at = ?, waiting_node = ?, steps_logged = ?, doc = ?,
    log = COALESCE(CASE WHEN log = '[]' THEN '[' ELSE substr(log, 1, length(log) - 1) || ',' END || ? || ']', log),
    outputs = COALESCE(
      CASE WHEN outputs = '{}' THEN '{' ELSE substr(outputs, 1, length(outputs) - 1) || ',' END || ? || '}', outputs)
    WHERE id = ? AND lease_owner = ? AND status != 'cancelled' AND steps_logged = ?`);
  // What this store last read or wrote of each run object it handed out or was given (claims, creations).
  const known = new WeakMap<AutomationRun, StoredParts>();
  const claimed = (row: RunRow): AutomationRun => {
    const run = fromRow(row);
    known.set(run, partsOf(run));
    return run;
  };
  // By rowid: each claimed row is reached straight from runs_due, not through the index of ids. Rows come back
  // as arrays (`raw`) made objects by `rowOfValues`: better-sqlite3's keyed rows cost ~4 µs more per claimed run.
  const claimDue = db
    .prepare<[Claim & { limit: number }], unknown[]>(`UPDATE runs
    SET status = 'running', lease_owner = @worker, lease_until = @until, due_at = @until
    WHERE rowid IN (SELECT rowid FROM runs WHERE due_at IS NOT NULL AND due_at <= @now ORDER BY due_at LIMIT @limit)
    RETURNING ${RUN_COLUMNS}`)
    .raw(true);
  const claimById = db.prepare<[Claim & { id: string }], RunRow>(`UPDATE runs
    SET status = 'running', lease_owner = @worker, lease_until = @until, due_at = @until
    WHERE id = @id AND (lease_owner IS NULL OR lease_owner = @worker OR lease_until IS NULL OR lease_until <= @now)
    RETURNING *`);
  const renew = db.prepare<[{ until: number; worker: string; id: string }]>(`UPDATE runs
    SET lease_until = @until, due_at = @until
    WHERE id = @id AND lease_owner = @worker AND status IN ${LEASED}`);
  const release = db.prepare<[string, string]>(`UPDATE runs SET lease_owner = NULL, lease_until = NULL,
    due_at = CASE WHEN status IN ${LEASED} THEN 0 ELSE due_at END
    WHERE id = ? AND lease_owner = ?`);
  const cancel = db.prepare<[{ at: number; id: string; user: string }], RunRow>(`UPDATE runs
    SET status = 'cancelled', lease_owner = NULL, lease_until = NULL, scheduled_at = NULL, due_at = NULL,
      completed_at = @at, updated_at = @at, finished_at = @at
    WHERE id = @id AND user_id = @user AND status NOT IN ${TERMINAL} RETURNING *`);
  const remove = db.prepare<[string, string]>('DELETE FROM runs WHERE id = ? AND user_id = ?');
  const nextDue = db.prepare<[], { at: number | null }>(
    `SELECT MIN(scheduled_at) AS at FROM runs WHERE status = 'waiting'`,
  );
  const waitingCounts = db.prepare<[number], { waiting: number; due: number | null }>(
    `SELECT COUNT(*) AS waiting, SUM(scheduled_at <= ?) AS due FROM runs WHERE status = 'waiting'`,
  );
  const listCache = new Map<string, { items: Database.Statement; count: Database.Statement }>();

  // A checkpoint that rewrites every part: the run object is not one this store knows, or the row moved on.
  const writeWhole = (
    run: AutomationRun,
    row: RunRow,
    workerId: string,
    stats: StatsDelta | undefined,
    parts: StoredParts,
  ): boolean => {
    const stored = selectGuard.get(run.id);
    if (!stored || stored.lease_owner !== workerId || stored.status === 'cancelled') return false;
    // A lease renewed meanwhile is never shortened by a checkpoint carrying the older lease.
    if (row.lease_owner === workerId && row.lease_until !== null && (stored.lease_until ?? 0) > row.lease_until) {
      row.lease_until = stored.lease_until;
      row.due_at = claimableAt({ ...run, leaseUntil: date(stored.lease_until) });
    }
    update.run(row);
    // The log is append-only: only entries past the last counted one are new.
    steps.record(run, stored.steps_logged);
    // The same transaction: the outcome is counted exactly when the run's state is written.
    if (stats) addStats(run.userId, run.automationId, stats);
    known.set(run, parts);
    return true;
  };

  return {
    create(run, options) {
      const row = toRow(run);
      // A run that ends in its first write (a webhook answered once finished) is not checkpointed again through
      // this object: its parts are not kept, so it leaves no WeakMap entry for every scavenge to visit.
      const parts = isTerminalRunStatus(run.status) ? undefined : partsOf(run);
      return writes.run(() => {
        try {
          insert.run(...insertArgs(row));
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
            throw new ConflictError(`run "${run.id}" already exists`, { cause: error });
          }
          throw error;
        }
        steps.record(run, 0);
        if (options?.stats) addStats(run.userId, run.automationId, options.stats);
        if (parts) known.set(run, parts);
      });
    },
    async get(userId, id) {
      const row = selectById.get(id);
      if (!row || row.user_id !== userId) return null;
      return fromRow(row);
    },
    async list(query) {
      const where = ['user_id = ?'];
      const params: unknown[] = [query.userId];
      if (query.automationId !== undefined) {
        where.push('automation_id = ?');
        params.push(query.automationId);
      }
      if (query.status) {
        where.push(`status IN (${query.status.map(() => '?').join(', ') || 'NULL'})`);
        params.push(...query.status);
      }
      if (query.triggerType !== undefined) {
        where.push("json_extract(doc, '$.triggerType') = ?");
        params.push(query.triggerType);
      }
      if (query.createdFrom) {
        where.push('created_at >= ?');
        params.push(query.createdFrom.getTime());
      }
      if (query.createdTo) {
        where.push('created_at <= ?');
        params.push(query.createdTo.getTime());
      }
      if (query.text) {
        // A substring of the stored trigger data, what users search (an order number, an email), or of the outputs;
        // LIKE on the raw text is case-insensitive for ASCII and parses no JSON, so 100 000 runs scan fast.
        const pattern = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where.push("(trigger_data LIKE ? ESCAPE '\\' OR outputs LIKE ? ESCAPE '\\')");
        params.push(pattern, pattern);
      }
      // The count ignores the cursor: it is the size of the whole filtered list.
      const countKey = where.join(' AND ');
      const countParams = [...params];
      if (query.before) {
        // Keyset paging on the runs_user index (user_id, created_at, id): a deep page reads no skipped rows.
        where.push('(created_at < ? OR (created_at = ? AND id < ?))');
        const at = query.before.createdAt.getTime();
        params.push(at, at, query.before.id);
      }
      const key = where.join(' AND ');
      const cacheKey = `${key}|${countKey}`;
      let statements = listCache.get(cacheKey);
      if (!statements) {
        statements = {
          items: db.prepare(`SELECT * FROM runs WHERE ${key} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`),
          count: db.prepare(`SELECT COUNT(*) AS total FROM runs WHERE ${countKey}`),
        };
        listCache.set(cacheKey, statements);
      }
      const rows = statements.items.all(...params, query.limit ?? -1, query.offset ?? 0) as RunRow[];
      const { total } = statements.count.get(...countParams) as { total: number };
      return { items: rows.map(fromRow), total };
    },
    checkpoint(run, workerId, options) {
      const stored = known.get(run);
      const appended = stored ? appendedParts(run, stored) : undefined;
      // Encoded now: the write stores the run as it is at this call.
      const state = appended ? stateOf(run) : toRow(run);
      const parts = partsOf(run);
      return writes.run(() => {
        if (stored && appended) {
          // The stored lease wins when later (MAX), for a run this worker still holds.
          const keep = state.lease_owner === workerId && state.lease_until !== null ? state.lease_until : null;
          const taken = append.run(
            state.status,
            state.scheduled_at,
            state.lease_owner,
            keep,
            state.lease_until,
            keep !== null && isLeasedRunStatus(state.status) ? keep : null,
            state.due_at,
            state.updated_at,
            state.completed_at,
            state.finished_at,
            state.waiting_node,
            state.steps_logged,
            state.doc,
            appended.log,
            appended.outputs,
            state.id,
            workerId,
            stored.logged,
          );
          if (taken.changes === 1) {
            steps.record(run, stored.logged);
            if (options?.stats) addStats(run.userId, run.automationId, options.stats);
            known.set(run, parts);
            return true;
          }
        }
        return writeWhole(run, appended ? toRow(run) : (state as RunRow), workerId, options?.stats, parts);
      });
    },
    claimDue(options) {
      const now = options.now.getTime();
      const until = now + options.leaseMs;
      return writes.run(() => {
        const rows = claimDue.all({ worker: options.workerId, until, now, limit: options.limit });
        return rows.map((values) => claimed(rowOfValues(values))).sort(compareClaimOrder);
      });
    },
    claimById(id, statuses, options) {
      const now = options.now.getTime();
      return writes.run(() => {
        const stored = selectGuard.get(id);
        if (!stored || !statuses.includes(stored.status)) return null;
        const row = claimById.get({ worker: options.workerId, until: now + options.leaseMs, now, id });
        return row ? claimed(row) : null;
      });
    },
    renewLeases(ids, workerId, leaseUntil) {
      if (ids.length === 0) return Promise.resolve([]);
      const until = leaseUntil.getTime();
      return writes.run(() => ids.filter((id) => renew.run({ until, worker: workerId, id }).changes === 1));
    },
    async release(id, workerId) {
      await writes.run(() => release.run(id, workerId));
    },
    cancel(userId, id, at) {
      return writes.run(() => {
        const row = cancel.get({ at: at.getTime(), id, user: userId });
        if (row) return fromRow(row);
        const existing = selectById.get(id);
        return existing && existing.user_id === userId ? fromRow(existing) : null;
      });
    },
    delete(userId, id) {
      return writes.run(() => remove.run(id, userId).changes === 1);
    },
    purge(before, statuses) {
      const allowed = statuses.filter((s) => s !== 'waiting');
      if (allowed.length === 0) return Promise.resolve(0);
      const statement = db.prepare(
        `DELETE FROM runs WHERE status IN (${allowed.map(() => '?').join(', ')}) AND finished_at < ?`,
      );
      return writes.run(() => statement.run(...allowed, before.getTime()).changes);
    },
    async nextDueAt() {
      const at = nextDue.get()?.at;
      return at === null || at === undefined ? null : new Date(at);
    },
    async stepStats(userId, automationId, query) {
      return steps.query(userId, automationId, query);
    },
    async countWaiting(now) {
      const row = waitingCounts.get(now.getTime());
      return { waiting: row?.waiting ?? 0, due: row?.due ?? 0 };
    },
  };
}
