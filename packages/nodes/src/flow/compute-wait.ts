import { addLocalDays, zonedParts, zonedTimeToInstant } from '../shared/zoned-time';

export type WaitUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks';

export interface WaitSpec {
  duration?: number | undefined;
  unit: WaitUnit;
  /** `HH:MM` local time to resume at. */
  time?: string | undefined;
  /** ISO weekdays allowed to resume on (1 = Monday ... 7 = Sunday). */
  weekdays?: readonly number[] | undefined;
  timezone: string;
}

const UNIT_MS = { seconds: 1000, minutes: 60_000, hours: 3_600_000 } as const;

/**
 * When a wait started at `now` ends. Seconds, minutes and hours are elapsed time; days and weeks are calendar days in `timezone` (2 days from 10:00 is 10:00
 * two days later, across DST). With `time` and/or `weekdays`, the end moves to the first such local time at or
 * after the duration; with days and a time ("1 day, at 09:00"), the time applies on the target calendar day.
 */
export function computeWaitUntil(now: Date, spec: WaitSpec): Date {
  const zone = spec.timezone;
  const amount = spec.duration ?? 0;
  let at: Date;
  if (spec.unit === 'days' || spec.unit === 'weeks') {
    const days = spec.unit === 'weeks' ? amount * 7 : amount;
    const local = zonedParts(now, zone);
    const date = addLocalDays(local, days);
    if (spec.time !== undefined && days > 0) {
      const [hour, minute] = parseTime(spec.time);
      at = zonedTimeToInstant({ ...date, hour, minute }, zone);
      return nextAllowedDay(at, spec, zone);
    }
    at = zonedTimeToInstant({ ...date, hour: local.hour, minute: local.minute }, zone);
    at = new Date(at.getTime() + local.second * 1000 + now.getUTCMilliseconds());
  } else {
    at = new Date(now.getTime() + amount * UNIT_MS[spec.unit]);
  }
  if (spec.time === undefined && spec.weekdays === undefined) return at;
  return nextMatching(at, spec, zone);
}

/** First instant at or after `from` whose local time is `spec.time` (if set) on an allowed weekday (if set). */
function nextMatching(from: Date, spec: WaitSpec, zone: string): Date {
  const local = zonedParts(from, zone);
  for (let offset = 0; offset <= 8; offset++) {
    const date = addLocalDays(local, offset);
    const weekday = zonedParts(zonedTimeToInstant({ ...date, hour: 12, minute: 0 }, zone), zone).weekday;
    if (spec.weekdays !== undefined && !spec.weekdays.includes(weekday)) continue;
    if (spec.time === undefined) {
      // Any time of an allowed day: now if today is allowed, else that day's midnight.
      return offset === 0 ? from : zonedTimeToInstant({ ...date, hour: 0, minute: 0 }, zone);
    }
    const [hour, minute] = parseTime(spec.time);
    const candidate = zonedTimeToInstant({ ...date, hour, minute }, zone);
    if (candidate.getTime() >= from.getTime()) return candidate;
  }
  throw new Error('unreachable: no allowed day within 8 days');
}

function nextAllowedDay(at: Date, spec: WaitSpec, zone: string): Date {
  if (spec.weekdays === undefined) return at;
  return nextMatching(at, spec, zone);
}

function parseTime(time: string): [number, number] {
  const [hour, minute] = time.split(':').map(Number);
  return [hour ?? 0, minute ?? 0];
}
