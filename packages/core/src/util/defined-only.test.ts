import { describe, expect, it } from 'vitest';
import { definedOnly } from './defined-only';

describe('definedOnly', () => {
  it('drops undefined fields and keeps null, false and zero', () => {
    expect(definedOnly({ a: undefined, b: null, c: false, d: 0, e: '' })).toEqual({ b: null, c: false, d: 0, e: '' });
    expect({ ...{ retries: 2, factor: 2 }, ...definedOnly({ retries: undefined, factor: 3 }) }).toEqual({
      retries: 2,
      factor: 3,
    });
  });

  it('is empty for no value', () => {
    expect(definedOnly(undefined)).toEqual({});
  });
});
