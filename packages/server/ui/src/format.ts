import type { DEFAULT_TIME_ZONE } from '@swigs/automation-core';
import { formatCentimes } from '@swigs/automation-core/money';
import type { Lang } from './i18n/i18n.js';

// The zone is core's DEFAULT_TIME_ZONE, typed by it so that a change there fails this file's type check. It is not
// imported as a value: core's single-file build would bring its schemas and zod into the UI bundle (+470 KB).
const ZONE: typeof DEFAULT_TIME_ZONE = 'Europe/Zurich';
const locale = (lang: Lang): string => (lang === 'fr' ? 'fr-CH' : 'en-CH');

/** Integer centimes as the invoice PDF and the e-mails print them, `CHF 1'026.95`: core's one money formatter. */
export { formatCentimes };

/** Formats a CHF amount as sent by the API (a number with up to 2 decimals). */
export function formatChf(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '–';
  return formatCentimes(Math.round(amount * 100));
}

/** Formats an instant in Europe/Zurich: date and time. */
export function formatDateTime(value: string | number | Date | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '–';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '–';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(d);
}

/** Formats a calendar date (`2026-11-24` or an instant) in Europe/Zurich. */
export function formatDate(value: string | number | Date | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '–';
  const d =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime())) return '–';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: ZONE }).format(d);
}

/** Today's calendar date in Europe/Zurich, as `YYYY-MM-DD`. */
export function todayInZurich(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(now);
}

/** Adds days to a `YYYY-MM-DD` calendar date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
