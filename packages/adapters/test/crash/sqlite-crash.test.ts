import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { type AutomationRun, createEngine, domainOf, messageIdFor, type Store } from '@swigs/automation-core';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { afterAll, describe, expect, it } from 'vitest';
import { startCountingSmtpServer } from '../workers/smtp-counter';
import { createScaledClock } from '../workers/scaled-clock';
import { FROM, mailFlow, order, USER_ID } from '../workers/scenario';
import { startWorker, stopWorker } from '../workers/worker-process';

const RUNS = 2000;
const KILLS = 12;
/** One real second is one clock minute: the flow's two 1-minute waits pass in about two seconds. */
const SCALE = 60;

const dir = mkdtempSync(join(tmpdir(), 'swigs-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function allRuns(store: Store): Promise<AutomationRun[]> {
  const { items } = await store.runs.list({ userId: USER_ID, limit: RUNS * 2 });
  return items;
}

describe('crash recovery on SQLite', () => {
  it(`completes all ${RUNS} runs and sends every e-mail after the worker is SIGKILLed ${KILLS} times`, async () => {
    const filename = join(dir, 'crash.db');
    const smtp = await startCountingSmtpServer();
    const clock = { origin: Date.now(), scale: SCALE };
    const store = createSqliteStore({ filename });
    try {
      const seeder = createEngine({
        store,
        registry: createDefaultRegistry(),
        clock: createScaledClock(clock.origin, clock.scale),
        workerId: 'seeder',
      });
      await store.automations.save(mailFlow());
      // Orders keep arriving while the worker is being killed: 250 every ~2.5 s, so the kills hit live work.
      const seeding = (async () => {
        for (let start = 0; start < RUNS; start += 250) {
          await Promise.all(
            Array.from({ length: 250 }, (_, i) =>
              seeder.fire('order.paid', order(start + i), { userId: USER_ID, dedupeKey: `order:${start + i}:paid` }),
            ),
          );
          await sleep(2500);
        }
      })();

      const config = (n: number) => ({
        workerId: `crash-worker-${n}`,
        store: { kind: 'sqlite' as const, filename },
        clock,
        smtpPort: smtp.port,
        // One SMTP connection: a crash can then catch at most one accepted-but-unrecorded message.
        smtpConnections: 1,
        scheduler: { pollIntervalMs: 3000, leaseMs: 30_000, concurrency: 100, batchSize: 100, cron: false },
      });
      const killPhase = Date.now();
      let kills = 0;
      let killsDuringWork = 0;
      const progress: string[] = [];
      for (let n = 1; n <= KILLS; n++) {
        const worker = await startWorker(config(n));
        await worker.ready;
        await sleep(400 + Math.random() * 1400);
        worker.child.kill('SIGKILL');
        expect(await worker.exited).toBe('SIGKILL');
        kills += 1;
        const runs = await allRuns(store);
        const done = runs.filter((r) => r.status === 'completed').length;
        if (done < RUNS) killsDuringWork += 1;
        progress.push(`${done}/${smtp.total()}`);
      }

      const killSeconds = (Date.now() - killPhase) / 1000;
      await seeding;
      expect((await allRuns(store)).length).toBe(RUNS);
      const last = await startWorker(config(KILLS + 1));
      await last.ready;
      const deadline = Date.now() + 60_000;
      let runs = await allRuns(store);
      while (runs.some((run) => run.status !== 'completed') && Date.now() < deadline) {
        await sleep(250);
        runs = await allRuns(store);
      }
      await stopWorker(last);

      const expected = new Set(runs.map((run) => messageIdFor(`${run.id}:thanks`, domainOf(FROM))));
      const received = [...smtp.counts.keys()];
      const duplicates = smtp.total() - smtp.counts.size;
      console.log(
        `crash test: ${kills} SIGKILLs (${killsDuringWork} with runs still to do) in ${killSeconds.toFixed(1)} s (completed runs/e-mails after each: ${progress.join(', ')}); ` +
          `${runs.length} runs, ${runs.filter((r) => r.status === 'completed').length} completed; ` +
          `${smtp.total()} e-mails received, ${smtp.counts.size} distinct, ${duplicates} duplicates`,
      );
      expect(killsDuringWork).toBeGreaterThanOrEqual(10);
      expect(runs).toHaveLength(RUNS);
      expect(runs.filter((run) => run.status !== 'completed').map((run) => `${run.id}:${run.status}`)).toEqual([]);
      expect(runs.every((run) => run.leaseOwner === null && run.scheduledAt === null)).toBe(true);
      for (const run of runs) {
        expect(run.executionLog.filter((entry) => entry.status === 'success').map((entry) => entry.nodeId)).toEqual([
          'wait-1',
          'thanks',
          'wait-2',
          'summary',
        ]);
        expect(run.outputs.summary).toEqual({
          order: String((run.triggerData as { orderNumber: string }).orderNumber),
          thanked: messageIdFor(`${run.id}:thanks`, domainOf(FROM)),
        });
      }
      expect(expected.size).toBe(RUNS);
      expect(received.filter((id) => !expected.has(id))).toEqual([]);
      expect(smtp.counts.size).toBe(RUNS);
      expect(duplicates).toBeLessThanOrEqual(kills);
    } finally {
      await store.close();
      await smtp.close();
    }
  }, 120_000);
});
