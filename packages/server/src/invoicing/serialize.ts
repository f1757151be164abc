import type { z } from 'zod';
import type {
  BilledLine,
  CreditNoteDoc,
  InvoiceDoc,
  InvoiceSettingsDoc,
  LineDoc,
  ProjectDoc,
  ProjectEventDoc,
  QuoteDoc,
} from './documents';
import { daysOverdue, invoiceState, openBalance } from './invoice-state';
import { basisPointsToPercent, centimesToChf } from './money';
import type {
  CreditNoteJsonSchema,
  EventJsonSchema,
  InvoiceJsonSchema,
  LineJsonSchema,
  ProjectJsonSchema,
  QuoteJsonSchema,
  SettingsJsonSchema,
} from './response-schemas';

/** A line in the API (amounts in CHF, 2 decimals; the total is always the server's). */
export type LineJson = z.infer<typeof LineJsonSchema>;
/** A project in the API. */
export type ProjectJson = z.infer<typeof ProjectJsonSchema>;
/** An hours or expense event in the API. */
export type EventJson = z.infer<typeof EventJsonSchema>;
/** A quote in the API. */
export type QuoteJson = z.infer<typeof QuoteJsonSchema>;
/** An invoice in the API. */
export type InvoiceJson = z.infer<typeof InvoiceJsonSchema>;
/** Invoicing settings in the API. */
export type SettingsJson = z.infer<typeof SettingsJsonSchema>;
/** A credit note in the API. */
export type CreditNoteJson = z.infer<typeof CreditNoteJsonSchema>;

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

function lineJson(line: LineDoc): LineJson {
  return {
    description: line.description,
    quantity: line.quantity,
    unit: line.unit ?? null,
    unitPrice: centimesToChf(line.unitPrice),
    total: centimesToChf(line.total),
    vatCategory: line.vatCategory ?? null,
    serviceDate: line.serviceDate ?? null,
    serviceEndDate: line.serviceEndDate ?? null,
  };
}

function billedJson(line: BilledLine) {
  return { ...lineJson(line), vatCategory: line.vatCategory, vatRate: basisPointsToPercent(line.vatRate) };
}

const groupJson = (group: { rate: number; base: number; vat: number }) => ({
  rate: basisPointsToPercent(group.rate),
  base: centimesToChf(group.base),
  vat: centimesToChf(group.vat),
});

/** A project as the API returns it. */
export function projectJson(doc: ProjectDoc): ProjectJson {
  return {
    id: doc.id,
    name: doc.name,
    description: doc.description,
    status: doc.status,
    client: doc.client,
    hourlyRate: doc.hourlyRate === null ? null : centimesToChf(doc.hourlyRate),
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

/** An hours or expense event as the API returns it. */
export function eventJson(doc: ProjectEventDoc): EventJson {
  return {
    id: doc.id,
    projectId: doc.projectId,
    type: doc.type,
    description: doc.description,
    date: doc.date,
    hours: doc.type === 'hours' ? doc.quantity : null,
    hourlyRate: doc.type === 'hours' ? centimesToChf(doc.unitPrice) : null,
    amount: centimesToChf(doc.total),
    vatCategory: doc.vatCategory ?? null,
    billed: doc.billed,
    invoiceId: doc.invoiceId,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

/** A quote as the API returns it. */
export function quoteJson(doc: QuoteDoc): QuoteJson {
  return {
    id: doc.id,
    projectId: doc.projectId,
    number: doc.number ?? null,
    title: doc.title,
    lines: doc.lines.map(lineJson),
    subtotal: centimesToChf(doc.subtotal),
    status: doc.status,
    validUntil: doc.validUntil,
    signedAt: iso(doc.signedAt),
    signedBy: doc.signedBy,
    billed: doc.billed,
    invoiceId: doc.invoiceId,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

/** An invoice as the API returns it on `today` (a Zurich calendar date, for its due/overdue state). */
export function invoiceJson(doc: InvoiceDoc, today: string): InvoiceJson {
  return {
    id: doc.id,
    projectId: doc.projectId,
    number: doc.number,
    invoiceType: doc.invoiceType,
    status: doc.status,
    customer: doc.customer,
    customLines: doc.customLines.map(billedJson),
    events: doc.events.map((line) => ({
      ...billedJson(line),
      eventId: line.eventId,
      type: line.type,
      date: line.date,
    })),
    quotes: doc.quotes.map((quote) => ({
      quoteId: quote.quoteId,
      number: quote.number,
      title: quote.title,
      items: quote.items.map(billedJson),
      total: centimesToChf(quote.total),
    })),
    currency: doc.currency,
    vatCategory: doc.vatCategory,
    vatRegistered: doc.vatRegistered,
    subtotal: centimesToChf(doc.subtotal),
    vatBreakdown: doc.vatBreakdown.map(groupJson),
    vatAmount: centimesToChf(doc.vatAmount),
    total: centimesToChf(doc.total),
    roundingAmount: centimesToChf(doc.roundingAmount),
    payableTotal: centimesToChf(doc.payableTotal),
    state: invoiceState(doc, today),
    daysOverdue: doc.status === 'sent' ? daysOverdue(doc.dueDate, today) : 0,
    paidAmount: centimesToChf(doc.paidAmount),
    creditedAmount: centimesToChf(doc.creditedAmount),
    balance: centimesToChf(openBalance(doc)),
    payments: doc.payments.map((p) => ({ id: p.id, amount: centimesToChf(p.amount), date: p.date, note: p.note })),
    issueDate: doc.issueDate,
    dueDate: doc.dueDate,
    notes: doc.notes,
    reference: doc.reference,
    sentAt: iso(doc.sentAt),
    paidAt: iso(doc.paidAt),
    cancelledAt: iso(doc.cancelledAt),
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

/** Invoicing settings as the API returns them. */
export function settingsJson(doc: InvoiceSettingsDoc): SettingsJson {
  return {
    companyName: doc.companyName,
    address: doc.address,
    vatNumber: doc.vatNumber,
    iban: doc.iban,
    email: doc.email,
    phone: doc.phone,
    vatRegistered: doc.vatRegistered,
    defaultVatCategory: doc.defaultVatCategory,
    paymentTermsDays: doc.paymentTermsDays,
    updatedAt: doc.updatedAt.getTime() === 0 ? null : iso(doc.updatedAt),
  };
}

/** A credit note as the API returns it. */
export function creditNoteJson(doc: CreditNoteDoc): CreditNoteJson {
  return {
    id: doc.id,
    number: doc.number,
    invoiceId: doc.invoiceId,
    invoiceNumber: doc.invoiceNumber,
    projectId: doc.projectId,
    reason: doc.reason,
    issueDate: doc.issueDate,
    lines: doc.lines.map(billedJson),
    credits: doc.credits,
    subtotal: centimesToChf(doc.subtotal),
    vatBreakdown: doc.vatBreakdown.map(groupJson),
    vatAmount: centimesToChf(doc.vatAmount),
    total: centimesToChf(doc.total),
    roundingAmount: centimesToChf(doc.roundingAmount),
    payableTotal: centimesToChf(doc.payableTotal),
    createdAt: iso(doc.createdAt),
  };
}
