import { describe, expect, it } from 'vitest';
import { type SuiteContext, uid } from './fixtures';

/** Unique keys, cursors and counters. */
export function describeKeys(ctx: SuiteContext, concurrency: number): void {
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

  describe('cursors', () => {
    it('stores and overwrites a cursor', async () => {
      const name = uid('cms:orders');
      expect(await ctx.store().cursors.get(name)).toBeNull();
      await ctx.store().cursors.set(name, '2026-03-01T08:00:00.000Z|42');
      expect(await ctx.store().cursors.get(name)).toBe('2026-03-01T08:00:00.000Z|42');
      await ctx.store().cursors.set(name, '');
      expect(await ctx.store().cursors.get(name)).toBe('');
      expect(await ctx.store().cursors.get(`${name}-other`)).toBeNull();
    });
  });

  describe('counters', () => {
    it('counts from 1 per key', async () => {
      const a = uid('invoice:2026');
      const b = uid('invoice:2027');
      expect(await ctx.store().counters.next(a)).toBe(1);
      expect(await ctx.store().counters.next(a)).toBe(2);
      expect(await ctx.store().counters.next(b)).toBe(1);
      expect(await ctx.store().counters.next(a)).toBe(3);
    });

    it('hands out contiguous unique values to concurrent callers', async () => {
      const key = uid('invoice');
      const values = await Promise.all(Array.from({ length: concurrency * 2 }, () => ctx.store().counters.next(key)));
      expect([...values].sort((x, y) => x - y)).toEqual(Array.from({ length: concurrency * 2 }, (_, i) => i + 1));
    });
  });
}
