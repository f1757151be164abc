/**
 * Swiss VAT rates by date of supply (art. 25 LTVA/MWSTG). The rate of a line is the one in force on the date, or
 * over the period, of the supply, never the invoice or payment date; a period that straddles a rate change must be
 * split into one line per rate (ESTV info on the 2024 increase).
 */

/** VAT categories of a line: standard, reduced (food, books...), accommodation, or exempt/excluded (0 %). */
export const VAT_CATEGORIES = ['standard', 'reduced', 'accommodation', 'exempt'] as const;
/** A line's VAT category. */
export type VatCategory = (typeof VAT_CATEGORIES)[number];

/** Rates in basis points (810 = 8.1 %) in force from `from` (inclusive) until the next period's `from`. */
interface RatePeriod {
  from: string;
  rates: Record<Exclude<VatCategory, 'exempt'>, number>;
}

/** The dated table, oldest first. */
export const VAT_RATE_PERIODS: readonly RatePeriod[] = [
  { from: '2011-01-01', rates: { standard: 800, reduced: 250, accommodation: 380 } },
  { from: '2018-01-01', rates: { standard: 770, reduced: 250, accommodation: 370 } },
  { from: '2024-01-01', rates: { standard: 810, reduced: 260, accommodation: 380 } },
];

/** Why a supply date has no rate: before the table, or a period over a rate change. */
export type VatRateProblem = 'before_table' | 'straddles_change';

/** The rate of `category` for a supply on `date` (or over `date`..`endDate`), in basis points, or a problem. */
export function vatRateFor(
  category: VatCategory,
  date: string,
  endDate: string | null = null,
): { rate: number } | { problem: VatRateProblem; change?: string } {
  const period = periodOf(date);
  if (!period) return { problem: 'before_table' };
  if (endDate !== null) {
    const last = periodOf(endDate);
    if (last !== period) return { problem: 'straddles_change', change: (last ?? period).from };
  }
  return { rate: category === 'exempt' ? 0 : period.rates[category] };
}

function periodOf(date: string): RatePeriod | undefined {
  let found: RatePeriod | undefined;
  for (const period of VAT_RATE_PERIODS) if (period.from <= date) found = period;
  return found;
}
