const ZONE = 'Europe/Zurich';

const chfFormat = new Intl.NumberFormat('fr-CH', { style: 'currency', currency: 'CHF' });
const numericDate = new Intl.DateTimeFormat('fr-CH', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: ZONE });
const longDate = new Intl.DateTimeFormat('fr-CH', { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE });
const timeOfDay = new Intl.DateTimeFormat('fr-CH', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE });

/** Formats used by the `date` helper. */
export const DateFormat = { Short: 'short', Long: 'long', DateTime: 'datetime', Time: 'time' } as const;
export type DateFormat = (typeof DateFormat)[keyof typeof DateFormat];

/**
 * Formats an amount in CHF the fr-CH way: `1 234.50 CHF` (U+202F between thousands, U+00A0 before `CHF`).
 * `amount` is in francs (`1234.5`); pass `unit: 'centimes'` for an integer amount in Rappen (`123450`).
 */
export function formatChf(amount: number, unit: 'chf' | 'centimes' = 'chf'): string {
  return chfFormat.format(unit === 'centimes' ? amount / 100 : amount);
}

/**
 * Formats an instant in Europe/Zurich: `short` `05.03.2025`, `long` `5 mars 2025`,
 * `datetime` `05.03.2025 14:30`, `time` `14:30`.
 */
export function formatDate(value: Date, format: DateFormat = DateFormat.Short): string {
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
