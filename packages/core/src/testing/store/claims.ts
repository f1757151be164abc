import { describe, expect, it } from 'vitest';
import type { AutomationRun } from '../../model/run';
import { at, makeRun, type SuiteContext } from './fixtures';

/** Leases: claiming due runs, claiming by id, renewing, releasing, and the checkpoint guard. */
export function describeClaims(ctx: SuiteContext, concurrency: number): void {
  const claim = (now: Date, workerId: string, limit = 100, leaseMs = 30_000): Promise<AutomationRun[]> =>
    ctx.store().runs.claimDue({ now, workerId, leaseMs, limit });

  describe('claims and leases', () => {
    it('claims due waiting runs oldest first and leases them', async () => {
      const late = makeRun({ scheduledAt: at(2000) });
      const early = makeRun({ scheduledAt: at(-5000) });
      const middle = makeRun({ scheduledAt: at(0) });
      const future = makeRun({ scheduledAt: at(60_000) });
      const done = makeRun({ status: 'completed', scheduledAt: at(-9000), completedAt: at(-1) });
      for (const run of [late, early, middle, future, done]) await ctx.store().runs.create(run);
      const claimed = await claim(at(2000), 'w1', 100, 15_000);
      expect(claimed.map((r) => r.id)).toEqual([early.id, middle.id, late.id]);
      for (const run of claimed) {
        expect(run).toMatchObject({ status: 'running', leaseOwner: 'w1' });
        expect(run.leaseUntil).toEqual(at(17_000));
      }
      expect(claimed[0]?.executionLog).toEqual(early.executionLog);
      expect(claimed[0]?.triggerData).toEqual(early.triggerData);
      const stored = await ctx.store().runs.get('tenant-a', early.id);
      expect(stored).toMatchObject({ status: 'running', leaseOwner: 'w1' });
      expect(stored?.leaseUntil).toEqual(at(17_000));
      expect(await claim(at(2000), 'w2')).toEqual([]);
      expect((await ctx.store().runs.get('tenant-a', future.id))?.status).toBe('waiting');
    });

    it('respects the claim limit', async () => {
      for (let i = 0; i < 5; i++) await ctx.store().runs.create(makeRun({ scheduledAt: at(i) }));
      const first = await claim(at(10), 'w1', 2);
      expect(first.map((r) => r.scheduledAt)).toEqual([at(0), at(1)]);
      const second = await claim(at(10), 'w1', 10);
      expect(second.map((r) => r.scheduledAt)).toEqual([at(2), at(3), at(4)]);
    });

    it('reclaims a run whose lease expired and not one whose lease is live', async () => {
      const crashed = makeRun({ status: 'running', leaseOwner: 'dead', leaseUntil: at(-1000), scheduledAt: null });
      const pending = makeRun({ status: 'pending', leaseOwner: 'dead', leaseUntil: at(-10), scheduledAt: null });
      const live = makeRun({ status: 'running', leaseOwner: 'alive', leaseUntil: at(5000), scheduledAt: null });
      for (const run of [crashed, pending, live]) await ctx.store().runs.create(run);
      const claimed = await claim(at(0), 'w2');
      expect(claimed.map((r) => r.id).sort()).toEqual([crashed.id, pending.id].sort());
      expect(claimed.every((r) => r.status === 'running' && r.leaseOwner === 'w2')).toBe(true);
      expect(await ctx.store().runs.checkpoint({ ...crashed, steps: 9 }, 'dead')).toBe(false);
      const later = await claim(at(6000), 'w3');
      expect(later.map((r) => r.id)).toEqual([live.id]);
      expect(await ctx.store().runs.checkpoint({ ...live, steps: 9 }, 'alive')).toBe(false);
    });

    it('never gives the same run to two concurrent claimers', async () => {
      const total = concurrency * 10;
      for (let i = 0; i < total; i++) await ctx.store().runs.create(makeRun({ scheduledAt: at(i % 17) }));
      const seen = new Map<string, string>();
      await Promise.all(
        Array.from({ length: concurrency }, async (_, worker) => {
          for (;;) {
            const claimed = await claim(at(100), `w${worker}`, 7);
            if (claimed.length === 0) return;
            for (const run of claimed) {
              expect(seen.has(run.id), `run ${run.id} claimed twice`).toBe(false);
              seen.set(run.id, `w${worker}`);
            }
          }
        }),
      );
      expect(seen.size).toBe(total);
      for (const [id, worker] of seen) expect((await ctx.store().runs.get('tenant-a', id))?.leaseOwner).toBe(worker);
    });

    it('claims a run by id when no other live lease holds it', async () => {
      const failed = makeRun({ status: 'failed', scheduledAt: null, error: 'boom' });
      const held = makeRun({ status: 'running', leaseOwner: 'w1', leaseUntil: at(5000), scheduledAt: null });
      for (const run of [failed, held]) await ctx.store().runs.create(run);
      const options = { now: at(0), workerId: 'w2', leaseMs: 1000 };
      expect(await ctx.store().runs.claimById(failed.id, ['completed'], options)).toBeNull();
      const claimed = await ctx.store().runs.claimById(failed.id, ['failed'], options);
      expect(claimed).toMatchObject({ id: failed.id, status: 'running', leaseOwner: 'w2' });
      expect(claimed?.leaseUntil).toEqual(at(1000));
      expect(await ctx.store().runs.claimById(failed.id, ['failed'], options)).toBeNull();
      expect(await ctx.store().runs.claimById(held.id, ['running'], options)).toBeNull();
      const own = await ctx.store().runs.claimById(held.id, ['running'], { ...options, workerId: 'w1' });
      expect(own?.leaseOwner).toBe('w1');
      const expired = await ctx.store().runs.claimById(held.id, ['running'], { ...options, now: at(6000) });
      expect(expired?.leaseOwner).toBe('w2');
      expect(await ctx.store().runs.claimById('no-such-run', ['failed'], options)).toBeNull();
    });

    it('gives a run claimed by id to only one of several concurrent callers', async () => {
      const run = makeRun({ status: 'failed', scheduledAt: null });
      await ctx.store().runs.create(run);
      const results = await Promise.all(
        Array.from({ length: concurrency }, (_, i) =>
          ctx.store().runs.claimById(run.id, ['failed'], { now: at(0), workerId: `w${i}`, leaseMs: 1000 }),
        ),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('renews only the leases the worker still holds', async () => {
      const mine = makeRun({ status: 'running', leaseOwner: 'w1', leaseUntil: at(1000), scheduledAt: null });
      const lost = makeRun({ status: 'running', leaseOwner: 'w2', leaseUntil: at(1000), scheduledAt: null });
      const done = makeRun({ status: 'completed', leaseOwner: null, leaseUntil: null, scheduledAt: null });
      for (const run of [mine, lost, done]) await ctx.store().runs.create(run);
      const held = await ctx.store().runs.renewLeases([mine.id, lost.id, done.id, 'no-such-run'], 'w1', at(9000));
      expect(held).toEqual([mine.id]);
      expect((await ctx.store().runs.get('tenant-a', mine.id))?.leaseUntil).toEqual(at(9000));
      expect((await ctx.store().runs.get('tenant-a', lost.id))?.leaseUntil).toEqual(at(1000));
      expect(await claim(at(5000), 'w3')).toEqual([expect.objectContaining({ id: lost.id })]);
      expect(await ctx.store().runs.renewLeases([], 'w1', at(9000))).toEqual([]);
    });

    it('never shortens a renewed lease through a checkpoint carrying the older lease', async () => {
      const run = makeRun({ status: 'running', leaseOwner: 'w1', leaseUntil: at(1000), scheduledAt: null });
      await ctx.store().runs.create(run);
      await ctx.store().runs.renewLeases([run.id], 'w1', at(9000));
      expect(await ctx.store().runs.checkpoint({ ...run, steps: 5 }, 'w1')).toBe(true);
      const stored = await ctx.store().runs.get('tenant-a', run.id);
      expect(stored?.steps).toBe(5);
      expect(stored?.leaseUntil).toEqual(at(9000));
      expect(await claim(at(5000), 'w2')).toEqual([]);
    });

    it('never shortens a renewed lease through a checkpoint of the claimed run object', async () => {
      const created = makeRun({ status: 'running', leaseOwner: 'w1', leaseUntil: at(1000), scheduledAt: null });
      await ctx.store().runs.create(created);
      const run = await ctx
        .store()
        .runs.claimById(created.id, ['running'], { now: at(0), workerId: 'w1', leaseMs: 1000 });
      if (!run) throw new Error('the run was not claimed');
      await ctx.store().runs.renewLeases([run.id], 'w1', at(9000));
      run.steps = 5;
      expect(await ctx.store().runs.checkpoint(run, 'w1')).toBe(true);
      expect((await ctx.store().runs.get('tenant-a', run.id))?.leaseUntil).toEqual(at(9000));
      expect(await claim(at(5000), 'w2')).toEqual([]);
      // A later lease than the stored one is written as it is.
      run.leaseUntil = at(20_000);
      expect(await ctx.store().runs.checkpoint(run, 'w1')).toBe(true);
      expect((await ctx.store().runs.get('tenant-a', run.id))?.leaseUntil).toEqual(at(20_000));
      expect(await claim(at(15_000), 'w2')).toEqual([]);
      expect((await claim(at(20_000), 'w2')).map((r) => r.id)).toContain(run.id);
    });

    it('releases a lease so another worker can claim the run at once', async () => {
      const run = makeRun({ status: 'running', leaseOwner: 'w1', leaseUntil: at(60_000), scheduledAt: null });
      await ctx.store().runs.create(run);
      await ctx.store().runs.release(run.id, 'w2');
      expect((await ctx.store().runs.get('tenant-a', run.id))?.leaseOwner).toBe('w1');
      expect(await claim(at(0), 'w2')).toEqual([]);
      await ctx.store().runs.release(run.id, 'w1');
      const released = await ctx.store().runs.get('tenant-a', run.id);
      expect(released).toMatchObject({ leaseOwner: null, leaseUntil: null });
      const claimed = await claim(at(0), 'w2');
      expect(claimed.map((r) => r.id)).toEqual([run.id]);
      expect(await ctx.store().runs.checkpoint({ ...run, steps: 3 }, 'w1')).toBe(false);
      expect(await ctx.store().runs.checkpoint({ ...claimed[0]!, steps: 3 }, 'w2')).toBe(true);
    });

    it('keeps a released waiting run waiting until it is due', async () => {
      const run = makeRun({ status: 'waiting', scheduledAt: at(5000), leaseOwner: 'w1', leaseUntil: at(100) });
      await ctx.store().runs.create(run);
      await ctx.store().runs.release(run.id, 'w1');
      expect(await claim(at(1000), 'w2')).toEqual([]);
      expect((await claim(at(5000), 'w2')).map((r) => r.id)).toEqual([run.id]);
    });

    it('does not claim cancelled or finished runs', async () => {
      const run = makeRun({ scheduledAt: at(0) });
      await ctx.store().runs.create(run);
      await ctx.store().runs.cancel('tenant-a', run.id, at(0));
      await ctx.store().runs.create(makeRun({ status: 'failed', scheduledAt: at(0), leaseUntil: at(-5) }));
      await ctx.store().runs.create(makeRun({ status: 'completed', scheduledAt: at(0), leaseUntil: at(-5) }));
      expect(await claim(at(10_000), 'w1')).toEqual([]);
    });

    it('claims a waiting run again once its lease expires without a checkpoint', async () => {
      const run = makeRun({ scheduledAt: at(0) });
      await ctx.store().runs.create(run);
      expect((await claim(at(0), 'w1', 10, 1000)).map((r) => r.id)).toEqual([run.id]);
      expect(await claim(at(999), 'w2', 10, 1000)).toEqual([]);
      const again = await claim(at(1000), 'w2', 10, 1000);
      expect(again.map((r) => r.id)).toEqual([run.id]);
      expect(again[0]?.leaseOwner).toBe('w2');
    });
  });
}
