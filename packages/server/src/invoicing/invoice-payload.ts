import type { InvoiceDoc, InvoiceStatus } from './documents';
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
  currency: 'CHF';
  /** The billed customer; `name` is empty when the project has no client. */
  customer: { name: string; email?: string; street?: string; postalCode?: string; town?: string; country?: string };
  projectId: string;
  issueDate: string;
  dueDate: string;
  paidAt: string | null;
}

/** The automation payload of an invoice. */
export function invoicePayload(invoice: InvoiceDoc): InvoiceEventPayload {
  const customer = invoice.customer;
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    status: invoice.status,
    total: centimesToChf(invoice.total),
    totalCentimes: invoice.total,
    payableTotal: centimesToChf(invoice.payableTotal),
    payableTotalCentimes: invoice.payableTotal,
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
