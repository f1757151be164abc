import { describe, expect, it } from 'vitest';
import type { ExecutionLogEntry } from '../../model/run';
import type { RunStore } from '../../ports/run-store';
import type { StepStats } from '../../ports/step-stats';
import { at, makeRun, type SuiteContext, uid } from './fixtures';

const DAY = 86_400_000;

/** A log entry of `nodeId` started `ms` after `T0`. */
const entry = (nodeId: string, nodeType: string, status: ExecutionLogEntry['status'], ms = 0): ExecutionLogEntry => ({
  nodeId,
  nodeType,
  startedAt: at(ms),
  completedAt: at(ms + 5),
  status,
  input: {},
  output: {},
  error: status === 'failed' ? 'boom' : null,
});

const byNode = (stats: StepStats[]): Record<string, StepStats> => Object.fromEntries(stats.map((s) => [s.nodeId, s]));

async function stepStats(store: RunStore, automationId: string, version = 1, since = at(-DAY)): Promise<StepStats[]> {
  if (!store.runs.stepStats) throw new Error(`store "${store.name}" has no stepStats`);
  return store.runs.stepStats('tenant-a', automationId, { version, since });
}

/** Step stats: counters kept with creates and checkpoints, waiting counts, period, version and tenant scope. */
export function describeStepStats(ctx: SuiteContext): void {
  describe('step stats', () => {
    it('counts each step once per log entry across creates and repeated checkpoints', async () => {
      const automationId = uid('auto');
      const store = ctx.store();
      const log = [entry('trigger', 'trigger', 'success'), entry('mail', 'send_email', 'success', 10)];
      const run = makeRun({
        automationId,
        status: 'running',
        leaseOwner: 'w1',
        leaseUntil: at(60_000),
        executionLog: log,
      });
      await store.runs.create(run);
      // The same log written again, then one entry more: only the new entry is counted.
      expect(await store.runs.checkpoint({ ...run }, 'w1')).toBe(true);
      const failed = entry('hook', 'webhook', 'failed', 20);
      expect(await store.runs.checkpoint({ ...run, status: 'failed', executionLog: [...log, failed] }, 'w1')).toBe(
        true,
      );
      await store.runs.create(
        makeRun({
          automationId,
          status: 'completed',
          executionLog: [entry('trigger', 'trigger', 'success'), entry('mail', 'send_email', 'failed', 10)],
        }),
      );
      const stats = byNode(await stepStats(store, automationId));
      expect(stats.trigger).toEqual({ nodeId: 'trigger', reached: 2, waiting: 0, succeeded: 2, failed: 0 });
      expect(stats.mail).toEqual({ nodeId: 'mail', reached: 2, waiting: 0, succeeded: 1, failed: 1, sent: 1 });
      expect(stats.hook).toEqual({ nodeId: 'hook', reached: 1, waiting: 0, succeeded: 0, failed: 1 });
    });

    it('counts runs waiting at a wait step now, and no longer once they move on', async () => {
      const automationId = uid('auto');
      const store = ctx.store();
      const log = [entry('trigger', 'trigger', 'success'), entry('wait', 'wait', 'success', 10)];
      const first = makeRun({ automationId, status: 'waiting', currentNodeId: 'mail', executionLog: log });
      const second = makeRun({ automationId, status: 'waiting', currentNodeId: 'mail', executionLog: log });
      await store.runs.create(first);
      await store.runs.create(second);
      expect(byNode(await stepStats(store, automationId)).wait).toMatchObject({ reached: 2, waiting: 2 });
      const claimed = await store.runs.claimById(first.id, ['waiting'], {
        now: at(DAY),
        workerId: 'w1',
        leaseMs: 60_000,
      });
      expect(claimed).toBeDefined();
      const done = {
        ...claimed!,
        status: 'completed' as const,
        executionLog: [...log, entry('mail', 'send_email', 'success', 20)],
      };
      expect(await store.runs.checkpoint(done, 'w1')).toBe(true);
      const stats = byNode(await stepStats(store, automationId));
      expect(stats.wait?.waiting).toBe(1);
      expect(stats.mail).toMatchObject({ reached: 1, succeeded: 1, sent: 1, waiting: 0 });
    });

    it('keeps to the version, the tenant and the period asked for', async () => {
      const automationId = uid('auto');
      const store = ctx.store();
      const mail = (ms: number) => [entry('mail', 'send_email', 'success', ms)];
      await store.runs.create(makeRun({ automationId, status: 'completed', executionLog: mail(0) }));
      await store.runs.create(makeRun({ automationId, status: 'completed', executionLog: mail(-10 * DAY) }));
      await store.runs.create(
        makeRun({ automationId, automationVersion: 2, status: 'completed', executionLog: mail(0) }),
      );
      await store.runs.create(
        makeRun({ automationId, userId: 'tenant-b', status: 'completed', executionLog: mail(0) }),
      );
      expect(byNode(await stepStats(store, automationId, 1, at(-DAY))).mail?.reached).toBe(1);
      expect(byNode(await stepStats(store, automationId, 1, at(-30 * DAY))).mail?.reached).toBe(2);
      expect(byNode(await stepStats(store, automationId, 2, at(-DAY))).mail?.reached).toBe(1);
      expect(await stepStats(store, automationId, 3, at(-DAY))).toEqual([]);
    });
  });
}
