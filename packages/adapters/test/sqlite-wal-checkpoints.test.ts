import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AutomationRun } from '@swigs/automation-core';
import { referenceAutomation } from '@swigs/automation-core/testing';
import { createSqliteStore, type SqliteStore } from '@swigs/automation-adapters/sqlite';

// The WAL of a file store is checkpointed by a worker thread, never by a commit on the event loop, and stays
// bounded under writes that never pause (a WAL restarts only when a writer finds it fully copied).
let store: SqliteStore | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  store = dir = undefined;
});

const MB = 1024 * 1024;
const automation = referenceAutomation('tenant-a');
// About two 4 KiB pages of trigger data per run.
const payload = 'x'.repeat(7000);

function run(id: string): AutomationRun {
  const at = new Date(Date.UTC(2026, 2, 1, 8));
  return {
    id,
    userId: 'tenant-a',
    automationId: automation.id,
    automationVersion: automation.version,
    triggerType: 'order.paid',
    status: 'completed',
    currentNodeId: null,
    queue: [],
    outputs: {},
    triggerData: { payload },
    executionLog: [],
    scheduledAt: null,
    error: null,
    errorCode: null,
    attempt: 0,
    steps: 0,
    leaseOwner: null,
    leaseUntil: null,
    createdAt: at,
    updatedAt: at,
    startedAt: at,
    completedAt: at,
  };
}

const sizeOf = (path: string): number => statSync(path).size;

describe('the WAL of a SQLite file store', () => {
  it('is copied into the database by its own thread and stays bounded while writes never pause', async () => {
    dir = mkdtempSync(join(tmpdir(), 'swigs-wal-checkpoints-'));
    const file = join(dir, 'store.db');
    store = createSqliteStore({ filename: file, durability: 'normal' });
    // Commits never checkpoint on the event loop.
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // About 60 MB of pages in all, at a server's pace (a batch every few milliseconds): without restarts the WAL
    // would hold them all.
    for (let i = 0; i < 600; i++) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => store!.runs.create(run(`r${i}-${j}`))));
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(sizeOf(`${file}-wal`)).toBeLessThan(32 * MB);
    const until = Date.now() + 5000;
    while (sizeOf(file) < 40 * MB && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(sizeOf(file)).toBeGreaterThanOrEqual(40 * MB);
    expect(await store.runs.get('tenant-a', 'r599-9')).toMatchObject({ status: 'completed' });
  });

  it('starts no thread while the WAL is short (an idle server, a store that writes little)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'swigs-wal-checkpoints-'));
    const file = join(dir, 'store.db');
    store = createSqliteStore({ filename: file });
    const before = sizeOf(file);
    for (let i = 0; i < 20; i++) await store.runs.create(run(`r${i}`));
    await new Promise((r) => setTimeout(r, 300));
    // Nothing was copied into the database: no checkpoint ran.
    expect(sizeOf(file)).toBe(before);
    expect(sizeOf(`${file}-wal`)).toBeGreaterThan(20 * 8000);
  });

  it('closes with its checkpoint thread, twice without harm', async () => {
    dir = mkdtempSync(join(tmpdir(), 'swigs-wal-checkpoints-'));
    const file = join(dir, 'store.db');
    store = createSqliteStore({ filename: file });
    // Past the WAL length that starts the thread.
    for (let i = 0; i < 80; i++) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => store!.runs.create(run(`r${i}-${j}`))));
    }
    const until = Date.now() + 5000;
    while (sizeOf(file) < 4 * MB && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(sizeOf(file)).toBeGreaterThanOrEqual(4 * MB);
    await store.close();
    await store.close();
    store = undefined;
  });
});
