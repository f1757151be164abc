import { describe, expect, it } from 'vitest';
import { ErrorCode, hasErrorCode } from '../../errors/swigs-error';
import { at, makeAutomation, makeLogEntry, makeRun, uid, type SuiteContext } from './fixtures';

/** Runs: round-trips, tenancy, listing, guarded checkpoints, cancel, delete, purge. */
export function describeRuns(ctx: SuiteContext, largeLogEntries: number): void {
  describe('runs', () => {
    it('round-trips a run with dates, nested data and its log unchanged', async () => {
      const run = makeRun({ executionLog: [makeLogEntry(0), makeLogEntry(1), makeLogEntry(2)] });
      await ctx.store().runs.create(run);
      const loaded = await ctx.store().runs.get('tenant-a', run.id);
      expect(loaded).toEqual(run);
      expect(loaded?.scheduledAt).toBeInstanceOf(Date);
      expect(loaded?.executionLog[1]?.startedAt).toBeInstanceOf(Date);
      const trigger = loaded?.triggerData as { order: { paidAt: unknown } };
      expect(trigger.order.paidAt).toBeInstanceOf(Date);
      expect(trigger.order.paidAt).toEqual(at(-3600_000));
    });

    it('keeps strings, unicode, numbers and empty containers exact', async () => {
      const triggerData = {
        text: 'Grüezi « Zürich » — 10 % ✓ 🚀',
        quote: 'say "hi"\n\ttab \\ backslash',
        numbers: [0, -1, 1.5, 12_950, Number.MAX_SAFE_INTEGER, -0.001],
        empty: { list: [], object: {}, text: '' },
        nulls: [null, { value: null }],
        dollar: { $date: 'not a date', $esc: 1 },
        onlyDate: { $date: '2026-01-01T00:00:00.000Z' },
        bools: [true, false],
      };
      const run = makeRun({ triggerData });
      await ctx.store().runs.create(run);
      expect((await ctx.store().runs.get('tenant-a', run.id))?.triggerData).toEqual(triggerData);
    });

    it('round-trips a run with a large log unchanged', async () => {
      const payload = 'x'.repeat(2000);
      const executionLog = Array.from({ length: largeLogEntries }, (_, i) => makeLogEntry(i, `${i}:${payload}`));
      const run = makeRun({ status: 'running', leaseOwner: 'w1', leaseUntil: at(60_000), executionLog: [] });
      await ctx.store().runs.create(run);
      expect(await ctx.store().runs.checkpoint({ ...run, executionLog, steps: largeLogEntries }, 'w1')).toBe(true);
      const loaded = await ctx.store().runs.get('tenant-a', run.id);
      expect(loaded?.executionLog.length).toBe(largeLogEntries);
      expect(loaded?.executionLog).toEqual(executionLog);
      expect(loaded?.steps).toBe(largeLogEntries);
    });

    it('refuses a second run with the same id with a ConflictError', async () => {
      const run = makeRun();
      await ctx.store().runs.create(run);
      const error = await ctx
        .store()
        .runs.create({ ...run, status: 'pending' })
        .catch((e: unknown) => e);
      expect(hasErrorCode(error, ErrorCode.Conflict)).toBe(true);
      expect((await ctx.store().runs.get('tenant-a', run.id))?.status).toBe('waiting');
    });

    it('scopes get to the tenant', async () => {
      const run = makeRun();
      await ctx.store().runs.create(run);
      expect(await ctx.store().runs.get('tenant-b', run.id)).toBeNull();
      expect((await ctx.store().runs.get('tenant-a', run.id))?.id).toBe(run.id);
      expect(await ctx.store().runs.get('tenant-a', 'no-such-run')).toBeNull();
    });

    it('never shares objects with the caller', async () => {
      const run = makeRun();
      await ctx.store().runs.create(run);
      run.queue.push('mutated');
      (run.triggerData as { order: { total: number } }).order.total = 1;
      const loaded = await ctx.store().runs.get('tenant-a', run.id);
      expect(loaded?.queue).toEqual(['mail-1', 'wait-2']);
      loaded!.executionLog.push(makeLogEntry(9));
      loaded!.scheduledAt!.setTime(0);
      const again = await ctx.store().runs.get('tenant-a', run.id);
      expect(again?.executionLog.length).toBe(1);
      expect(again?.scheduledAt).toEqual(at(0));
      expect((again!.triggerData as { order: { total: number } }).order.total).toBe(12_950);
    });

    it("lists a tenant's runs newest first with paging and filters", async () => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const run = makeRun({
          createdAt: at(i * 1000),
          status: i % 3 === 0 ? 'completed' : 'waiting',
          automationId: i < 4 ? 'auto-1' : 'auto-2',
        });
        ids.push(run.id);
        await ctx.store().runs.create(run);
      }
      await ctx.store().runs.create(makeRun({ userId: 'tenant-b', createdAt: at(99_000) }));
      const all = await ctx.store().runs.list({ userId: 'tenant-a' });
      expect(all.total).toBe(7);
      expect(all.items.map((r) => r.id)).toEqual([...ids].reverse());
      const page = await ctx.store().runs.list({ userId: 'tenant-a', limit: 3, offset: 2 });
      expect(page.items.map((r) => r.id)).toEqual([ids[4], ids[3], ids[2]]);
      expect(page.total).toBe(7);
      const completed = await ctx.store().runs.list({ userId: 'tenant-a', status: ['completed'] });
      expect(completed.items.map((r) => r.id)).toEqual([ids[6], ids[3], ids[0]]);
      expect(completed.total).toBe(3);
      const several = await ctx.store().runs.list({ userId: 'tenant-a', status: ['completed', 'waiting'], limit: 1 });
      expect(several.total).toBe(7);
      const byAutomation = await ctx
        .store()
        .runs.list({ userId: 'tenant-a', automationId: 'auto-2', status: ['waiting'] });
      expect(byAutomation.items.map((r) => r.id)).toEqual([ids[5], ids[4]]);
      expect((await ctx.store().runs.list({ userId: 'tenant-c' })).total).toBe(0);
    });

    it('filters runs by trigger type, period and trigger-data text, and pages them by keyset', async () => {
      const tenant = uid('tenant-search');
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const run = makeRun({
          userId: tenant,
          createdAt: at(i * 1000),
          triggerType: i % 2 === 0 ? 'order.paid' : 'manual',
          triggerData: { orderNumber: `10${40 + i}`, customer: { email: `Client${i}@Example.ch` } },
        });
        ids.push(run.id);
        await ctx.store().runs.create(run);
      }
      // Same instant as the last run: the id breaks the tie in the keyset order.
      const twin = makeRun({ userId: tenant, createdAt: at(5000), triggerType: 'manual', triggerData: { n: 'x' } });
      await ctx.store().runs.create(twin);
      const runs = ctx.store().runs;
      expect((await runs.list({ userId: tenant, triggerType: 'order.paid' })).items.map((r) => r.id)).toEqual([
        ids[4],
        ids[2],
        ids[0],
      ]);
      const period = await runs.list({ userId: tenant, createdFrom: at(1000), createdTo: at(2000) });
      expect(period.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
      const found = await runs.list({ userId: tenant, text: '1043' });
      expect(found.items.map((r) => r.id)).toEqual([ids[3]]);
      expect((await runs.list({ userId: tenant, text: 'client2@example' })).items.map((r) => r.id)).toEqual([ids[2]]);
      expect((await runs.list({ userId: 'tenant-b', text: '1043' })).total).toBe(0);
      // Keyset pages walk the whole list once, in order, with the total of the filtered list.
      const seen: string[] = [];
      let before: { createdAt: Date; id: string } | undefined;
      for (;;) {
        const page = await runs.list({ userId: tenant, limit: 3, ...(before ? { before } : {}) });
        expect(page.total).toBe(7);
        seen.push(...page.items.map((r) => r.id));
        const last = page.items.at(-1);
        if (page.items.length < 3 || !last) break;
        before = { createdAt: last.createdAt, id: last.id };
      }
      const all = await runs.list({ userId: tenant });
      expect(seen).toEqual(all.items.map((r) => r.id));
      expect(new Set(seen).size).toBe(7);
    });

    it('writes a checkpoint only while the worker holds the lease', async () => {
      const run = makeRun({ status: 'running', leaseOwner: 'w1', leaseUntil: at(30_000), scheduledAt: null });
      await ctx.store().runs.create(run);
      const next = {
        ...run,
        status: 'waiting' as const,
        currentNodeId: 'wait-2',
        queue: ['mail-2'],
        outputs: { ...run.outputs, 'mail-1': { messageId: '<a@b>' } },
        executionLog: [...run.executionLog, makeLogEntry(1)],
        scheduledAt: at(7 * 86_400_000),
        leaseOwner: null,
        leaseUntil: null,
        steps: 2,
        updatedAt: at(1000),
      };
      expect(await ctx.store().runs.checkpoint({ ...next, error: 'stolen' }, 'w2')).toBe(false);
      expect((await ctx.store().runs.get('tenant-a', run.id))?.error).toBeNull();
      expect(await ctx.store().runs.checkpoint(next, 'w1')).toBe(true);
      expect(await ctx.store().runs.get('tenant-a', run.id)).toEqual(next);
      expect(await ctx.store().runs.checkpoint({ ...next, steps: 3 }, 'w1')).toBe(false);
      expect(await ctx.store().runs.checkpoint(makeRun({ leaseOwner: 'w1' }), 'w1')).toBe(false);
    });

    it('checkpoints the run object it claimed as its log and outputs grow, as the engine does', async () => {
      const runs = ctx.store().runs;
      const trigger = { order: { id: 'A-17', paidAt: at(-5) }, onlyDate: { $date: 'x' } };
      const created = makeRun({ triggerData: trigger, outputs: {}, executionLog: [], scheduledAt: at(0) });
      await runs.create(created);
      const run = await runs.claimById(created.id, ['waiting'], { now: at(0), workerId: 'w1', leaseMs: 30_000 });
      if (!run) throw new Error('the run was not claimed');
      for (let step = 0; step < 3; step++) {
        run.executionLog.push(makeLogEntry(step));
        // Numeric-looking node ids sort before others in an object's keys: appended in any order they still count.
        run.outputs[step === 1 ? '10' : `node-${step}`] = { step, at: at(step), nested: [{ $date: 'not a date' }] };
        run.steps += 1;
        run.currentNodeId = `node-${step + 1}`;
        run.queue = [`node-${step + 1}`];
        run.updatedAt = at(100 + step);
        expect(await runs.checkpoint(run, 'w1')).toBe(true);
        expect(await runs.get('tenant-a', run.id)).toEqual(run);
      }
      // A step that changes the cursor only, then the outcome: nothing appended, nothing lost.
      run.queue = [];
      expect(await runs.checkpoint(run, 'w1')).toBe(true);
      Object.assign(run, { status: 'completed', completedAt: at(900), leaseOwner: null, leaseUntil: null });
      expect(await runs.checkpoint(run, 'w1')).toBe(true);
      expect(await runs.get('tenant-a', run.id)).toEqual(run);
      expect((await runs.list({ userId: 'tenant-a', text: 'a-17' })).items.map((r) => r.id)).toContain(run.id);
      // The lease is gone with the outcome: a later write of the same object is refused.
      run.executionLog.push(makeLogEntry(3));
      expect(await runs.checkpoint(run, 'w1')).toBe(false);
      expect((await runs.get('tenant-a', run.id))?.executionLog).toHaveLength(3);
    });

    it('refuses a checkpoint of the claimed run object once another worker took the run', async () => {
      const runs = ctx.store().runs;
      const created = makeRun({ status: 'running', leaseOwner: 'w1', leaseUntil: at(1000), scheduledAt: null });
      await runs.create(created);
      const mine = await runs.claimById(created.id, ['running'], { now: at(0), workerId: 'w1', leaseMs: 1000 });
      if (!mine) throw new Error('the run was not claimed');
      const theirs = await runs.claimById(created.id, ['running'], { now: at(5000), workerId: 'w2', leaseMs: 1000 });
      expect(theirs?.leaseOwner).toBe('w2');
      mine.executionLog.push(makeLogEntry(7));
      mine.outputs['node-7'] = { mine: true };
      expect(await runs.checkpoint(mine, 'w1')).toBe(false);
      theirs!.executionLog.push(makeLogEntry(8));
      expect(await runs.checkpoint(theirs!, 'w2')).toBe(true);
      const stored = await runs.get('tenant-a', created.id);
      expect(stored?.executionLog.map((e) => e.nodeId)).toEqual([
        ...created.executionLog.map((e) => e.nodeId),
        'node-8',
      ]);
      expect(stored?.outputs).toEqual(created.outputs);
    });

    it('counts the stats a checkpoint carries only when the checkpoint is taken', async () => {
      await ctx.store().automations.save(makeAutomation({ id: 'auto-1' }));
      const run = makeRun({ status: 'running', leaseOwner: 'w1', leaseUntil: at(30_000), scheduledAt: null });
      await ctx.store().runs.create(run);
      const done = { ...run, status: 'completed' as const, completedAt: at(900), leaseOwner: null, leaseUntil: null };
      const stats = { totalRuns: 1, successfulRuns: 1, lastRunAt: at(100) };
      expect(await ctx.store().runs.checkpoint(done, 'w2', { stats })).toBe(false);
      expect((await ctx.store().automations.get('tenant-a', 'auto-1'))?.stats.totalRuns).toBe(0);
      expect(await ctx.store().runs.checkpoint(done, 'w1', { stats })).toBe(true);
      expect((await ctx.store().runs.get('tenant-a', run.id))?.status).toBe('completed');
      expect((await ctx.store().automations.get('tenant-a', 'auto-1'))?.stats).toEqual({
        totalRuns: 1,
        successfulRuns: 1,
        failedRuns: 0,
        lastRunAt: at(100),
        lastError: null,
      });
    });

    it('refuses a checkpoint after the run was cancelled', async () => {
      const run = makeRun({ status: 'running', leaseOwner: 'w1', leaseUntil: at(30_000) });
      await ctx.store().runs.create(run);
      const cancelled = await ctx.store().runs.cancel('tenant-a', run.id, at(500));
      expect(cancelled?.status).toBe('cancelled');
      expect(await ctx.store().runs.checkpoint({ ...run, status: 'completed', completedAt: at(600) }, 'w1')).toBe(
        false,
      );
      expect((await ctx.store().runs.get('tenant-a', run.id))?.status).toBe('cancelled');
    });

    it('cancels a run once, clearing its lease and schedule', async () => {
      const run = makeRun({ status: 'running', leaseOwner: 'w1', leaseUntil: at(30_000) });
      await ctx.store().runs.create(run);
      expect(await ctx.store().runs.cancel('tenant-b', run.id, at(100))).toBeNull();
      const cancelled = await ctx.store().runs.cancel('tenant-a', run.id, at(100));
      expect(cancelled).toMatchObject({ status: 'cancelled', leaseOwner: null, leaseUntil: null, scheduledAt: null });
      expect(cancelled?.completedAt).toEqual(at(100));
      expect(cancelled?.executionLog).toEqual(run.executionLog);
      const again = await ctx.store().runs.cancel('tenant-a', run.id, at(200));
      expect(again?.completedAt).toEqual(at(100));
      const done = makeRun({ status: 'completed', completedAt: at(50), scheduledAt: null });
      await ctx.store().runs.create(done);
      expect((await ctx.store().runs.cancel('tenant-a', done.id, at(300)))?.status).toBe('completed');
      expect(await ctx.store().runs.cancel('tenant-a', 'no-such-run', at(300))).toBeNull();
    });

    it('deletes a run only for its tenant', async () => {
      const run = makeRun();
      await ctx.store().runs.create(run);
      expect(await ctx.store().runs.delete('tenant-b', run.id)).toBe(false);
      expect(await ctx.store().runs.delete('tenant-a', run.id)).toBe(true);
      expect(await ctx.store().runs.get('tenant-a', run.id)).toBeNull();
      expect(await ctx.store().runs.delete('tenant-a', run.id)).toBe(false);
      expect(await ctx.store().runs.nextDueAt()).toBeNull();
    });

    it('purges finished runs older than the cutoff and never a waiting run', async () => {
      const old = at(-10 * 86_400_000);
      const oldCompleted = makeRun({ status: 'completed', completedAt: old, scheduledAt: null });
      const oldFailed = makeRun({ status: 'failed', completedAt: old, scheduledAt: null, error: 'boom' });
      const oldCancelled = makeRun({ status: 'cancelled', completedAt: old, scheduledAt: null });
      const recent = makeRun({ status: 'completed', completedAt: at(0), scheduledAt: null });
      const waiting = makeRun({ status: 'waiting', createdAt: old, updatedAt: old, scheduledAt: at(86_400_000) });
      for (const run of [oldCompleted, oldFailed, oldCancelled, recent, waiting]) await ctx.store().runs.create(run);
      const purged = await ctx.store().runs.purge(at(-86_400_000), ['completed', 'failed', 'waiting']);
      expect(purged).toBe(2);
      expect(await ctx.store().runs.get('tenant-a', oldCompleted.id)).toBeNull();
      expect(await ctx.store().runs.get('tenant-a', oldFailed.id)).toBeNull();
      expect(await ctx.store().runs.get('tenant-a', oldCancelled.id)).not.toBeNull();
      expect(await ctx.store().runs.get('tenant-a', recent.id)).not.toBeNull();
      expect(await ctx.store().runs.get('tenant-a', waiting.id)).not.toBeNull();
      expect(await ctx.store().runs.purge(at(-86_400_000), ['cancelled'])).toBe(1);
      expect(await ctx.store().runs.purge(at(-86_400_000), ['completed', 'failed', 'cancelled'])).toBe(0);
    });

    it('reports the earliest due time among waiting runs', async () => {
      expect(await ctx.store().runs.nextDueAt()).toBeNull();
      await ctx.store().runs.create(makeRun({ status: 'completed', scheduledAt: at(-5000), completedAt: at(0) }));
      await ctx
        .store()
        .runs.create(makeRun({ status: 'running', scheduledAt: at(-4000), leaseOwner: 'w', leaseUntil: at(1) }));
      expect(await ctx.store().runs.nextDueAt()).toBeNull();
      await ctx.store().runs.create(makeRun({ scheduledAt: at(9000) }));
      const early = makeRun({ scheduledAt: at(3000) });
      await ctx.store().runs.create(early);
      await ctx.store().runs.create(makeRun({ scheduledAt: at(6000) }));
      expect(await ctx.store().runs.nextDueAt()).toEqual(at(3000));
      await ctx.store().runs.cancel('tenant-a', early.id, at(0));
      expect(await ctx.store().runs.nextDueAt()).toEqual(at(6000));
    });

    it('counts the waiting runs of every tenant and those due at an instant', async () => {
      const runs = ctx.store().runs;
      expect(await runs.countWaiting?.(at(0))).toEqual({ waiting: 0, due: 0 });
      await runs.create(makeRun({ status: 'completed', scheduledAt: at(-5000), completedAt: at(0) }));
      await runs.create(makeRun({ status: 'running', scheduledAt: at(-4000), leaseOwner: 'w', leaseUntil: at(1) }));
      await runs.create(makeRun({ scheduledAt: at(-3000) }));
      await runs.create(makeRun({ userId: 'tenant-b', scheduledAt: at(0) }));
      await runs.create(makeRun({ scheduledAt: at(9000) }));
      expect(await runs.countWaiting?.(at(0))).toEqual({ waiting: 3, due: 2 });
      expect(await runs.countWaiting?.(at(10_000))).toEqual({ waiting: 3, due: 3 });
    });
  });
}
