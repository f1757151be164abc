import { describe, expect, it } from 'vitest';
import type { CursorStore } from '../../ports/cursor-store';
import { type SuiteContext, uid } from './fixtures';

/** Named cursors. */
export function describeCursors(ctx: SuiteContext<CursorStore>): void {
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
}
