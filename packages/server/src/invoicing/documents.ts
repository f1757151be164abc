import type { StoredDocument } from '@swigs/automation-core';
import type { PrintedDocument } from './printed-document';
import type { DocumentTotals } from './totals';
import type { VatCategory } from './vat-rates';

/** Collections of the invoicing module in the core store. */
export const Collections = {
  projects: 'projects',
  events: 'projectevents',
  quotes: 'quotes',
  invoices: 'invoices',
  creditNotes: 'creditnotes',
  settings: 'invoicesettings',
  /** Automation events written with their record, until delivered (`event-outbox.ts`). */
  eventOutbox: 'eventoutbox',
} as const;

/** A structured postal address (QR-bill address type S). */
export interface PostalAddress {
  street: string;
  buildingNumber: string | null;
  postalCode: string;
  town: string;
  /** ISO 3166-1 alpha-2, e.g. `CH`. */
  country: string;
}

/** The customer billed for a project. */
export interface Party extends PostalAddress {
  name: string;
  email: string | null;
}

/** Project statuses, in lifecycle order. */
export const PROJECT_STATUSES = ['draft', 'active', 'on_hold', 'completed', 'archived'] as const;
/** Lifecycle of a project; every change fires `project.status_changed`. */
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** A stored project (amounts in centimes). */
export interface ProjectDoc extends StoredDocument {
  name: string;
  description: string;
  status: ProjectStatus;
  client: Party | null;
  /** Default hourly rate for hours events, centimes. */
  hourlyRate: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Kinds of billable events. */
export const EVENT_TYPES = ['hours', 'expense'] as const;
/** Hours worked or an expense, billable once. */
export type EventType = (typeof EVENT_TYPES)[number];

/** A stored hours or expense event (amounts in centimes). */
export interface ProjectEventDoc extends StoredDocument {
  projectId: string;
  type: EventType;
  description: string;
  /** Service date (Zurich calendar date). */
  date: string;
  /** Hours for `hours`, 1 for `expense`. */
  quantity: number;
  /** Hourly rate or expense amount, centimes. */
  unitPrice: number;
  total: number;
  /** VAT category of the event; null = the invoice's default. */
  vatCategory?: VatCategory | null;
  billed: boolean;
  invoiceId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Units a quantity can be counted in. */
export const UNITS = ['h', 'pce', 'forfait', 'jour', 'km'] as const;
/** A line's unit. */
export type Unit = (typeof UNITS)[number];

/** A free line with its server-computed total; amounts in centimes. */
export interface LineDoc {
  description: string;
  quantity: number;
  unit?: Unit | null;
  unitPrice: number;
  total: number;
  /** Absent: the invoice's default category. */
  vatCategory?: VatCategory | null;
  /** Date (or first day) of the supply; absent on a custom line: the invoice date. */
  serviceDate?: string | null;
  /** Last day of a supply period. */
  serviceEndDate?: string | null;
}

/** A line as billed: category, supply dates and VAT rate resolved (rate 0 when the issuer is not VAT-registered). */
export interface BilledLine extends LineDoc {
  unit: Unit | null;
  vatCategory: VatCategory;
  serviceDate: string | null;
  serviceEndDate: string | null;
  /** Basis points, chosen by the supply date from the dated table. */
  vatRate: number;
}

/** Quote statuses; only `signed` quotes are billable. */
export const QUOTE_STATUSES = ['draft', 'signed'] as const;
/** A quote's status. */
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** A stored quote (amounts in centimes). */
export interface QuoteDoc extends StoredDocument {
  projectId: string;
  /** `DEV-2026-0001`, from the tenant's per-year quote counter (absent on quotes made before numbering). */
  number?: string;
  title: string;
  lines: LineDoc[];
  subtotal: number;
  status: QuoteStatus;
  validUntil: string | null;
  signedAt: Date | null;
  signedBy: string | null;
  billed: boolean;
  invoiceId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Invoice statuses: draft → sent → paid, or cancelled from draft or sent. */
export const INVOICE_STATUSES = ['draft', 'sent', 'paid', 'cancelled'] as const;
/** An invoice's status. */
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
/** `standard` bills events and quotes; `custom` bills free lines ("Facture libre"). */
export type InvoiceType = 'standard' | 'custom';

/** An event billed on an invoice, frozen at creation. */
export interface InvoiceEventLine extends BilledLine {
  eventId: string;
  type: EventType;
  date: string;
}

/** A signed quote billed on an invoice: its items, listed under its number. */
export interface InvoiceQuoteLine {
  quoteId: string;
  number: string | null;
  title: string;
  items: BilledLine[];
  /** Sum of the items' nets, centimes. */
  total: number;
}

/** A payment received on an invoice. */
export interface PaymentDoc {
  id: string;
  /** Centimes, above 0. */
  amount: number;
  /** Value date (Zurich calendar date). */
  date: string;
  note: string;
  recordedAt: Date;
}

/** A stored invoice: amounts in centimes, VAT rates in basis points, dates as Zurich calendar dates. */
export interface InvoiceDoc extends StoredDocument, DocumentTotals {
  projectId: string;
  /** `YYYY-NNNN`, allocated at creation from the tenant's per-year counter. */
  number: string;
  invoiceType: InvoiceType;
  customLines: BilledLine[];
  events: InvoiceEventLine[];
  quotes: InvoiceQuoteLine[];
  customer: Party | null;
  currency: 'CHF';
  /** The default category of lines that name none. */
  vatCategory: VatCategory;
  /** False: the issuer has no VAT number, so the invoice carries no VAT. */
  vatRegistered: boolean;
  status: InvoiceStatus;
  issueDate: string;
  dueDate: string;
  notes: string;
  /** QR (QRR) or creditor (SCOR) reference, frozen when the invoice is sent. */
  reference: string | null;
  /** Everything the invoice prints, frozen when it is sent; its PDF is rendered from this alone from then on. */
  snapshot: PrintedDocument | null;
  payments: PaymentDoc[];
  /** Σ payments, centimes. */
  paidAmount: number;
  /** Σ payable totals of its credit notes, centimes. */
  creditedAmount: number;
  sentAt: Date | null;
  paidAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A tenant's stored invoicing settings. */
export interface InvoiceSettingsDoc extends StoredDocument {
  companyName: string;
  address: PostalAddress | null;
  /** `CHE-123.456.789 TVA`, or null when not VAT-registered. */
  vatNumber: string | null;
  iban: string | null;
  email: string | null;
  phone: string | null;
  /** False: invoices carry no VAT (no VAT number). */
  vatRegistered: boolean;
  defaultVatCategory: VatCategory;
  paymentTermsDays: number;
  updatedAt: Date;
}

/** A credit note (« note de crédit »): issued at once, immutable, always referencing one sent invoice. */
export interface CreditNoteDoc extends StoredDocument, DocumentTotals {
  /** `NC-2026-0001`, its own per-year sequence. */
  number: string;
  invoiceId: string;
  invoiceNumber: string;
  projectId: string;
  reason: string;
  issueDate: string;
  /** The credited parts of the invoice's lines (same rates and supply dates), amounts positive. */
  lines: BilledLine[];
  /** Which invoice line (print order) each line credits, and how much of its quantity. */
  credits: { lineIndex: number; quantity: number }[];
  snapshot: PrintedDocument;
  createdAt: Date;
}
