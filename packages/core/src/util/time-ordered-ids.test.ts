import { describe, expect, it } from 'vitest';
import { createTimeOrderedIds } from './time-ordered-ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createTimeOrderedIds', () => {
  it('makes version 7 UUIDs that carry their millisecond and sort by it', () => {
    let ms = Date.parse('2026-12-03T15:00:00.000Z');
    const nextId = createTimeOrderedIds(() => ms);
    const ids: string[] = [];
    for (let i = 0; i < 600; i++) {
      ids.push(nextId());
      if (i % 3 === 2) ms += 1;
    }
    for (const id of ids) expect(id).toMatch(V7);
    expect(Number.parseInt(ids[0]!.replace('-', '').slice(0, 12), 16)).toBe(Date.parse('2026-12-03T15:00:00.000Z'));
    // Ids of a later millisecond sort after every id of an earlier one.
    for (let i = 3; i < ids.length; i++) expect(ids[i]! > ids[i - 3 - (i % 3)]!).toBe(true);
  });

  it('never repeats an id within one millisecond', () => {
    const nextId = createTimeOrderedIds(() => 1_700_000_000_000);
    const ids = new Set(Array.from({ length: 20_000 }, () => nextId()));
    expect(ids.size).toBe(20_000);
  });
});
