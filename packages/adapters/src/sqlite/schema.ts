import type Database from 'better-sqlite3';
import { AdapterError } from '@swigs/automation-core';

/** One schema step; `up` runs inside the migration transaction. */
export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

/**
 * The schema history, oldest first. Never edit a released step: append a new one.
 * Times are INTEGER milliseconds since the epoch (UTC); documents are `encodeJson` text.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'automations, versions, runs, keys, cursors, counters, documents',
    up(db) {
      db.exec(`
        CREATE TABLE automations (
          user_id TEXT NOT NULL,
          id TEXT NOT NULL,
          name TEXT NOT NULL,
          is_active INTEGER NOT NULL,
          trigger_type TEXT NOT NULL,
          doc TEXT NOT NULL,
          total_runs INTEGER NOT NULL DEFAULT 0,
          successful_runs INTEGER NOT NULL DEFAULT 0,
          failed_runs INTEGER NOT NULL DEFAULT 0,
          last_run_at INTEGER,
          last_error TEXT,
          PRIMARY KEY (user_id, id)
        ) WITHOUT ROWID;
        CREATE INDEX automations_list ON automations (user_id, name, id);
        CREATE INDEX automations_trigger ON automations (trigger_type, is_active);
        CREATE TABLE automation_versions (
          user_id TEXT NOT NULL,
          id TEXT NOT NULL,
          version INTEGER NOT NULL,
          doc TEXT NOT NULL,
          PRIMARY KEY (user_id, id, version)
        ) WITHOUT ROWID;
        CREATE TABLE runs (
          id TEXT PRIMARY KEY,
          user_id TEXT NOT NULL,
          automation_id TEXT NOT NULL,
          status TEXT NOT NULL,
          scheduled_at INTEGER,
          lease_owner TEXT,
          lease_until INTEGER,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          completed_at INTEGER,
          doc TEXT NOT NULL
        );
        CREATE INDEX runs_waiting ON runs (scheduled_at) WHERE status = 'waiting';
        CREATE INDEX runs_user ON runs (user_id, created_at, id);
        CREATE INDEX runs_user_automation ON runs (user_id, automation_id, created_at, id);
        -- No index on status for listing: status changes on every checkpoint, and such an index doubled the cost
        -- of each checkpoint; a status filter reads the tenant's runs through runs_user instead.
        CREATE TABLE unique_keys (key TEXT PRIMARY KEY, expires_at INTEGER) WITHOUT ROWID;
        CREATE TABLE cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE documents (
          collection TEXT NOT NULL,
          user_id TEXT NOT NULL,
          id TEXT NOT NULL,
          doc TEXT NOT NULL,
          PRIMARY KEY (collection, user_id, id)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 2,
    description: 'one due column for claims (waiting schedule or lease end), finish time for purges, key expiry index',
    up(db) {
      db.exec(`
        ALTER TABLE runs ADD COLUMN due_at INTEGER;
        ALTER TABLE runs ADD COLUMN finished_at INTEGER;
        UPDATE runs SET due_at = CASE
            WHEN status = 'waiting' THEN scheduled_at
            WHEN status IN ('pending', 'running') THEN COALESCE(lease_until, 0)
          END,
          finished_at = CASE WHEN status IN ('completed', 'failed', 'cancelled')
            THEN COALESCE(completed_at, updated_at) END;
        CREATE INDEX runs_due ON runs (due_at) WHERE due_at IS NOT NULL;
        CREATE INDEX runs_finished ON runs (status, finished_at) WHERE finished_at IS NOT NULL;
        CREATE INDEX unique_keys_expiry ON unique_keys (expires_at) WHERE expires_at IS NOT NULL;
      `);
    },
  },
  {
    version: 3,
    description: 'per-step counts per UTC day (step_stats) and the step a waiting run waits at, for the stats route',
    up(db) {
      // steps_logged: log entries already counted into step_stats, so a checkpoint counts only the new ones.
      db.exec(`
        ALTER TABLE runs ADD COLUMN automation_version INTEGER;
        ALTER TABLE runs ADD COLUMN waiting_node TEXT;
        ALTER TABLE runs ADD COLUMN steps_logged INTEGER NOT NULL DEFAULT 0;
        UPDATE runs SET automation_version = json_extract(doc, '$.automationVersion'),
          steps_logged = COALESCE(json_array_length(doc, '$.executionLog'), 0),
          waiting_node = CASE WHEN status = 'waiting' THEN COALESCE(json_extract(doc, '$.executionLog[#-1].nodeId'),
            json_extract(doc, '$.currentNodeId')) END;
        CREATE INDEX runs_waiting_node ON runs (user_id, automation_id, automation_version, waiting_node)
          WHERE status = 'waiting';
        CREATE TABLE step_stats (
          user_id TEXT NOT NULL,
          automation_id TEXT NOT NULL,
          version INTEGER NOT NULL,
          day INTEGER NOT NULL,
          node_id TEXT NOT NULL,
          node_type TEXT NOT NULL,
          reached INTEGER NOT NULL DEFAULT 0,
          succeeded INTEGER NOT NULL DEFAULT 0,
          failed INTEGER NOT NULL DEFAULT 0,
          sent INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (user_id, automation_id, version, day, node_id)
        ) WITHOUT ROWID;
        INSERT INTO step_stats (user_id, automation_id, version, day, node_id, node_type, reached, succeeded, failed, sent)
          SELECT r.user_id, r.automation_id, r.automation_version,
            CAST(strftime('%s', json_extract(e.value, '$.startedAt."$date"')) AS INTEGER) / 86400,
            json_extract(e.value, '$.nodeId'), MAX(json_extract(e.value, '$.nodeType')), COUNT(*),
            SUM(json_extract(e.value, '$.status') = 'success'), SUM(json_extract(e.value, '$.status') = 'failed'),
            SUM(json_extract(e.value, '$.status') = 'success'
              AND json_extract(e.value, '$.nodeType') IN ('send_email', 'send_sms'))
          FROM runs r, json_each(r.doc, '$.executionLog') e
          WHERE json_extract(e.value, '$.status') != 'skipped' AND r.automation_version IS NOT NULL
          GROUP BY 1, 2, 3, 4, 5;
      `);
    },
  },
  {
    version: 4,
    description: 'trigger data, outputs and log in their own columns, so a checkpoint appends to them',
    up(db) {
      // They are append-only (the Store contract): a checkpoint appends the new outputs and log entries as text
      // instead of encoding and rewriting the whole run. `->` keeps each part's JSON text as stored.
      db.exec(`
        ALTER TABLE runs ADD COLUMN trigger_data TEXT;
        ALTER TABLE runs ADD COLUMN outputs TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE runs ADD COLUMN log TEXT NOT NULL DEFAULT '[]';
        UPDATE runs SET trigger_data = doc -> '$.triggerData', outputs = COALESCE(doc -> '$.outputs', '{}'),
          log = COALESCE(doc -> '$.executionLog', '[]'),
          doc = json_remove(doc, '$.triggerData', '$.outputs', '$.executionLog');
      `);
    },
  },
];

/** The version this adapter writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings the file to `target` (default: the latest) in one write transaction, so two processes opening a new
 * file at once migrate it once. Refuses a file written by a newer adapter.
 */
export function migrate(db: Database.Database, target: number = SCHEMA_VERSION): number {
  return db
    .transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current > SCHEMA_VERSION) {
        throw new AdapterError(
          'sqlite',
          `database schema version ${current} is newer than this adapter supports (${SCHEMA_VERSION}); upgrade @swigs/automation-adapters`,
        );
      }
      for (const migration of MIGRATIONS) {
        if (migration.version > current && migration.version <= target) {
          migration.up(db);
          db.pragma(`user_version = ${migration.version}`);
        }
      }
      return db.pragma('user_version', { simple: true }) as number;
    })
    .immediate();
}
