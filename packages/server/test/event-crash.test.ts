import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import type { Store, StoredDocument } from '@swigs/automation-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from './helpers/cli-process';

const KILLS = 8;
/** Requests creating invoices at once while the server is killed. */
const CONCURRENCY = 8;

const folder = mkdtempSync(join(tmpdir(), 'swigs-event-crash-'));
const started = new Set<ChildProcess>();

afterAll(() => {
  for (const child of started) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

const until = async (condition: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** What the SQLite file holds for the tenant: invoices, runs of the automation per invoice, events not delivered. */
async function snapshot(store: Store, userId: string, automationId: string) {
  const invoices = (await store.collection('invoices').find(userId)).items.map((doc) => doc.id);
  const { items: runs } = await store.runs.list({ userId, automationId, limit: 10_000 });
  const runsPerInvoice = new Map<string, number>();
  for (const run of runs) {
    const invoiceId = (run.triggerData as { invoiceId: string }).invoiceId;
    runsPerInvoice.set(invoiceId, (runsPerInvoice.get(invoiceId) ?? 0) + 1);
  }
  const pending = (await store.collection<StoredDocument>('eventoutbox').find(userId)).total;
  return { invoices, runs: runs.length, runsPerInvoice, pending };
}

describe('invoice events across kill -9 (SQLite)', () => {
  it(`starts exactly one run per invoice.created after ${KILLS} SIGKILLs during invoice creation`, async () => {
    const dataDir = join(folder, 'data');
    let server: ServerProcess = await startServerProcess(folder, dataDir, {}, started);
    const automation = await server.client.call('POST', '/api/automations', {
      name: 'Nouvelle facture',
      isActive: true,
      trigger: { type: 'invoice.created', config: {} },
      nodes: [
        {
          id: 'note',
          type: 'transform',
          position: { x: 0, y: 0 },
          connections: [],
          config: { fields: { numero: '{{trigger.number}}' } },
        },
      ],
    });
    expect(automation.status).toBe(201);
    const { id: automationId, userId } = automation.body as { id: string; userId: string };
    const project = await server.client.call('POST', '/api/projects', { name: 'Site vitrine' });
    expect(project.status).toBe(201);
    const store = createSqliteStore({ filename: join(dataDir, 'swigs-workflow.sqlite') });

    const missingAtKill: number[] = [];
    const pendingAtKill: number[] = [];
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        let created = 0;
        let stopped = false;
        const client = server.client;
        const pump = Array.from({ length: CONCURRENCY }, async () => {
          while (!stopped) {
            const answer = await client
              .call('POST', `/api/projects/${project.body.id}/invoices`, {
                invoiceType: 'custom',
                customLines: [{ description: 'Conception', quantity: 1, unitPrice: 500 }],
              })
              .catch(() => null);
            if (answer?.status === 201) created++;
            else if (answer === null) return;
          }
        });
        // Killed while requests are in flight: some have stored their invoice and not yet started its run.
        await until(() => created >= 4 + Math.floor(Math.random() * 8), 60_000, 'invoices being created');
        await server.stop('SIGKILL');
        stopped = true;
        await Promise.all(pump);
        const state = await snapshot(store, userId, automationId);
        missingAtKill.push(state.invoices.filter((id) => !state.runsPerInvoice.has(id)).length);
        pendingAtKill.push(state.pending);
        server = await startServerProcess(folder, dataDir, {}, started);
      }
      // The last start delivers what the last kill left; then every invoice has its run.
      const done = async (): Promise<boolean> => {
        const state = await snapshot(store, userId, automationId);
        return state.pending === 0 && state.invoices.every((id) => state.runsPerInvoice.has(id));
      };
      await until(done, 60_000, 'every invoice event to be delivered');
      await server.stop('SIGTERM');

      const final = await snapshot(store, userId, automationId);
      console.info(
        `event crash: ${KILLS} kills, ${final.invoices.length} invoices, ${final.runs} runs; invoices without a run ` +
          `at each kill ${JSON.stringify(missingAtKill)}, events pending at each kill ${JSON.stringify(pendingAtKill)}`,
      );
      expect(final.invoices.length).toBeGreaterThan(KILLS * 4);
      expect(final.runs).toBe(final.invoices.length);
      expect([...final.runsPerInvoice.values()].every((count) => count === 1)).toBe(true);
      expect(final.invoices.every((id) => final.runsPerInvoice.get(id) === 1)).toBe(true);
    } finally {
      await store.close();
    }
  }, 300_000);
});
