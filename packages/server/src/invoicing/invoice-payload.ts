import type { InvoiceDoc, InvoiceStatus } from './documents';
import { daysOverdue, invoiceState, openBalance, type InvoiceState } from './invoice-state';
import { centimesToChf } from './money';

/** Payload of `invoice.created` and `invoice.paid` (matches the trigger nodes' payload schema). */
export interface InvoiceEventPayload {
  invoiceId: string;
  number: string;
  status: InvoiceStatus;
  /** CHF, VAT included (before 0.05 rounding), for `{{currency}}`. */
  total: number;
  /** The same in centimes, exact. */
  totalCentimes: number;
  /** CHF, rounded to 0.05: what the customer pays. */
  payableTotal: number;
  payableTotalCentimes: number;
  /** CHF still owed (payable total less payments and credit notes). */
  balance: number;
  balanceCentimes: number;
  /** `due` or `overdue` while sent, else the status. */
  state: InvoiceState;
  /** Days past the due date (0 before). */
  daysOverdue: number;
  currency: 'CHF';
  /** The billed customer; `name` is empty when the project has no client. */
  customer: { name: string; email?: string; street?: string; postalCode?: string; town?: string; country?: string };
  projectId: string;
  issueDate: string;
  dueDate: string;
  paidAt: string | null;
}

/** The automation payload of an invoice on `today` (a Zurich calendar date). */
export function invoicePayload(invoice: InvoiceDoc, today: string): InvoiceEventPayload {
  const customer = invoice.customer;
  const balance = openBalance(invoice);
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    status: invoice.status,
    total: centimesToChf(invoice.total),
    totalCentimes: invoice.total,
    payableTotal: centimesToChf(invoice.payableTotal),
    payableTotalCentimes: invoice.payableTotal,
    balance: centimesToChf(balance),
    balanceCentimes: balance,
    state: invoiceState(invoice, today),
    daysOverdue: invoice.status === 'sent' ? daysOverdue(invoice.dueDate, today) : 0,
    currency: 'CHF',
    customer: customer
      ? {
          name: customer.name,
          ...(customer.email ? { email: customer.email } : {}),
          street: [customer.street, customer.buildingNumber].filter(Boolean).join(' '),
          postalCode: customer.postalCode,
          town: customer.town,
          country: customer.country,
        }
      : { name: '' },
    projectId: invoice.projectId,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    paidAt: invoice.paidAt ? invoice.paidAt.toISOString() : null,
  };
}
