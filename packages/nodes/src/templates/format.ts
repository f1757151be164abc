import { offsetMs } from '../shared/zoned-time';
import { DEFAULT_TIME_ZONE, formatCentimes } from '@swigs/automation-core';

// Built on first use: the first time-zone formatter maps several MB of ICU data, which a server that never
// formats a date (most webhook runs) should not carry from its start.
let formats:
  | {
      numericDate: Intl.DateTimeFormat;
      longDate: Intl.DateTimeFormat;
      timeOfDay: Intl.DateTimeFormat;
      monthNames: string[];
    }
  | undefined;

function intl(): NonNullable<typeof formats> {
  formats ??= {
    numericDate: new Intl.DateTimeFormat('fr-CH', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: DEFAULT_TIME_ZONE,
    }),
    longDate: new Intl.DateTimeFormat('fr-CH', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: DEFAULT_TIME_ZONE,
    }),
    timeOfDay: new Intl.DateTimeFormat('fr-CH', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: DEFAULT_TIME_ZONE,
    }),
    monthNames: Array.from({ length: 12 }, (_, month) =>
      new Intl.DateTimeFormat('fr-CH', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, month, 15))),
    ),
  };
  return formats;
}

/** Formats used by the `date` helper. */
export const DateFormat = { Short: 'short', Long: 'long', DateTime: 'datetime', Time: 'time' } as const;
export type DateFormat = (typeof DateFormat)[keyof typeof DateFormat];

/**
 * Formats an amount in CHF as invoices, the QR-bill and the web UI show it: `CHF 1'234.50`, in French and English
 * alike, through core's one money formatter (built by hand, so the text never changes with the Node/ICU version).
 * `amount` is in francs (`1234.5`, rounded to the centime); pass `unit: 'centimes'` for an integer amount in Rappen
 * (`123450`).
 */
export function formatChf(amount: number, unit: 'chf' | 'centimes' = 'chf'): string {
  return formatCentimes(unit === 'centimes' ? amount : francsToCentimes(amount));
}

/**
 * Formats an instant in Europe/Zurich: `short` `05.03.2025`, `long` `5 mars 2025`,
 * `datetime` `05.03.2025 14:30`, `time` `14:30` (the same text as `Intl.DateTimeFormat('fr-CH')`).
 */
export function formatDate(value: Date, format: DateFormat = DateFormat.Short): string {
  const wall = zurichWallClock(value);
  if (!wall) return formatWithIntl(value, format);
  const dd = pad(wall.getUTCDate());
  const mm = pad(wall.getUTCMonth() + 1);
  const year = wall.getUTCFullYear();
  switch (format) {
    case DateFormat.Long:
      return `${wall.getUTCDate()} ${intl().monthNames[wall.getUTCMonth()]} ${year}`;
    case DateFormat.DateTime:
      return `${dd}.${mm}.${year} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
    case DateFormat.Time:
      return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
    default:
      return `${dd}.${mm}.${year}`;
  }
}

/** The same formats through Intl only (reference for tests, fallback outside 1970-9999). */
export function formatWithIntl(value: Date, format: DateFormat = DateFormat.Short): string {
  const { longDate, numericDate, timeOfDay } = intl();
  switch (format) {
    case DateFormat.Long:
      return longDate.format(value);
    case DateFormat.DateTime:
      return `${numericDate.format(value)} ${timeOfDay.format(value)}`;
    case DateFormat.Time:
      return timeOfDay.format(value);
    default:
      return numericDate.format(value);
  }
}

/** Reads a Date, an ISO string or epoch milliseconds; null when it is none of these. */
export function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

const HOUR = 3_600_000;
const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 30);
const offsets = new Map<number, number>();

// Zurich changes offset only on whole UTC hours (01:00 UTC), so the offset is cached per UTC hour.
function zurichWallClock(value: Date): Date | null {
  const ms = value.getTime();
  if (!(ms >= MIN_MS && ms <= MAX_MS)) return null;
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = offsetMs(new Date(hour * HOUR), DEFAULT_TIME_ZONE);
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return new Date(ms + offset);
}

/**
 * Francs to centimes, half away from zero, without binary drift: 1.005 francs is 1.01 (toFixed says 1.00). The
 * decimal shift reads the number's shortest text; amounts already in exponent form are scaled directly.
 */
function francsToCentimes(francs: number): number {
  const shifted = Number(`${Math.abs(francs)}e2`);
  const centimes = Math.round(Number.isFinite(shifted) ? shifted : Math.abs(francs) * 100);
  return francs < 0 ? -centimes : centimes;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
