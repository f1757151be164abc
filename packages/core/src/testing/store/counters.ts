import { describe, expect, it } from 'vitest';
import type { CounterStore } from '../../ports/counter-store';
import { type SuiteContext, uid } from './fixtures';

/** Atomic counters. */
export function describeCounters(ctx: SuiteContext<CounterStore>, concurrency: number): void {
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
