import { DEFAULT_TIME_ZONE } from '@swigs/automation-core';

// Invoices use calendar dates (`YYYY-MM-DD`) as seen in Zurich (core's one time zone); instants stay UTC.
// Built on first use: a time-zone formatter maps several MB of ICU data.
let zurichDate: Intl.DateTimeFormat | undefined;

/** The calendar date in Zurich at `instant`, e.g. 2026-12-31T23:30Z → `2027-01-01`. */
export function zurichCalendarDate(instant: Date): string {
  zurichDate ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: DEFAULT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return zurichDate.format(instant);
}

/** Adds days to a calendar date, across months and leap years. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return addDays(value, 0) === value;
}

/** Formats `2026-03-05` as `05.03.2026` for the French Swiss PDF. */
export function formatSwissDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}
