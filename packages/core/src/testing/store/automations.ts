import { describe, expect, it } from 'vitest';
import { at, makeAutomation, type SuiteContext } from './fixtures';

/** Automations: tenancy, snapshots, listing and atomic stats. */
export function describeAutomations(ctx: SuiteContext, concurrency: number): void {
  describe('automations', () => {
    it('round-trips an automation with dates and nested config unchanged', async () => {
      const automation = makeAutomation();
      const saved = await ctx.store().automations.save(automation);
      expect(saved).toEqual(automation);
      const loaded = await ctx.store().automations.get('tenant-a', automation.id);
      expect(loaded).toEqual(automation);
      expect(loaded?.createdAt).toBeInstanceOf(Date);
    });

    it('hides an automation from another tenant', async () => {
      const automation = makeAutomation();
      await ctx.store().automations.save(automation);
      expect(await ctx.store().automations.get('tenant-b', automation.id)).toBeNull();
      expect(await ctx.store().automations.delete('tenant-b', automation.id)).toBe(false);
      expect((await ctx.store().automations.list('tenant-b')).total).toBe(0);
      expect(await ctx.store().automations.updateStats('tenant-b', automation.id, { totalRuns: 1 })).toBeNull();
    });

    it('never lets a caller change what it stored', async () => {
      const automation = makeAutomation();
      await ctx.store().automations.save(automation);
      automation.name = 'changed after save';
      automation.nodes[0]!.config.duration = 99;
      const loaded = await ctx.store().automations.get('tenant-a', automation.id);
      expect(loaded?.name).toBe('Relance panier');
      // Results are read-only: a store hands out either its own copy or a shared deep-frozen object.
      try {
        loaded!.nodes[0]!.config.duration = 42;
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError);
      }
      const again = await ctx.store().automations.get('tenant-a', automation.id);
      expect(again?.nodes[0]?.config.duration).toBe(2);
      expect(again?.createdAt).toEqual(at(0));
    });

    it('keeps the stored stats when an automation is saved again', async () => {
      const automation = makeAutomation();
      await ctx.store().automations.save(automation);
      await ctx.store().automations.updateStats('tenant-a', automation.id, { totalRuns: 3, successfulRuns: 2 });
      const saved = await ctx
        .store()
        .automations.save({ ...automation, name: 'Renamed', stats: { ...automation.stats } });
      expect(saved.stats.totalRuns).toBe(3);
      expect(saved.name).toBe('Renamed');
      const loaded = await ctx.store().automations.get('tenant-a', automation.id);
      expect(loaded?.stats).toMatchObject({ totalRuns: 3, successfulRuns: 2 });
      expect(loaded?.name).toBe('Renamed');
    });

    it('keeps an immutable snapshot of each version', async () => {
      const v1 = makeAutomation();
      await ctx.store().automations.save(v1);
      await ctx.store().automations.save({ ...v1, name: 'v1 edited without a version bump' });
      const v2 = { ...v1, version: 2, nodes: [v1.nodes[1]!] };
      await ctx.store().automations.save(v2);
      const snapshot1 = await ctx.store().automations.getVersion('tenant-a', v1.id, 1);
      const snapshot2 = await ctx.store().automations.getVersion('tenant-a', v1.id, 2);
      expect(snapshot1?.nodes).toEqual(v1.nodes);
      expect(snapshot1?.name).toBe('Relance panier');
      expect(snapshot2?.nodes).toEqual([v1.nodes[1]]);
      expect(await ctx.store().automations.getVersion('tenant-a', v1.id, 3)).toBeNull();
      expect(await ctx.store().automations.getVersion('tenant-b', v1.id, 1)).toBeNull();
      expect((await ctx.store().automations.get('tenant-a', v1.id))?.version).toBe(2);
    });

    it("lists a tenant's automations by name with paging and an active filter", async () => {
      const names = ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo'];
      for (const [i, name] of names.entries()) {
        await ctx.store().automations.save(makeAutomation({ name, isActive: i % 2 === 0 }));
      }
      await ctx.store().automations.save(makeAutomation({ userId: 'tenant-b', name: 'Other' }));
      const all = await ctx.store().automations.list('tenant-a');
      expect(all.total).toBe(5);
      expect(all.items.map((a) => a.name)).toEqual(['Bravo', 'Charlie', 'Delta', 'Echo', 'alpha']);
      const page = await ctx.store().automations.list('tenant-a', { limit: 2, offset: 2 });
      expect(page.total).toBe(5);
      expect(page.items.map((a) => a.name)).toEqual(['Delta', 'Echo']);
      const active = await ctx.store().automations.list('tenant-a', { isActive: true });
      expect(active.items.map((a) => a.name)).toEqual(['Charlie', 'Delta', 'Echo']);
      expect(active.total).toBe(3);
      const inactive = await ctx.store().automations.list('tenant-a', { isActive: false });
      expect(inactive.items.map((a) => a.name)).toEqual(['Bravo', 'alpha']);
    });

    it('finds active automations by trigger type across tenants or for one', async () => {
      const a = makeAutomation({ name: 'A' });
      const b = makeAutomation({ name: 'B', userId: 'tenant-b' });
      const inactive = makeAutomation({ name: 'C', isActive: false });
      const other = makeAutomation({ name: 'D', trigger: { type: 'form.submitted', config: {} } });
      for (const automation of [a, b, inactive, other]) await ctx.store().automations.save(automation);
      const all = await ctx.store().automations.findActiveByTrigger('order.paid');
      expect(all.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
      const mine = await ctx.store().automations.findActiveByTrigger('order.paid', 'tenant-b');
      expect(mine.map((x) => x.id)).toEqual([b.id]);
      expect(await ctx.store().automations.findActiveByTrigger('nothing')).toEqual([]);
    });

    it('deletes an automation once', async () => {
      const automation = makeAutomation();
      await ctx.store().automations.save(automation);
      expect(await ctx.store().automations.delete('tenant-a', automation.id)).toBe(true);
      expect(await ctx.store().automations.get('tenant-a', automation.id)).toBeNull();
      expect(await ctx.store().automations.delete('tenant-a', automation.id)).toBe(false);
    });

    it('increments stats atomically under concurrent updates', async () => {
      const automation = makeAutomation();
      await ctx.store().automations.save(automation);
      await Promise.all(
        Array.from({ length: concurrency }, (_, i) =>
          ctx.store().automations.updateStats('tenant-a', automation.id, {
            totalRuns: 1,
            successfulRuns: i % 2 === 0 ? 1 : 0,
            failedRuns: i % 2 === 0 ? 0 : 1,
          }),
        ),
      );
      const stats = (await ctx.store().automations.get('tenant-a', automation.id))?.stats;
      expect(stats?.totalRuns).toBe(concurrency);
      expect(stats?.successfulRuns).toBe(Math.ceil(concurrency / 2));
      expect(stats?.failedRuns).toBe(Math.floor(concurrency / 2));
    });

    it('sets, keeps and clears lastError and lastRunAt', async () => {
      const automation = makeAutomation();
      await ctx.store().automations.save(automation);
      const s1 = await ctx.store().automations.updateStats('tenant-a', automation.id, {
        failedRuns: 1,
        lastRunAt: at(5000),
        lastError: 'SMTP 550: mailbox unavailable',
      });
      expect(s1).toMatchObject({ failedRuns: 1, lastError: 'SMTP 550: mailbox unavailable' });
      expect(s1?.lastRunAt).toEqual(at(5000));
      const s2 = await ctx.store().automations.updateStats('tenant-a', automation.id, { successfulRuns: 1 });
      expect(s2?.lastError).toBe('SMTP 550: mailbox unavailable');
      expect(s2?.lastRunAt).toEqual(at(5000));
      const s3 = await ctx.store().automations.updateStats('tenant-a', automation.id, { lastError: null });
      expect(s3?.lastError).toBeNull();
      const loaded = await ctx.store().automations.get('tenant-a', automation.id);
      expect(loaded?.stats).toEqual({
        totalRuns: 0,
        successfulRuns: 1,
        failedRuns: 1,
        lastRunAt: at(5000),
        lastError: null,
      });
      expect(loaded?.stats.lastRunAt).toBeInstanceOf(Date);
    });
  });
}
