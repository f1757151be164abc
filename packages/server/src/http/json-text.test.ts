import { describe, expect, it } from 'vitest';
import { deepFreeze } from '@swigs/automation-core';
import { jsonText, pageText } from './json-text';

describe('jsonText', () => {
  it('writes the same text as JSON.stringify, dates included', () => {
    const value = { name: 'Relance', at: new Date('2026-11-24T10:00:00Z'), nodes: [{ id: 'a', skip: undefined }] };
    expect(jsonText(value)).toBe(JSON.stringify(value));
    expect(jsonText(deepFreeze({ ...value }))).toBe(JSON.stringify(value));
  });

  it('serializes a value again when it is not frozen, so a change shows', () => {
    const value = { name: 'avant' };
    expect(jsonText(value)).toContain('avant');
    value.name = 'après';
    expect(jsonText(value)).toContain('après');
  });
});

describe('pageText', () => {
  it('builds a page that parses back to items and paging fields, dropping undefined ones', () => {
    const items = [deepFreeze({ id: '1' }), { id: '2' }];
    const text = pageText(items, { total: 2, limit: 20, offset: undefined });
    expect(JSON.parse(text)).toEqual({ items: [{ id: '1' }, { id: '2' }], total: 2, limit: 20 });
    expect(JSON.parse(pageText([], { total: 0 }))).toEqual({ items: [], total: 0 });
  });
});
