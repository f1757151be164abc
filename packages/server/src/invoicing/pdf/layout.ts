/** A4 in points, with the margins and columns of every invoicing document. */
export const PAGE = { width: 595.28, height: 841.89, left: 50, right: 545.28, top: 45, bottom: 800 } as const;

/** Height of the Swiss QR-bill payment part (105 mm) at the foot of a page. */
export const SLIP_HEIGHT = 297.64;

/** Columns of the lines table; `quantity` is the decimal point's x, `unit` starts after it. */
export interface Columns {
  date: { x: number; width: number };
  description: { x: number; width: number };
  /** Where the decimal point of quantities sits. */
  quantityPoint: number;
  unit: { x: number; width: number };
  unitPrice: { x: number; width: number };
  vat: { x: number; width: number } | null;
  total: { x: number; width: number };
}

/** The columns with a VAT column (registered issuer) or without one (the description gets its width). */
export function columnsFor(withVat: boolean): Columns {
  const shift = withVat ? 0 : 36;
  return {
    date: { x: PAGE.left, width: 56 },
    description: { x: 110, width: 186 + shift },
    quantityPoint: 321 + shift,
    unit: { x: 350 + shift, width: 32 },
    unitPrice: { x: 383 + shift, width: 58 },
    vat: withVat ? { x: 445, width: 30 } : null,
    total: { x: 477, width: PAGE.right - 477 },
  };
}
