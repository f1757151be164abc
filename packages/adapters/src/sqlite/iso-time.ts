const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00.000Z: from there on `toISOString` writes a six-digit year. */
const YEAR_10000 = 253_402_300_800_000;

// The `YYYY-MM-DDT` of the last day formatted: the times a store writes close together share their day.
let cachedDay = Number.NaN;
let cachedPrefix = '';

/**
 * `new Date(ms).toISOString()` for a valid time, written from the day's cached prefix and the time of day:
 * about 0.15 µs against 1 µs (a run checkpoint writes five or more Dates, each log entry two).
 */
export function isoString(ms: number): string {
  if (!(ms >= 0 && ms < YEAR_10000)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    cachedDay = day;
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${cachedPrefix}${two(hours)}:${two(minutes)}:${two(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
