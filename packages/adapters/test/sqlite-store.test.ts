import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testStore } from '@swigs/automation-core/testing';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import type { AutomationRun } from '@swigs/automation-core';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'swigs-sqlite-conformance-'));
let n = 0;

testStore({ name: 'sqlite', create: () => createSqliteStore({ filename: join(dir, `store-${++n}.db`) }) });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sqlite store: runs written finished', () => {
  it('checkpoints a run created finished by its worker in full, log and outputs included', async () => {
    const store = createSqliteStore({ filename: join(dir, `store-${++n}.db`) });
    const at = new Date(Date.UTC(2026, 11, 4, 5));
    const run: AutomationRun = {
      id: 'finished-1',
      userId: 'tenant-a',
      automationId: 'auto-1',
      automationVersion: 1,
      triggerType: 'webhook.received',
      status: 'completed',
      currentNodeId: null,
      queue: [],
      outputs: { paid: { result: true } },
      triggerData: { body: { id: 1042 } },
      executionLog: [
        { nodeId: 'paid', nodeType: 'condition', startedAt: at, completedAt: at, status: 'success', error: null },
      ],
      scheduledAt: null,
      error: null,
      errorCode: null,
      attempt: 0,
      steps: 1,
      leaseOwner: 'w1',
      leaseUntil: new Date(at.getTime() + 30_000),
      createdAt: at,
      updatedAt: at,
      startedAt: at,
      completedAt: at,
    };
    await store.runs.create(run);
    // The store keeps no parts of a run written finished, so this checkpoint cannot append: it rewrites the row.
    run.executionLog.push({
      nodeId: 'answer',
      nodeType: 'respond_webhook',
      startedAt: at,
      completedAt: at,
      status: 'success',
      error: null,
    });
    run.outputs.answer = { status: 200, body: 'Merci' };
    run.steps = 2;
    expect(await store.runs.checkpoint(run, 'w1')).toBe(true);
    expect(await store.runs.get('tenant-a', run.id)).toEqual(run);
    expect(await store.runs.checkpoint(run, 'w2')).toBe(false);
    await store.close();
  });
});
