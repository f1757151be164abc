/**
 * An independent oracle for invoice amounts, written from the law and the SIX guidelines, not from the server's
 * code: integers only (centimes, quantities in ten-thousandths, rates in basis points).
 * - Art. 25 LTVA: standard 7.7 %, reduced 2.5 %, accommodation 3.7 % for supplies up to 31.12.2023; 8.1 / 2.6 / 3.8 %
 *   from 1.1.2024, by the date of the supply.
 * - Commercial rounding to the centime (half away from zero), VAT on the sum of each rate's nets, the payable total
 *   to 5 centimes (last digit 1-2 down to 0, 3-7 to 5, 8-9 up).
 */

const RATES = {
  until2023: { standard: 770, reduced: 250, accommodation: 370 },
  from2024: { standard: 810, reduced: 260, accommodation: 380 },
} as const;

/** An oracle line: the quantity as written ("2.5"), a unit price in centimes, category and supply date. */
export interface OracleLine {
  quantity: string;
  unitPrice: number;
  category: 'standard' | 'reduced' | 'accommodation';
  date: string;
}

/** The rate of a supply on `date`. */
export function rateOn(category: OracleLine['category'], date: string): number {
  return (date <= '2023-12-31' ? RATES.until2023 : RATES.from2024)[category];
}

/** `a / b` rounded half away from zero, for non-negative integers. */
function divRound(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (b * 2n);
}

/** "2.5" → 25000 ten-thousandths. */
function tenThousandths(quantity: string): bigint {
  const [whole, fraction = ''] = quantity.split('.');
  return BigInt(whole!) * 10_000n + BigInt(fraction.padEnd(4, '0'));
}

/** The net of one line in centimes. */
export function net(line: OracleLine): number {
  return Number(divRound(tenThousandths(line.quantity) * BigInt(line.unitPrice), 10_000n));
}

/** The payable total: 5-centime rounding by the last digit. */
export function round05(centimes: number): number {
  const last = centimes % 10;
  if (last <= 2) return centimes - last;
  if (last <= 7) return centimes - last + 5;
  return centimes - last + 10;
}

/** Every total of an invoice from its lines. */
export function totalsOf(lines: readonly OracleLine[]) {
  const bases = new Map<number, number>();
  let subtotal = 0;
  for (const line of lines) {
    const amount = net(line);
    subtotal += amount;
    const rate = rateOn(line.category, line.date);
    bases.set(rate, (bases.get(rate) ?? 0) + amount);
  }
  const groups = [...bases.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, base]) => ({ rate, base, vat: Number(divRound(BigInt(base) * BigInt(rate), 10_000n)) }));
  const vat = groups.reduce((sum, group) => sum + group.vat, 0);
  const total = subtotal + vat;
  const payable = round05(total);
  return { subtotal, groups, vat, total, rounding: payable - total, payable };
}

/** `123456` → `1'234.56`, as the invoice prints it. */
export function chf(centimes: number): string {
  const sign = centimes < 0 ? '-' : '';
  const abs = Math.abs(centimes);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** True for text made only of the QR-bill character set (IG 2.3 §4.1.1). */
export function onlyQrCharacters(text: string): boolean {
  return [...text].every((char) => {
    const code = char.codePointAt(0)!;
    return (
      code === 0x0a ||
      code === 0x0d ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0x17f) ||
      (code >= 0x218 && code <= 0x21b) ||
      code === 0x20ac
    );
  });
}
