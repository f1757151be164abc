import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '@swigs/automation-core';
import { createWriteQueue } from './write-queue';

// Writes queued in one turn share a transaction; each still gets its own outcome, and a batch that cannot commit
// fails every write in it (nothing of it is stored).
let db: Database.Database | undefined;
let walFd: number | null = null;
let dir: string | undefined;
afterEach(() => {
  if (walFd !== null) closeSync(walFd);
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = dir = undefined;
  walFd = null;
});

function open(): Database.Database {
  dir = mkdtempSync(join(tmpdir(), 'swigs-write-queue-'));
  db = new Database(join(dir, 'q.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
  walFd = openSync(join(dir, 'q.db-wal'), 'r');
  return db;
}

describe('the write queue', () => {
  it('settles each write of one batch with its own result or error, after one commit and one sync', async () => {
    const database = open();
    const queue = createWriteQueue(database, { walFd });
    const insert = database.prepare('INSERT INTO t (id) VALUES (?)');
    database.exec("INSERT INTO t (id) VALUES ('taken')");
    const results = await Promise.allSettled([
      queue.run(() => insert.run('a').changes),
      queue.run(() => insert.run('taken')),
      queue.run(() => {
        throw new ConflictError('refused');
      }),
      queue.run(() => 'c'),
    ]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 1 });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'ADAPTER_FAILURE' } });
    expect((results[1] as PromiseRejectedResult).reason.message).toMatch(/UNIQUE/);
    // A typed error of ours reaches the caller as it was thrown.
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(results[3]).toEqual({ status: 'fulfilled', value: 'c' });
    expect(queue.stats).toEqual({ commits: 1, syncs: 1 });
    expect(database.prepare('SELECT id FROM t ORDER BY id').pluck().all()).toEqual(['a', 'taken']);
  });

  it('fails every write of a batch whose commit fails, and stores none of it', async () => {
    const database = open();
    const queue = createWriteQueue(database, { walFd });
    const insert = database.prepare('INSERT INTO t (id) VALUES (?)');
    let failing = true;
    queue.beforeCommit({
      apply() {
        if (failing) throw new Error('counter write failed');
      },
      discard() {},
    });
    const results = await Promise.allSettled([queue.run(() => insert.run('x')), queue.run(() => 'y')]);
    for (const result of results)
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'ADAPTER_FAILURE' } });
    failing = false;
    await expect(queue.run(() => insert.run('z').changes)).resolves.toBe(1);
    expect(database.prepare('SELECT id FROM t ORDER BY id').pluck().all()).toEqual(['z']);
  });
});
