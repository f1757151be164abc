import { describe, expect, it } from 'vitest';
import { computeWaitUntil, type WaitSpec } from './compute-wait';

const zurich = (spec: Partial<WaitSpec>): WaitSpec => ({ unit: 'days', timezone: 'Europe/Zurich', ...spec });
const at = (now: string, spec: Partial<WaitSpec>): string =>
  computeWaitUntil(new Date(now), zurich(spec)).toISOString();

describe('computeWaitUntil', () => {
  it('adds minutes and hours as elapsed time', () => {
    expect(at('2026-03-02T09:00:00Z', { duration: 90, unit: 'minutes' })).toBe('2026-03-02T10:30:00.000Z');
    expect(at('2026-03-28T23:30:00Z', { duration: 3, unit: 'hours' })).toBe('2026-03-29T02:30:00.000Z');
  });

  it('adds days as calendar days, keeping the Zurich wall-clock time across the March DST change', () => {
    // Friday 27 March 10:00 CET (+1) -> Sunday 29 March 10:00 CEST (+2).
    expect(at('2026-03-27T09:00:00Z', { duration: 2, unit: 'days' })).toBe('2026-03-29T08:00:00.000Z');
    // Across the October change: 10:00 CEST -> 10:00 CET.
    expect(at('2026-10-24T08:00:00Z', { duration: 1, unit: 'weeks' })).toBe('2026-10-31T09:00:00.000Z');
  });

  it('waits N days until a time of day on the target calendar day', () => {
    // Monday 23:50 Zurich + 1 day at 09:00 -> Tuesday 09:00.
    expect(at('2026-03-02T22:50:00Z', { duration: 1, time: '09:00' })).toBe('2026-03-03T08:00:00.000Z');
    // 23:30 UTC on Monday is already Tuesday 00:30 in Zurich: + 1 day -> Wednesday 09:00.
    expect(at('2026-03-02T23:30:00Z', { duration: 1, time: '09:00' })).toBe('2026-03-04T08:00:00.000Z');
    expect(at('2026-03-02T12:00:00Z', { duration: 1, time: '09:00' })).toBe('2026-03-03T08:00:00.000Z');
    expect(at('2026-07-01T12:00:00Z', { duration: 1, time: '09:00' })).toBe('2026-07-02T07:00:00.000Z');
  });

  it('waits until the next time of day, today if still ahead', () => {
    expect(at('2026-03-02T06:00:00Z', { time: '09:00' })).toBe('2026-03-02T08:00:00.000Z');
    expect(at('2026-03-02T09:00:00Z', { time: '09:00' })).toBe('2026-03-03T08:00:00.000Z');
  });

  it('waits until a weekday and time (next Monday 08:00)', () => {
    // Wednesday 4 March -> Monday 9 March 08:00 CET.
    expect(at('2026-03-04T10:00:00Z', { time: '08:00', weekdays: [1] })).toBe('2026-03-09T07:00:00.000Z');
    // Saturday 28 March -> Monday 30 March 08:00 CEST, after the DST change.
    expect(at('2026-03-28T10:00:00Z', { time: '08:00', weekdays: [1] })).toBe('2026-03-30T06:00:00.000Z');
    // Weekday only, already on an allowed day: no wait beyond the duration.
    expect(at('2026-03-04T10:00:00Z', { weekdays: [3] })).toBe('2026-03-04T10:00:00.000Z');
    // Weekday only, on another day: that day's midnight in Zurich.
    expect(at('2026-03-04T10:00:00Z', { weekdays: [6, 7] })).toBe('2026-03-06T23:00:00.000Z');
  });

  it('moves a time skipped by the spring DST jump to after the jump', () => {
    expect(at('2026-03-28T12:00:00Z', { duration: 1, time: '02:30' })).toBe('2026-03-29T01:30:00.000Z');
  });

  it('combines hours with a time window: 2 hours, then the next 08:00 on a weekday', () => {
    // Friday 21:00 CET + 2 h = 23:00 -> Monday 08:00.
    expect(at('2026-03-06T20:00:00Z', { duration: 2, unit: 'hours', time: '08:00', weekdays: [1, 2, 3, 4, 5] })).toBe(
      '2026-03-09T07:00:00.000Z',
    );
  });
});
