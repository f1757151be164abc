import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoString } from './iso-time';

describe('isoString', () => {
  it('writes what toISOString writes for any valid time, before and past the fast range', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 253_402_300_799_999 }),
          fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }),
        ),
        (ms) => {
          expect(isoString(ms)).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('writes the edges of a day, of the fast range and of the padding right', () => {
    const times = [0, 1, 9, 10, 99, 100, 999, 59_999, 86_399_999, 86_400_000, 951_782_400_000, 253_402_300_799_999];
    for (const ms of times) expect(isoString(ms)).toBe(new Date(ms).toISOString());
    expect(isoString(253_402_300_800_000)).toBe('+010000-01-01T00:00:00.000Z');
    expect(isoString(-1)).toBe('1969-12-31T23:59:59.999Z');
  });

  it('switches seconds and days both ways (the cached prefixes follow the time)', () => {
    const a = Date.UTC(2026, 2, 1, 23, 59, 59, 999);
    const times = [a, a + 1, a, a - 999, a - 1000, a + 1001, a + 86_400_000 * 400, a, a + 60_000, a + 3_600_000];
    for (const ms of times) expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });

  it('alternates between two seconds, then a third, as a resumed run writes its old start and new entries', () => {
    const started = Date.UTC(2026, 2, 1, 8, 0, 0, 120);
    const now = started + 86_400_000 + 345;
    const times = [started, now, started, now + 1, started + 5, now, now + 1000, started, now + 1000, started];
    for (const ms of times) expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });

  it('writes runs of close times (same second, next millisecond) as toISOString does', () => {
    const start = Date.UTC(2026, 11, 31, 23, 59, 58, 990);
    for (let ms = start; ms < start + 2500; ms += 7) expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });

  it('throws on an invalid time as toISOString does', () => {
    expect(() => isoString(Number.NaN)).toThrow(RangeError);
  });
});
