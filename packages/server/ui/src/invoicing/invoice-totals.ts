/** A free line as typed in the "Facture libre" form (strings straight from the inputs). */
export interface FreeLineInput {
  description: string;
  quantity: string;
  unitPrice: string;
}

/** Totals of a draft custom invoice, all in integer centimes. */
export interface InvoiceTotals {
  lines: number[];
  subtotal: number;
  vat: number;
  total: number;
  rounding: number;
  payable: number;
}

/** The VAT rates offered by the UI, in percent (standard, reduced, accommodation, none). */
export const VAT_RATES = [8.1, 2.6, 3.8, 0] as const;

/**
 * Computes the totals the way the server does: integer centimes, each line rounded half-up to 0.01,
 * VAT on the subtotal rounded to 0.01, and the payable total rounded to 0.05.
 */
export function computeInvoiceTotals(lines: readonly FreeLineInput[], vatRatePercent: number): InvoiceTotals {
  const nets = lines.map((l) => lineNetCentimes(l.quantity, l.unitPrice) ?? 0);
  const subtotal = nets.reduce((a, b) => a + b, 0);
  const bp = Math.round(vatRatePercent * 100);
  const vat = roundHalfUpDiv(subtotal * bp, 10_000);
  const total = subtotal + vat;
  const payable = (total < 0 ? -1 : 1) * Math.round(Math.abs(total) / 5) * 5 || 0;
  return { lines: nets, subtotal, vat, total, rounding: payable - total, payable };
}

/** A line's net in centimes, or null when the quantity or the price is not a number. */
export function lineNetCentimes(quantity: string, unitPrice: string): number | null {
  const qty = parseScaled(quantity, 4);
  const price = parseScaled(unitPrice, 2);
  if (qty === null || price === null) return null;
  return roundHalfUpDiv(qty * price, 10_000);
}

/** Parses a decimal typed by a person ("1'500.50", "1,5") into an integer scaled by 10^decimals. */
export function parseScaled(text: string, decimals: number): number | null {
  const clean = text
    .trim()
    .replace(/['’\s]/g, '')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return null;
  const negative = clean.startsWith('-');
  const [int = '0', frac = ''] = clean.replace('-', '').split('.');
  const scaledFrac = (frac + '0'.repeat(decimals + 1)).slice(0, decimals + 1);
  const raw = Number(int) * 10 ** (decimals + 1) + Number(scaledFrac);
  const value = Math.floor((raw + 5) / 10);
  return negative ? -value : value;
}

function roundHalfUpDiv(numerator: number, denominator: number): number {
  const rounded = Math.floor((Math.abs(numerator) * 2 + denominator) / (2 * denominator));
  return numerator < 0 && rounded !== 0 ? -rounded : rounded;
}
