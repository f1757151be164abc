import { describe, expect, it } from 'vitest';
import type { RunStore } from '../../ports/run-store';
import { type SuiteContext, uid } from './fixtures';

/** Unique keys (deduplication), part of the run store. */
export function describeKeys(ctx: SuiteContext<RunStore>, concurrency: number): void {
  describe('unique keys', () => {
    it('adds a key once', async () => {
      const key = uid('cron:auto-1:2026-03-01T08:00');
      expect(await ctx.store().keys.has(key)).toBe(false);
      expect(await ctx.store().keys.add(key)).toBe(true);
      expect(await ctx.store().keys.add(key)).toBe(false);
      expect(await ctx.store().keys.has(key)).toBe(true);
      await ctx.store().keys.delete(key);
      expect(await ctx.store().keys.has(key)).toBe(false);
      expect(await ctx.store().keys.add(key)).toBe(true);
      await ctx.store().keys.delete('never-added');
    });

    it('lets exactly one of several concurrent adds win', async () => {
      const key = uid('dedupe');
      const results = await Promise.all(Array.from({ length: concurrency }, () => ctx.store().keys.add(key)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('forgets a key once it expired', async () => {
      const key = uid('expiring');
      expect(await ctx.store().keys.add(key, { expiresAt: new Date(Date.now() - 1000) })).toBe(true);
      expect(await ctx.store().keys.has(key)).toBe(false);
      expect(await ctx.store().keys.add(key, { expiresAt: new Date(Date.now() + 60_000) })).toBe(true);
      expect(await ctx.store().keys.add(key)).toBe(false);
      expect(await ctx.store().keys.has(key)).toBe(true);
    });
  });
}
