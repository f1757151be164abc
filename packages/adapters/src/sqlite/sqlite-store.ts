import { chmodSync, closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AdapterError, type DocumentCollection, type Store, type StoredDocument } from '@swigs/automation-core';
import { SqliteStoreOptionsSchema, type SqliteStoreOptions } from './options';
import { migrate } from './schema';
import { createSqliteAutomations } from './sqlite-automations';
import { createSqliteCollection } from './sqlite-documents';
import { createSqliteCounters, createSqliteCursors, createSqliteKeys } from './sqlite-keys';
import { createSqliteRuns } from './sqlite-runs';
import { createWalCheckpointer } from './wal-checkpointer';
import { createWriteQueue } from './write-queue';
import { parseOptions } from '../shared/parse-options';

/** A SQLite store, plus the open connection for diagnostics. */
export interface SqliteStore extends Store {
  /** The better-sqlite3 connection (read pragmas, run backups); do not write through it. */
  readonly db: Database.Database;
  readonly durability: 'full' | 'normal';
  /** Group commits and WAL syncs so far (diagnostics). */
  readonly stats: { readonly commits: number; readonly syncs: number };
}

/**
 * A durable `Store` on one SQLite file (better-sqlite3, WAL). Several processes may share the file: claims
 * are single atomic statements inside write transactions. Writes from concurrent callers are grouped into one
 * transaction per event-loop turn; each caller resolves once its transaction committed.
 * @example
 * const store = createSqliteStore({ filename: './data/automation.db' });
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const config = parseOptions(SqliteStoreOptionsSchema, options, 'createSqliteStore');
  const { filename, durability, busyTimeoutMs } = config;

  let db: Database.Database;
  let walFd: number | null = null;
  let onDisk = false;
  try {
    onDisk = isFilePath(filename);
    // SQLite creates its file 0644 and gives the -wal and -shm files the mode of the database file: create it
    // 0600 first (an empty file is a valid new database), so none of the three is readable by other users.
    if (onDisk) closeSync(openSync(filename, 'a', 0o600));
    db = new Database(filename, { timeout: busyTimeoutMs });
    db.pragma('journal_mode = WAL');
    if (onDisk) for (const suffix of ['', '-wal', '-shm']) tighten(`${filename}${suffix}`);
    // NORMAL: a commit writes the WAL without fsync; `full` then fsyncs the WAL itself, off the event loop.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = OFF');
    db.pragma('temp_store = MEMORY');
    db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    db.pragma('journal_size_limit = 67108864');
    migrate(db);
    walFd = durability === 'full' && !db.memory ? openSync(`${db.name}-wal`, 'r') : null;
  } catch (error) {
    if (error instanceof AdapterError) throw error;
    throw new AdapterError('sqlite', `cannot open "${filename}": ${(error as Error).message}`, { cause: error });
  }

  // A file's WAL is checkpointed by a worker thread (see createWalCheckpointer); SQLite's own checkpoints, in
  // the committing call, stay for in-memory and URI databases, and come back if that thread cannot run.
  const checkpoints = onDisk
    ? createWalCheckpointer({
        filename: db.name,
        release: () => writes.flush(),
        failed: () => db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`),
      })
    : undefined;
  if (checkpoints) db.pragma('wal_autocheckpoint = 0');
  const writes = createWriteQueue(db, { walFd, afterCommit: checkpoints?.committed, holding: checkpoints?.holding });
  // The change mark: `local` counts this connection's writes of automations and documents (inside their
  // transactions, so no read falls between a write and its count); PRAGMA data_version moves when another
  // connection commits. Asking SQLite costs as much as a read, so that part is asked once per event-loop turn.
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  let local = 0;
  const changed = (): void => {
    local += 1;
  };
  let external: number | undefined;
  const externalOfTurn = (): number => {
    if (external === undefined) {
      external = dataVersion.get() as number;
      setImmediate(() => {
        external = undefined;
      });
    }
    return external;
  };
  const automations = createSqliteAutomations(db, writes, changed);
  const collections = new Map<string, DocumentCollection<StoredDocument>>();
  let closed = false;

  return {
    name: 'sqlite',
    db,
    durability,
    stats: writes.stats,
    automations: automations.repository,
    runs: createSqliteRuns(db, writes, automations.addStats),
    keys: createSqliteKeys(db, writes),
    cursors: createSqliteCursors(db, writes),
    counters: createSqliteCounters(db, writes),
    collection<T extends StoredDocument>(name: string): DocumentCollection<T> {
      let collection = collections.get(name);
      if (!collection) {
        collection = createSqliteCollection<StoredDocument>(db, writes, name, changed);
        collections.set(name, collection);
      }
      return collection as unknown as DocumentCollection<T>;
    },
    changeMark: () => `${externalOfTurn()}:${local}`,
    async close() {
      if (closed) return;
      closed = true;
      await checkpoints?.close();
      await writes.drain();
      db.close();
      if (walFd !== null) closeSync(walFd);
    },
  };
}

/** SQLite's automatic checkpoint threshold where it checkpoints (pages of the WAL). */
const AUTOCHECKPOINT_PAGES = 4000;

/** True for a plain file name (not `:memory:`, an empty temporary database or a `file:` URI). */
function isFilePath(filename: string): boolean {
  return filename !== '' && filename !== ':memory:' && !filename.startsWith('file:');
}

/** Makes a database file private to its owner, when it exists (the -shm file appears with the first reader). */
function tighten(path: string): void {
  try {
    chmodSync(path, 0o600);
  } catch {
    // Not there (yet): SQLite gives it the database file's mode when it creates it.
  }
}
