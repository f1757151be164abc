import type Database from 'better-sqlite3';
import type { CounterRepository, CursorRepository, UniqueKeyRepository } from '@swigs/automation-core';
import type { WriteQueue } from './write-queue';

/** Adds between sweeps of expired keys. */
const SWEEP_EVERY = 1000;

/** Unique keys: an insert that only replaces an expired key, so `add` is one atomic statement. */
export function createSqliteKeys(db: Database.Database, writes: WriteQueue): UniqueKeyRepository {
  const add = db.prepare<[{ key: string; expires: number | null; now: number }]>(`INSERT INTO unique_keys
    (key, expires_at) VALUES (@key, @expires)
    ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at
    WHERE unique_keys.expires_at IS NOT NULL AND unique_keys.expires_at <= @now`);
  const has = db.prepare<[string, number], { found: number }>(
    'SELECT 1 AS found FROM unique_keys WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)',
  );
  const remove = db.prepare<[string]>('DELETE FROM unique_keys WHERE key = ?');
  const sweep = db.prepare<[number]>('DELETE FROM unique_keys WHERE expires_at IS NOT NULL AND expires_at <= ?');
  let adds = 0;
  return {
    add(key, options) {
      const expiresAt = options?.expiresAt ? options.expiresAt.getTime() : null;
      return writes.run(() => {
        const now = Date.now();
        adds += 1;
        if (adds % SWEEP_EVERY === 0) sweep.run(now);
        return add.run({ key, expires: expiresAt, now }).changes === 1;
      });
    },
    async has(key) {
      return has.get(key, Date.now()) !== undefined;
    },
    async delete(key) {
      await writes.run(() => remove.run(key));
    },
  };
}

export function createSqliteCursors(db: Database.Database, writes: WriteQueue): CursorRepository {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM cursors WHERE name = ?');
  const set = db.prepare<[string, string]>(
    'INSERT INTO cursors (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );
  return {
    async get(name) {
      return get.get(name)?.value ?? null;
    },
    async set(name, value) {
      await writes.run(() => set.run(name, value));
    },
  };
}

export function createSqliteCounters(db: Database.Database, writes: WriteQueue): CounterRepository {
  const next = db.prepare<[string], { value: number }>(
    'INSERT INTO counters (key, value) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING value',
  );
  return {
    next(key) {
      return writes.run(() => next.get(key)!.value);
    },
  };
}
