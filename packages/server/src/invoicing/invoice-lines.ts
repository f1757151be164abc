import type { BilledLine, InvoiceDoc } from './documents';
import type { PrintedRow } from './printed-document';

/** The invoice's lines in print order: events, then each quote's items, then the free lines. */
export function invoiceLines(invoice: Pick<InvoiceDoc, 'events' | 'quotes' | 'customLines'>): BilledLine[] {
  return [...invoice.events, ...invoice.quotes.flatMap((quote) => quote.items), ...invoice.customLines];
}

/** The rows of the lines table: each quote's items under a heading with its number and title. */
export function invoiceRows(invoice: Pick<InvoiceDoc, 'events' | 'quotes' | 'customLines'>): PrintedRow[] {
  return [
    ...invoice.events.map(printedLine),
    ...invoice.quotes.flatMap((quote): PrintedRow[] => [
      { kind: 'heading', text: quote.number ? `Devis ${quote.number} : ${quote.title}` : `Devis : ${quote.title}` },
      ...quote.items.map(printedLine),
    ]),
    ...invoice.customLines.map(printedLine),
  ];
}

/** One billed line as a printed row. */
export function printedLine(line: BilledLine): PrintedRow {
  return {
    kind: 'line',
    description: line.description,
    serviceDate: line.serviceDate,
    serviceEndDate: line.serviceEndDate,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice: line.unitPrice,
    total: line.total,
    vatRate: line.vatRate,
  };
}
