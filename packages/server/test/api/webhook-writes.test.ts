import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEngine, createFakeClock, createRegistry, defineNode, type NodeResult } from '@swigs/automation-core';
import { createSqliteStore, type SqliteStore } from '@swigs/automation-adapters/sqlite';
import { allNodes } from '@swigs/automation-nodes';
import { startHarness, type Harness } from '../helpers/harness';

// What a `when_finished` webhook writes: the run once, at its end, on a real SQLite file; past its timeout, the
// run is stored before the 202 that promises it goes on.
let h: Harness | undefined;
let store: SqliteStore | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  h = store = dir = undefined;
});

const SECRET = 'shop-secret-value-123456';
const secrets = (name: string): string | undefined => (name === 'WEBHOOK_SECRET_SHOP' ? SECRET : undefined);
const headers = { 'x-webhook-secret': SECRET };

/** A computation without side effects that answers once `open()` is called. */
function slowNode(): { node: ReturnType<typeof defineNode>; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const node = defineNode({
    type: 'slow_total',
    kind: 'action',
    version: 1,
    title: { fr: 'Calcul lent', en: 'Slow total' },
    configSchema: z.object({}),
    sideEffects: false,
    execute: async (): Promise<NodeResult> => {
      await gate;
      return { output: { total: 129 } };
    },
  });
  return { node, open };
}

async function openStore(): Promise<SqliteStore> {
  dir = mkdtempSync(join(tmpdir(), 'swigs-webhook-writes-'));
  store = createSqliteStore({ filename: join(dir, 'runs.sqlite') });
  return store;
}

describe('a when_finished webhook', () => {
  it('answers with the rendered text once its run is stored, in one write with its start and outcome counted', async () => {
    const sqlite = await openStore();
    h = await startHarness({ store: sqlite, app: { secrets } });
    const automation = await h.api('POST', '/api/automations', {
      body: {
        name: 'Réponse commande',
        isActive: true,
        trigger: {
          type: 'webhook.received',
          config: { secretRef: 'WEBHOOK_SECRET_SHOP', responseMode: 'when_finished' },
        },
        nodes: [
          {
            id: 'answer',
            type: 'respond_webhook',
            config: { status: 200, contentType: 'text/plain; charset=utf-8', body: 'Merci {{trigger.body.name}}' },
          },
        ],
      },
    });
    expect(automation.status).toBe(201);
    const path = `/api/hooks/webhook/${automation.body.id}`;
    for (const name of ['Léa', 'Marc']) {
      const commits = sqlite.stats.commits;
      const res = await h.fetch(path, { method: 'POST', headers, body: JSON.stringify({ name }) });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(`Merci ${name}`);
      expect(sqlite.stats.commits - commits).toBe(1);
      const run = await h.api('GET', `/api/automation-runs/${res.headers.get('x-run-id')}`);
      expect(run.body).toMatchObject({ status: 'completed', triggerData: { body: { name } } });
    }
    const stats = (await h.api('GET', `/api/automations/${automation.body.id}`)).body.stats;
    expect(stats).toMatchObject({ totalRuns: 2, successfulRuns: 2, failedRuns: 0 });

    await h.api('PATCH', `/api/automations/${automation.body.id}/toggle`, { body: { isActive: false } });
    const off = await h.fetch(path, { method: 'POST', headers, body: JSON.stringify({ name: 'Zoé' }) });
    expect(off.status).toBe(401);
  });

  it('stores its run before the 202 it answers past the timeout, and the run goes on to its end', async () => {
    const sqlite = await openStore();
    const { node, open } = slowNode();
    const engine = createEngine({
      store: sqlite,
      registry: createRegistry([...allNodes, node]),
      clock: createFakeClock('2026-03-02T08:00:00Z'),
    });
    h = await startHarness({ store: sqlite, engine, app: { secrets } });
    const automation = await h.api('POST', '/api/automations', {
      body: {
        name: 'Total lent',
        isActive: true,
        trigger: {
          type: 'webhook.received',
          config: { secretRef: 'WEBHOOK_SECRET_SHOP', responseMode: 'when_finished', responseTimeoutMs: 1000 },
        },
        nodes: [{ id: 'total', type: 'slow_total', config: {} }],
      },
    });
    expect(automation.status).toBe(201);
    const res = await h.fetch(`/api/hooks/webhook/${automation.body.id}`, { method: 'POST', headers, body: '{}' });
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: string };
    expect(await sqlite.runs.get('tenant-a', runId)).toMatchObject({ status: 'running', queue: ['total'] });
    open();
    await expect.poll(async () => (await sqlite.runs.get('tenant-a', runId))?.status).toBe('completed');
    expect((await sqlite.automations.get('tenant-a', automation.body.id))?.stats).toMatchObject({
      totalRuns: 1,
      successfulRuns: 1,
    });
  });
});
