import type { InvoiceDoc } from './documents';

/** What the customer still owes: the payable total less payments and credit notes, centimes (never below 0). */
export function openBalance(invoice: Pick<InvoiceDoc, 'payableTotal' | 'paidAmount' | 'creditedAmount'>): number {
  return Math.max(0, invoice.payableTotal - invoice.paidAmount - invoice.creditedAmount);
}

/** Where an invoice stands for its customer. */
export type InvoiceState = 'draft' | 'due' | 'overdue' | 'paid' | 'cancelled';

/** Days past the due date on `today` (Zurich calendar dates); 0 until the day after the due date. */
export function daysOverdue(dueDate: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(today) - Date.parse(dueDate)) / 86_400_000));
}

/**
 * The invoice's state on `today`: a sent invoice is `due` until its due date and `overdue` from the next day while a
 * balance is open (art. 102 CO: a fixed due date puts the debtor in default without a reminder).
 */
export function invoiceState(invoice: InvoiceDoc, today: string): InvoiceState {
  if (invoice.status !== 'sent') return invoice.status;
  return daysOverdue(invoice.dueDate, today) > 0 && openBalance(invoice) > 0 ? 'overdue' : 'due';
}
