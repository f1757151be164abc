import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Automation } from '@swigs/automation-core';
import { createSqliteStore, type SqliteStore } from '@swigs/automation-adapters/sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const automation = (name: string): Automation => ({
  id: 'auto-1',
  userId: 'tenant-a',
  name,
  description: '',
  isActive: true,
  trigger: { type: 'order.paid', config: {} },
  nodes: [{ id: 'n1', type: 'wait', position: { x: 0, y: 0 }, config: { duration: 2, unit: 'days' }, connections: [] }],
  version: 1,
  stats: { totalRuns: 0, successfulRuns: 0, failedRuns: 0, lastRunAt: null, lastError: null },
  createdAt: new Date('2026-11-01T08:00:00Z'),
  updatedAt: new Date('2026-11-01T08:00:00Z'),
});

describe('SQLite automation reads', () => {
  let dir: string;
  let a: SqliteStore;
  let b: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'swigs-sqlite-reads-'));
    a = createSqliteStore({ filename: join(dir, 'shared.db') });
    b = createSqliteStore({ filename: join(dir, 'shared.db') });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands out one frozen object while the stored automation is unchanged', async () => {
    await a.automations.save(automation('Merci'));
    const first = await a.automations.get('tenant-a', 'auto-1');
    const listed = (await a.automations.list('tenant-a')).items[0];
    expect(listed).toBe(first);
    expect(Object.isFrozen(first!.nodes[0]!.config)).toBe(true);
    expect(() => {
      (first as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  it('sees a rename and new stats written by another process on the same file', async () => {
    await a.automations.save(automation('Merci'));
    const before = await a.automations.get('tenant-a', 'auto-1');
    await b.automations.save({ ...automation('Merci encore'), version: 2 });
    await b.automations.updateStats('tenant-a', 'auto-1', { totalRuns: 3, failedRuns: 1, lastError: 'smtp down' });
    const after = await a.automations.get('tenant-a', 'auto-1');
    expect(after).not.toBe(before);
    expect(after?.name).toBe('Merci encore');
    expect(after?.version).toBe(2);
    expect(after?.stats).toMatchObject({ totalRuns: 3, failedRuns: 1, lastError: 'smtp down' });
    expect((await a.automations.list('tenant-a')).items[0]?.stats.totalRuns).toBe(3);
  });

  it('lists what another process or this one changed since the last listing', async () => {
    await a.automations.save(automation('Merci'));
    expect((await a.automations.list('tenant-a', { limit: 20 })).items.map((x) => x.name)).toEqual(['Merci']);
    await b.automations.save({ ...automation('Avis'), id: 'auto-2' });
    expect((await a.automations.list('tenant-a', { limit: 20 })).items.map((x) => x.name)).toEqual(['Avis', 'Merci']);
    await b.automations.updateStats('tenant-a', 'auto-2', { totalRuns: 1 });
    expect((await a.automations.list('tenant-a', { limit: 20 })).items[0]?.stats.totalRuns).toBe(1);
    await a.automations.updateStats('tenant-a', 'auto-2', { totalRuns: 1 });
    expect((await a.automations.list('tenant-a', { limit: 20 })).items[0]?.stats.totalRuns).toBe(2);
    await a.automations.delete('tenant-a', 'auto-1');
    expect(await a.automations.list('tenant-a', { limit: 20 })).toMatchObject({ total: 1, items: [{ name: 'Avis' }] });
    await b.automations.delete('tenant-a', 'auto-2');
    expect(await a.automations.list('tenant-a', { limit: 20 })).toEqual({ items: [], total: 0 });
  });

  it('moves the change mark when another process on the same file writes an automation or a document', async () => {
    await a.automations.save(automation('Merci'));
    const mark = a.changeMark!();
    expect(a.changeMark!()).toBe(mark);
    await b.automations.save({ ...automation('Merci encore'), isActive: false });
    const afterSave = a.changeMark!();
    expect(afterSave).not.toBe(mark);
    await b.collection('samplelisteners').insert({ id: 'auto-1', userId: '_sample-listeners' });
    expect(a.changeMark!()).not.toBe(afterSave);
  });

  it('keeps stats dates as Dates through the packed stats column', async () => {
    await a.automations.save(automation('Merci'));
    await a.automations.updateStats('tenant-a', 'auto-1', {
      totalRuns: 1,
      lastRunAt: new Date('2026-11-24T10:00:00Z'),
    });
    const [found] = await a.automations.findActiveByTrigger('order.paid');
    expect(found?.stats.lastRunAt).toEqual(new Date('2026-11-24T10:00:00Z'));
  });
});
