import { z } from '@hono/zod-openapi';
import { pageOf } from '../routes/paging';
import { EVENT_TYPES, INVOICE_STATUSES, PROJECT_STATUSES, QUOTE_STATUSES, UNITS } from './documents';
import { VAT_CATEGORIES } from './vat-rates';

const timestamp = z.iso.datetime().nullable();
const calendarDate = z.iso.date();
/** CHF with at most 2 decimals. */
const chf = z.number();

const postalAddress = z.object({
  street: z.string(),
  buildingNumber: z.string().nullable(),
  postalCode: z.string(),
  town: z.string(),
  country: z.string(),
});

const party = postalAddress.extend({ name: z.string(), email: z.string().nullable() });

/** A line in the API (amounts in CHF, 2 decimals; the total is always the server's). */
export const LineJsonSchema = z
  .object({
    description: z.string(),
    quantity: z.number(),
    unit: z.enum(UNITS).nullable(),
    unitPrice: chf,
    total: chf,
    /** null: the invoice's default category. */
    vatCategory: z.enum(VAT_CATEGORIES).nullable(),
    serviceDate: calendarDate.nullable(),
    serviceEndDate: calendarDate.nullable(),
  })
  .openapi('Line');

/** A line as billed on an invoice: category and VAT rate (percent) resolved by its supply date. */
export const BilledLineJsonSchema = LineJsonSchema.extend({
  vatCategory: z.enum(VAT_CATEGORIES),
  vatRate: z.number(),
}).openapi('BilledLine');

/** A project in the API. */
export const ProjectJsonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    status: z.enum(PROJECT_STATUSES),
    client: party.nullable(),
    hourlyRate: chf.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Project');

/** An hours or expense event in the API. */
export const EventJsonSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    type: z.enum(EVENT_TYPES),
    description: z.string(),
    date: calendarDate,
    hours: z.number().nullable(),
    hourlyRate: chf.nullable(),
    /** Line total in CHF (hours × rate, or the expense). */
    amount: chf,
    vatCategory: z.enum(VAT_CATEGORIES).nullable(),
    billed: z.boolean(),
    invoiceId: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('ProjectEvent');

/** A quote in the API. */
export const QuoteJsonSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    number: z.string().nullable(),
    title: z.string(),
    lines: z.array(LineJsonSchema),
    subtotal: chf,
    status: z.enum(QUOTE_STATUSES),
    validUntil: calendarDate.nullable(),
    signedAt: timestamp,
    signedBy: z.string().nullable(),
    billed: z.boolean(),
    invoiceId: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Quote');

/** An invoice in the API: the design's fields plus `vatBreakdown`, `roundingAmount`, `payableTotal`, `reference`. */
export const InvoiceJsonSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    number: z.string(),
    invoiceType: z.enum(['standard', 'custom']),
    status: z.enum(INVOICE_STATUSES),
    customer: party.nullable(),
    customLines: z.array(BilledLineJsonSchema),
    events: z.array(
      BilledLineJsonSchema.extend({ eventId: z.string(), type: z.enum(EVENT_TYPES), date: calendarDate }),
    ),
    quotes: z.array(
      z.object({
        quoteId: z.string(),
        number: z.string().nullable(),
        title: z.string(),
        items: z.array(BilledLineJsonSchema),
        total: chf,
      }),
    ),
    currency: z.literal('CHF'),
    vatCategory: z.enum(VAT_CATEGORIES),
    vatRegistered: z.boolean(),
    subtotal: chf,
    vatBreakdown: z.array(z.object({ rate: z.number(), base: chf, vat: chf })),
    vatAmount: chf,
    total: chf,
    roundingAmount: chf,
    payableTotal: chf,
    /** `due` or `overdue` while sent (overdue from the day after the due date with a balance open). */
    state: z.enum(['draft', 'due', 'overdue', 'paid', 'cancelled']),
    daysOverdue: z.number().int(),
    paidAmount: chf,
    creditedAmount: chf,
    /** What is still owed: the QR-bill's amount. */
    balance: chf,
    payments: z.array(z.object({ id: z.string(), amount: chf, date: calendarDate, note: z.string() })),
    issueDate: calendarDate,
    dueDate: calendarDate,
    notes: z.string(),
    reference: z.string().nullable(),
    sentAt: timestamp,
    paidAt: timestamp,
    cancelledAt: timestamp,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Invoice');

/** Invoicing settings in the API. */
export const SettingsJsonSchema = z
  .object({
    companyName: z.string(),
    address: postalAddress.nullable(),
    vatNumber: z.string().nullable(),
    iban: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    /** False: invoices carry no VAT. */
    vatRegistered: z.boolean(),
    defaultVatCategory: z.enum(VAT_CATEGORIES),
    paymentTermsDays: z.number().int(),
    updatedAt: timestamp,
  })
  .openapi('InvoicingSettings');

/** Totals of draft lines (`POST /api/invoices/preview`). */
export const InvoicePreviewSchema = z
  .object({
    lines: z.array(BilledLineJsonSchema),
    subtotal: chf,
    vatBreakdown: z.array(z.object({ rate: z.number(), base: chf, vat: chf })),
    vatAmount: chf,
    total: chf,
    roundingAmount: chf,
    payableTotal: chf,
  })
  .openapi('InvoicePreview');

/** Pages and lists of the invoicing routes. */
export const ProjectPageSchema = pageOf(ProjectJsonSchema).openapi('ProjectPage');
export const InvoicePageSchema = pageOf(InvoiceJsonSchema).openapi('InvoicePage');
export const EventListSchema = z
  .object({ items: z.array(EventJsonSchema), total: z.number().int() })
  .openapi('ProjectEventList');
export const QuoteListSchema = z
  .object({ items: z.array(QuoteJsonSchema), total: z.number().int() })
  .openapi('QuoteList');

/** A credit note in the API. */
export const CreditNoteJsonSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    invoiceId: z.string(),
    invoiceNumber: z.string(),
    projectId: z.string(),
    reason: z.string(),
    issueDate: calendarDate,
    lines: z.array(BilledLineJsonSchema),
    credits: z.array(z.object({ lineIndex: z.number().int(), quantity: z.number() })),
    subtotal: chf,
    vatBreakdown: z.array(z.object({ rate: z.number(), base: chf, vat: chf })),
    vatAmount: chf,
    total: chf,
    roundingAmount: chf,
    payableTotal: chf,
    createdAt: timestamp,
  })
  .openapi('CreditNote');
export const CreditNoteListSchema = z
  .object({ items: z.array(CreditNoteJsonSchema), total: z.number().int() })
  .openapi('CreditNoteList');
export const CreditNotePageSchema = pageOf(CreditNoteJsonSchema).openapi('CreditNotePage');

/** The answer of `POST /api/settings/invoicing/dunning`. */
export const DunningInstalledSchema = z
  .object({ automationId: z.string(), name: z.string(), templateIds: z.array(z.string()) })
  .openapi('DunningInstalled');
