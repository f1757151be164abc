/** Amounts are integer centimes (Rappen) inside; the API speaks CHF numbers with at most 2 decimals. */

/** Largest amount a QR-bill accepts (999 999 999.99), in centimes. */
export const MAX_CENTIMES = 99_999_999_999;

/**
 * Converts a CHF number with at most `decimals` decimals to an exact scaled integer, or null when it has more
 * decimals or is not finite. Works on the shortest decimal string, so `0.1 + 0.2` is refused rather than rounded.
 * @example toScaled(12.5, 2) // 1250
 */
export function toScaled(value: number, decimals: number): number | null {
  if (!Number.isFinite(value)) return null;
  const text = Math.abs(value).toString();
  if (/e/i.test(text)) return Number.isInteger(value) && Math.abs(value) < 1e15 ? value * 10 ** decimals : null;
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length > decimals) return null;
  const scaled = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
  return value < 0 ? -scaled : scaled;
}

/** CHF number (≤ 2 decimals) to centimes; throws on more decimals (schemas reject those first). */
export function chfToCentimes(chf: number): number {
  const centimes = toScaled(chf, 2);
  if (centimes === null) throw new RangeError(`amount ${chf} has more than 2 decimals`);
  return centimes;
}

/** Centimes to the CHF number the API returns (exact to 2 decimals). */
export function centimesToChf(centimes: number): number {
  return Number((centimes / 100).toFixed(2));
}

/** Divides and rounds half away from zero, exactly, on integers of any size. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** Quantities carry up to 4 decimals (hours such as 1.25 or 0.3333). */
export const QUANTITY_DECIMALS = 4;

/** Line net = quantity × unit price, rounded to the centime half away from zero. */
export function lineNetCentimes(quantity: number, unitPriceCentimes: number): number {
  const scaledQuantity = toScaled(quantity, QUANTITY_DECIMALS);
  if (scaledQuantity === null) throw new RangeError(`quantity ${quantity} has more than ${QUANTITY_DECIMALS} decimals`);
  return Number(divRoundHalfUp(BigInt(scaledQuantity) * BigInt(unitPriceCentimes), 10n ** BigInt(QUANTITY_DECIMALS)));
}

/** VAT on a net amount at a rate in basis points (810 = 8.1 %), rounded to the centime. */
export function vatCentimes(netCentimes: number, rateBasisPoints: number): number {
  return Number(divRoundHalfUp(BigInt(netCentimes) * BigInt(rateBasisPoints), 10_000n));
}

/** Rounds to the 0.05 CHF coin: last digit 1–2 → 0, 3–7 → 5, 8–9 → next 10. */
export function roundTo5Centimes(centimes: number): number {
  const rounded = Math.sign(centimes) * Math.round(Math.abs(centimes) / 5) * 5;
  return rounded === 0 ? 0 : rounded;
}

/** A VAT rate in percent (8.1) to basis points (810); at most 2 decimals. */
export function percentToBasisPoints(percent: number): number {
  const bp = toScaled(percent, 2);
  if (bp === null) throw new RangeError(`VAT rate ${percent} has more than 2 decimals`);
  return bp;
}

/** Basis points (810) to the percent the API shows (8.1). */
export function basisPointsToPercent(bp: number): number {
  return bp / 100;
}
