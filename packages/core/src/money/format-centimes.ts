/**
 * `1'026.95`: an amount in integer centimes with Swiss grouping (U+0027 apostrophe every three digits), a point and
 * always two decimals, as invoices, the QR-bill, the web UI and e-mails print it in French and English alike.
 * Built by hand, not with `Intl`: ICU changes fr-CH and en-CH separators between Node versions (U+202F, U+2019),
 * and a sent e-mail or PDF must not change with the runtime. A fractional amount is rounded to the centime,
 * half away from zero.
 * @example formatSwissAmount(102695) // "1'026.95"
 */
export function formatSwissAmount(centimes: number): string {
  if (!Number.isFinite(centimes)) return '';
  // Half away from zero, as invoice lines round; BigInt keeps every digit past 2^53 (String would go exponent).
  const abs = BigInt(Math.round(Math.abs(centimes)));
  const whole = String(abs / 100n).replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  const fraction = String(abs % 100n).padStart(2, '0');
  return `${centimes < 0 && abs > 0n ? '-' : ''}${whole}.${fraction}`;
}

/**
 * `CHF 1'026.95`: the currency code, a space and `formatSwissAmount`; the one money text of SWIGS (UI, e-mails).
 * @example formatCentimes(-4500) // "CHF -45.00"
 */
export function formatCentimes(centimes: number): string {
  const amount = formatSwissAmount(centimes);
  return amount === '' ? '' : `CHF ${amount}`;
}
