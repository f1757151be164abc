import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore, migrate, SCHEMA_VERSION } from '@swigs/automation-adapters/sqlite';
import { encodeJson } from '../src/sqlite/codec';
import { ErrorCode, hasErrorCode } from '@swigs/automation-core';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'swigs-sqlite-schema-'));
let n = 0;
const file = (): string => join(dir, `db-${++n}.sqlite`);
const T = Date.UTC(2026, 2, 1, 8);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sqlite store: pragmas', () => {
  it('opens in WAL mode and, by default, fsyncs the WAL before acknowledging a write', async () => {
    const store = createSqliteStore({ filename: file() });
    expect(store.durability).toBe('full');
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const before = store.stats.syncs;
    const value = await store.counters.next('k');
    expect(value).toBe(1);
    expect(store.stats.syncs).toBeGreaterThan(before);
    const batch = await Promise.all(Array.from({ length: 100 }, () => store.counters.next('k')));
    expect(batch.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    expect(store.stats.commits).toBeLessThan(20);
    await store.close();
    await store.close();
  });

  it('acknowledges after the commit alone with durability normal, and applies the busy timeout', async () => {
    const store = createSqliteStore({ filename: file(), durability: 'normal', busyTimeoutMs: 250 });
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(250);
    await store.counters.next('k');
    expect(store.stats.commits).toBeGreaterThan(0);
    expect(store.stats.syncs).toBe(0);
    await store.close();
  });

  it('rejects bad options with a clear error', () => {
    const error = (() => {
      try {
        createSqliteStore({ filename: '', durability: 'fast' as 'full' });
      } catch (e) {
        return e;
      }
    })();
    expect(hasErrorCode(error, ErrorCode.ConfigInvalid)).toBe(true);
    expect((error as Error).message).toMatch(/filename/);
    expect((error as Error).message).toMatch(/durability/);
  });

  it('reports a file it cannot open as an adapter failure', () => {
    expect(() => createSqliteStore({ filename: join(dir, 'missing-dir', 'x', 'db.sqlite') })).toThrow(/cannot open/);
  });
});

describe('sqlite store: schema versions', () => {
  it('migrates a version-1 file and keeps its runs claimable, listable and purgeable', async () => {
    const filename = file();
    const old = new Database(filename);
    old.pragma('journal_mode = WAL');
    expect(migrate(old, 1)).toBe(1);
    const insert = old.prepare(`INSERT INTO runs (id, user_id, automation_id, status, scheduled_at, lease_owner,
      lease_until, created_at, updated_at, completed_at, doc) VALUES (?, 'u1', 'a1', ?, ?, ?, ?, ?, ?, ?, ?)`);
    const doc = (note: string) =>
      encodeJson({
        automationVersion: 1,
        triggerType: 'order.paid',
        currentNodeId: null,
        queue: ['mail'],
        outputs: { wait: { until: new Date(T) } },
        triggerData: { note },
        executionLog: [],
        error: null,
        attempt: 0,
        steps: 1,
        startedAt: new Date(T - 1000),
      });
    insert.run('waiting-due', 'waiting', T - 10, null, null, T - 3000, T - 3000, null, doc('due'));
    insert.run('waiting-later', 'waiting', T + 86_400_000, null, null, T - 2000, T - 2000, null, doc('later'));
    insert.run('crashed', 'running', null, 'dead-worker', T - 5, T - 1000, T - 1000, null, doc('crashed'));
    insert.run('done', 'completed', null, null, null, T - 9e8, T - 9e8, T - 9e8, doc('done'));
    old.pragma('user_version = 1');
    old.close();

    const store = createSqliteStore({ filename });
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(await store.runs.nextDueAt()).toEqual(new Date(T - 10));
    const claimed = await store.runs.claimDue({ now: new Date(T), workerId: 'w1', leaseMs: 1000, limit: 10 });
    expect(claimed.map((r) => r.id)).toEqual(['crashed', 'waiting-due']);
    expect(claimed[1]?.outputs).toEqual({ wait: { until: new Date(T) } });
    expect(claimed[1]?.triggerData).toEqual({ note: 'due' });
    const list = await store.runs.list({ userId: 'u1' });
    expect(list.items.map((r) => r.id)).toEqual(['crashed', 'waiting-later', 'waiting-due', 'done']);
    expect(await store.runs.purge(new Date(T - 86_400_000), ['completed'])).toBe(1);
    await store.close();
  });

  it('migrates once when two connections open a new file together', async () => {
    const filename = file();
    const a = createSqliteStore({ filename });
    const b = createSqliteStore({ filename });
    expect(b.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await a.counters.next('k');
    expect(await b.counters.next('k')).toBe(2);
    await a.close();
    await b.close();
  });

  it('refuses a file written by a newer adapter', () => {
    const filename = file();
    const db = new Database(filename);
    db.pragma('user_version = 99');
    db.close();
    expect(() => createSqliteStore({ filename })).toThrow(/schema version 99 is newer/);
  });

  it('answers every executor query from an index', async () => {
    const store = createSqliteStore({ filename: file() });
    const plan = (sql: string, ...params: unknown[]): string =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((row) => row.detail)
        .join(' | ');
    const queries: [string, unknown[]][] = [
      ['SELECT id FROM runs WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at LIMIT ?', [T, 10]],
      [`SELECT MIN(scheduled_at) FROM runs WHERE status = 'waiting'`, []],
      ['SELECT * FROM runs WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?', ['u', 10]],
      ['SELECT * FROM runs WHERE user_id = ? AND automation_id = ? ORDER BY created_at DESC, id DESC', ['u', 'a']],
      [`SELECT * FROM runs WHERE user_id = ? AND status IN ('failed') ORDER BY created_at DESC, id DESC`, ['u']],
      [`DELETE FROM runs WHERE status IN ('completed') AND finished_at < ?`, [T]],
      ['SELECT * FROM automations WHERE trigger_type = ? AND is_active = 1 ORDER BY name, id', ['order.paid']],
      ['SELECT * FROM automations WHERE user_id = ? ORDER BY name, id', ['u']],
      ['DELETE FROM unique_keys WHERE expires_at IS NOT NULL AND expires_at <= ?', [T]],
    ];
    for (const [sql, params] of queries) {
      const detail = plan(sql, ...params);
      expect(detail, sql).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY/);
      expect(detail, sql).not.toMatch(/SCAN (runs|automations|unique_keys)(?! USING)/);
    }
    await store.close();
  });
});

describe('sqlite store: durability across reopen', () => {
  it('keeps every acknowledged write after close and reopen', async () => {
    const filename = file();
    const store = createSqliteStore({ filename });
    const writes = Array.from({ length: 500 }, (_, i) => store.counters.next(`c${i % 5}`));
    await Promise.all(writes);
    await store.close();
    const reopened = createSqliteStore({ filename });
    expect(await reopened.counters.next('c0')).toBe(101);
    await reopened.close();
  });
});
