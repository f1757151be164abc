import { describe, expect, it } from 'vitest';
import type { Store } from '../../ports/store';
import { makeAutomation, type SuiteContext, uid } from './fixtures';

/** `Store.changeMark`: moves with every write of a definition or a document, so readers may keep what they read. */
export function describeChangeMark(ctx: SuiteContext<Store>): void {
  describe('change mark', () => {
    it('moves after each automation save and delete and each document insert, update and delete', async () => {
      const store = ctx.store();
      if (!store.changeMark) throw new Error('no changeMark(): pass capabilities: { changeMark: false }');
      const seen = new Set<string>([store.changeMark()]);
      const moved = (step: string): void => {
        const mark = store.changeMark!();
        expect(seen.has(mark), `mark unchanged after ${step}`).toBe(false);
        seen.add(mark);
      };
      const automation = makeAutomation();
      await store.automations.save(automation);
      moved('a first save');
      await store.automations.save({ ...automation, isActive: false });
      moved('a switch-off');
      await store.automations.delete(automation.userId, automation.id);
      moved('a delete');
      const docs = store.collection<{ id: string; userId: string; until: string }>(uid('listeners'));
      const doc = { id: uid('doc'), userId: 'tenant-a', until: '2026-03-01T08:10:00.000Z' };
      await docs.insert(doc);
      moved('a document insert');
      await docs.update(doc.userId, doc.id, { until: '2026-03-01T08:20:00.000Z' });
      moved('a document update');
      await docs.delete(doc.userId, doc.id);
      moved('a document delete');
    });

    it('stays while nothing is written', async () => {
      const store = ctx.store();
      if (!store.changeMark) throw new Error('no changeMark(): pass capabilities: { changeMark: false }');
      const automation = makeAutomation();
      await store.automations.save(automation);
      const mark = store.changeMark();
      await store.automations.get(automation.userId, automation.id);
      await store.automations.findActiveByTrigger(automation.trigger.type);
      await store.collection(uid('listeners')).get('tenant-a', 'none');
      expect(store.changeMark()).toBe(mark);
    });
  });
}
