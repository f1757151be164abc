import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson } from './codec';

/** What a value reads back as: JSON's rules (undefined and function fields dropped, -0 as 0) with Dates kept. */
function expected(value: unknown, inArray = false): unknown {
  if (value === undefined || typeof value === 'function') return inArray ? null : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return Array.from(value, (item) => expected(item, true));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined && typeof field !== 'function') out[key] = expected(field);
  }
  return out;
}

const key = fc.oneof(fc.constantFrom('$date', '$esc', 'a', '10', '%x', 'b.c'), fc.string({ maxLength: 4 }));
const leaf = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
})).node;

describe('sqlite codec', () => {
  it('reads back any JSON value with Dates anywhere, marker-like keys included, and never changes its input', () => {
    fc.assert(
      fc.property(value, (input) => {
        const before = structuredClone(input);
        const text = encodeJson({ wrapped: input });
        expect(input).toEqual(before);
        expect(decodeJson<{ wrapped: unknown }>(text).wrapped).toEqual(expected(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a lone $date or $esc key a plain field, not a marker', () => {
    const at = new Date('2026-03-01T08:00:00.123Z');
    const input = { one: { $date: 'not a date' }, two: { $esc: { $date: 1 } }, at, list: [at, { $date: at }] };
    expect(decodeJson(encodeJson(input))).toEqual(input);
  });

  it('shares no object with the text it read back', () => {
    const shared = { order: { id: '1' } };
    const copy = decodeJson<{ x: typeof shared; at: Date }>(encodeJson({ x: shared, at: new Date(0) }));
    copy.x.order.id = '2';
    expect(shared.order.id).toBe('1');
  });
});
