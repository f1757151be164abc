import type { LineDoc } from './documents';
import { chfToCentimes, lineNetCentimes } from './money';

/** Prices client lines: unit price to centimes and a server-computed total (the client's total is ignored). */
export function priceLines(lines: readonly { description: string; quantity: number; unitPrice: number }[]): LineDoc[] {
  return lines.map((line) => {
    const unitPrice = chfToCentimes(line.unitPrice);
    return {
      description: line.description,
      quantity: line.quantity,
      unitPrice,
      total: lineNetCentimes(line.quantity, unitPrice),
    };
  });
}

/** Sum of line totals, centimes. */
export function sumLines(lines: readonly { total: number }[]): number {
  return lines.reduce((sum, line) => sum + line.total, 0);
}
