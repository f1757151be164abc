import Database from 'better-sqlite3';
import {
  AdapterError,
  ConfigInvalidError,
  type DocumentCollection,
  type Store,
  type StoredDocument,
} from '@swigs/automation-core';
import { SqliteStoreOptionsSchema, type SqliteStoreOptions } from './options';
import { migrate } from './schema';
import { createSqliteAutomations } from './sqlite-automations';
import { createSqliteCollection } from './sqlite-documents';
import { createSqliteCounters, createSqliteCursors, createSqliteKeys } from './sqlite-keys';
import { createSqliteRuns } from './sqlite-runs';
import { createWriteQueue } from './write-queue';

/** A SQLite store, plus the open connection for diagnostics. */
export interface SqliteStore extends Store {
  /** The better-sqlite3 connection (read pragmas, run backups); do not write through it. */
  readonly db: Database.Database;
}

/**
 * A durable `Store` on one SQLite file (better-sqlite3, WAL). Several processes may share the file: claims
 * are single atomic statements inside write transactions. Writes from concurrent callers are grouped into one
 * transaction per event-loop turn; each caller resolves once its transaction committed.
 * @example
 * const store = createSqliteStore({ filename: './data/automation.db' });
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const parsed = SqliteStoreOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      code: 'config_invalid',
      message: `createSqliteStore: ${issue.path.join('.') || 'options'}: ${issue.message}`,
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    }));
    throw new ConfigInvalidError(problems.map((p) => p.message).join('; '), problems);
  }
  const { filename, durability, busyTimeoutMs } = parsed.data;

  let db: Database.Database;
  try {
    db = new Database(filename, { timeout: busyTimeoutMs });
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = OFF');
    db.pragma('temp_store = MEMORY');
    migrate(db);
  } catch (error) {
    if (error instanceof AdapterError) throw error;
    throw new AdapterError('sqlite', `cannot open "${filename}": ${(error as Error).message}`, { cause: error });
  }

  const writes = createWriteQueue(db);
  const collections = new Map<string, DocumentCollection<StoredDocument>>();
  let closed = false;

  return {
    name: 'sqlite',
    db,
    automations: createSqliteAutomations(db, writes),
    runs: createSqliteRuns(db, writes),
    keys: createSqliteKeys(db, writes),
    cursors: createSqliteCursors(db, writes),
    counters: createSqliteCounters(db, writes),
    collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
      let collection = collections.get(name);
      if (!collection) {
        collection = createSqliteCollection<StoredDocument>(db, writes, name);
        collections.set(name, collection);
      }
      return collection as unknown as DocumentCollection<T>;
    },
    async close() {
      if (closed) return;
      closed = true;
      writes.flush();
      db.close();
    },
  };
}
