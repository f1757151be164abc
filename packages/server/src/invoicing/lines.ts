import type { BilledLine, LineDoc, Unit } from './documents';
import { invalidAt } from './errors';
import { chfToCentimes, lineNetCentimes } from './money';
import { vatRateFor, type VatCategory } from './vat-rates';

/** A free line as the API takes it (the total is always the server's). */
export interface LineInput {
  description: string;
  quantity: number;
  unitPrice: number;
  unit?: Unit | null | undefined;
  vatCategory?: VatCategory | null | undefined;
  serviceDate?: string | null | undefined;
  serviceEndDate?: string | null | undefined;
}

/** Prices client lines: unit price to centimes and a server-computed total (the client's total is ignored). */
export function priceLines(lines: readonly LineInput[]): LineDoc[] {
  return lines.map((line) => {
    const unitPrice = chfToCentimes(line.unitPrice);
    return {
      description: line.description,
      quantity: line.quantity,
      unit: line.unit ?? null,
      unitPrice,
      total: lineNetCentimes(line.quantity, unitPrice),
      vatCategory: line.vatCategory ?? null,
      serviceDate: line.serviceDate ?? null,
      serviceEndDate: line.serviceEndDate ?? null,
    };
  });
}

/** Sum of line totals, centimes. */
export function sumLines(lines: readonly { total: number }[]): number {
  return lines.reduce((sum, line) => sum + line.total, 0);
}

/** How lines are billed on one invoice. */
export interface BillingRules {
  /** Category of a line that names none. */
  defaultCategory: VatCategory;
  /** False: every rate is 0 (no VAT number, no VAT). */
  vatRegistered: boolean;
  /** Supply date of a line without one (the invoice date). */
  issueDate: string;
}

/**
 * Resolves each line's category and VAT rate by its supply date (art. 25 LTVA: the rate of the date or period of the
 * supply). A period over a rate change, or a date before the table, is refused at the line's `path`.
 */
export function billLines(lines: readonly LineDoc[], rules: BillingRules, path: (string | number)[]): BilledLine[] {
  return lines.map((line, index) => {
    const vatCategory = line.vatCategory ?? rules.defaultCategory;
    const serviceDate = line.serviceDate ?? null;
    const serviceEndDate = line.serviceEndDate ?? null;
    let vatRate = 0;
    if (rules.vatRegistered) {
      const found = vatRateFor(vatCategory, serviceDate ?? rules.issueDate, serviceEndDate);
      if ('problem' in found) {
        if (found.problem === 'straddles_change') {
          throw invalidAt('vat_period_straddles', [...path, index, 'serviceEndDate'], { change: found.change });
        }
        throw invalidAt('vat_rate_unknown', serviceDate ? [...path, index, 'serviceDate'] : ['issueDate']);
      }
      vatRate = found.rate;
    }
    return { ...line, unit: line.unit ?? null, vatCategory, serviceDate, serviceEndDate, vatRate };
  });
}
