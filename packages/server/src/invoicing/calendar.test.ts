import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDate, zurichCalendarDate } from './calendar';

describe('calendar dates in Europe/Zurich', () => {
  it('takes the Zurich date, not the UTC one, around midnight', () => {
    expect(zurichCalendarDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(zurichCalendarDate(new Date('2026-07-15T21:59:00Z'))).toBe('2026-07-15');
    expect(zurichCalendarDate(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
  });

  it('adds 30 days across months and leap years', () => {
    expect(addDays('2026-03-05', 30)).toBe('2026-04-04');
    expect(addDays('2028-02-15', 30)).toBe('2028-03-16');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
  });

  it('accepts only real dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-1')).toBe(false);
  });
});
