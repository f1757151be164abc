import type Database from 'better-sqlite3';
import {
  type AutomationRun,
  claimableAt,
  compareClaimOrder,
  ConflictError,
  isTerminalRunStatus,
  LEASED_RUN_STATUSES,
  type RunRepository,
  type RunStatus,
  TERMINAL_RUN_STATUSES,
  waitingStepOf,
} from '@swigs/automation-core';
import type { SqliteAutomations } from './sqlite-automations';
import { createSqliteStepStats } from './sqlite-step-stats';
import { decodeJson, encodeJson } from './codec';
import type { WriteQueue } from './write-queue';

interface RunRow {
  id: string;
  user_id: string;
  automation_id: string;
  status: RunStatus;
  scheduled_at: number | null;
  lease_owner: string | null;
  lease_until: number | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  doc: string;
}

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
 * Runs in the `runs` table. The columns own the fields queries and leases touch; `doc` holds the rest
 * (queue, outputs, trigger data, log). `due_at` is when a run becomes claimable: a waiting run's schedule,
 * or a pending/running run's lease end (0 without a lease), so one index serves every claim.
 */
export function createSqliteRuns(
  db: Database.Database,
  writes: WriteQueue,
  addStats: SqliteAutomations['addStats'],
): RunRepository {
  const insert = db.prepare(`INSERT INTO runs (id, user_id, automation_id, status, scheduled_at, lease_owner,
    lease_until, created_at, updated_at, completed_at, due_at, finished_at, automation_version, waiting_node,
    steps_logged, doc)
    VALUES (@id, @user_id, @automation_id, @status, @scheduled_at, @lease_owner, @lease_until, @created_at,
    @updated_at, @completed_at, @due_at, @finished_at, @automation_version, @waiting_node, @steps_logged, @doc)`);
  const selectById = db.prepare<[string], RunRow>('SELECT * FROM runs WHERE id = ?');
  const selectGuard = db.prepare<
    [string],
    Pick<RunRow, 'status' | 'lease_owner' | 'lease_until'> & { steps_logged: number }
  >('SELECT status, lease_owner, lease_until, steps_logged FROM runs WHERE id = ?');
  const steps = createSqliteStepStats(db, writes);
  // Tenant, automation and creation time never change, so their indexes are left alone.
  const update = db.prepare(`UPDATE runs SET status = @status, scheduled_at = @scheduled_at,
    lease_owner = @lease_owner, lease_until = @lease_until, updated_at = @updated_at, completed_at = @completed_at,
    due_at = @due_at, finished_at = @finished_at, waiting_node = @waiting_node, steps_logged = @steps_logged,
    doc = @doc
    WHERE id = @id`);
  const claimDue = db.prepare<[Claim & { limit: number }], RunRow>(`UPDATE runs
    SET status = 'running', lease_owner = @worker, lease_until = @until, due_at = @until
    WHERE id IN (SELECT id FROM runs WHERE due_at IS NOT NULL AND due_at <= @now ORDER BY due_at LIMIT @limit)
    RETURNING *`);
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

  return {
    create(run, options) {
      const row = toRow(run);
      return writes.run(() => {
        try {
          insert.run(row);
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
            throw new ConflictError(`run "${run.id}" already exists`, { cause: error });
          }
          throw error;
        }
        steps.record(run, 0);
        if (options?.stats) addStats(run.userId, run.automationId, options.stats);
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
        // A substring of the stored run document, whose trigger data is what users search (an order number, an
        // email); LIKE on the raw text is case-insensitive for ASCII and parses no JSON, so 100 000 runs scan fast.
        where.push("doc LIKE ? ESCAPE '\\'");
        params.push(`%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
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
      const row = toRow(run);
      return writes.run(() => {
        const stored = selectGuard.get(run.id);
        if (!stored || stored.lease_owner !== workerId || stored.status === 'cancelled') return false;
        // A lease renewed meanwhile is never shortened by a checkpoint carrying the older lease.
        if (row.lease_owner === workerId && row.lease_until !== null && (stored.lease_until ?? 0) > row.lease_until) {
          row.lease_until = stored.lease_until;
          row.due_at = claimableAt({ ...run, leaseUntil: date(stored.lease_until) });
        }
        const {
          user_id: _user,
          automation_id: _automation,
          created_at: _created,
          automation_version: _version,
          ...changed
        } = row;
        update.run(changed);
        // The log is append-only: only entries past the last counted one are new.
        steps.record(run, stored.steps_logged);
        // The same transaction: the outcome is counted exactly when the run's state is written.
        if (options?.stats) addStats(run.userId, run.automationId, options.stats);
        return true;
      });
    },
    claimDue(options) {
      const now = options.now.getTime();
      const until = now + options.leaseMs;
      return writes.run(() => {
        const rows = claimDue.all({ worker: options.workerId, until, now, limit: options.limit });
        return rows.map(fromRow).sort(compareClaimOrder);
      });
    },
    claimById(id, statuses, options) {
      const now = options.now.getTime();
      return writes.run(() => {
        const stored = selectGuard.get(id);
        if (!stored || !statuses.includes(stored.status)) return null;
        const row = claimById.get({ worker: options.workerId, until: now + options.leaseMs, now, id });
        return row ? fromRow(row) : null;
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

/** The columns of `run`; `doc` keeps every field the columns do not. */
function toRow(run: AutomationRun): RunRow & {
  due_at: number | null;
  finished_at: number | null;
  automation_version: number;
  waiting_node: string | null;
  steps_logged: number;
} {
  const {
    id,
    userId,
    automationId,
    status,
    scheduledAt,
    leaseOwner,
    leaseUntil,
    createdAt,
    updatedAt,
    completedAt,
    ...rest
  } = run;
  const row = {
    id,
    user_id: userId,
    automation_id: automationId,
    status,
    scheduled_at: time(scheduledAt),
    lease_owner: leaseOwner,
    lease_until: time(leaseUntil),
    created_at: time(createdAt) ?? 0,
    updated_at: time(updatedAt) ?? 0,
    completed_at: time(completedAt),
    doc: encodeJson(rest),
    due_at: claimableAt(run),
    finished_at: isTerminalRunStatus(status) ? (time(completedAt) ?? time(updatedAt)) : null,
    automation_version: run.automationVersion,
    waiting_node: waitingStepOf(run),
    steps_logged: run.executionLog.length,
  };
  return row;
}

type ColumnField =
  | 'id'
  | 'userId'
  | 'automationId'
  | 'status'
  | 'scheduledAt'
  | 'leaseOwner'
  | 'leaseUntil'
  | 'createdAt'
  | 'updatedAt'
  | 'completedAt';

/** A run from its row. */
export function fromRow(row: RunRow): AutomationRun {
  const rest = decodeJson<Omit<AutomationRun, ColumnField>>(row.doc);
  return {
    id: row.id,
    userId: row.user_id,
    automationId: row.automation_id,
    ...rest,
    status: row.status,
    scheduledAt: date(row.scheduled_at),
    leaseOwner: row.lease_owner,
    leaseUntil: date(row.lease_until),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    completedAt: date(row.completed_at),
  };
}

const time = (value: Date | null | undefined): number | null => {
  if (!value) return null;
  const ms = value.getTime();
  return Number.isNaN(ms) ? null : ms;
};

const date = (value: number | null): Date | null => (value === null ? null : new Date(value));
