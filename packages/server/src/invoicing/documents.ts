import type { StoredDocument } from '@swigs/automation-core';

/** Collections of the invoicing module in the core store. */
export const Collections = {
  projects: 'projects',
  events: 'projectevents',
  quotes: 'quotes',
  invoices: 'invoices',
  settings: 'invoicesettings',
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
  billed: boolean;
  invoiceId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A free line with its server-computed total; amounts in centimes. */
export interface LineDoc {
  description: string;
  quantity: number;
  unitPrice: number;
  total: number;
}

/** Quote statuses; only `signed` quotes are billable. */
export const QUOTE_STATUSES = ['draft', 'signed'] as const;
/** A quote's status. */
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** A stored quote (amounts in centimes). */
export interface QuoteDoc extends StoredDocument {
  projectId: string;
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
export interface InvoiceEventLine extends LineDoc {
  eventId: string;
  type: EventType;
  date: string;
}

/** A signed quote billed on an invoice as one line. */
export interface InvoiceQuoteLine extends LineDoc {
  quoteId: string;
}

/** A stored invoice: amounts in centimes, VAT rates in basis points, dates as Zurich calendar dates. */
export interface InvoiceDoc extends StoredDocument {
  projectId: string;
  /** `YYYY-NNNN`, allocated at creation from the tenant's per-year counter. */
  number: string;
  invoiceType: InvoiceType;
  customLines: LineDoc[];
  events: InvoiceEventLine[];
  quotes: InvoiceQuoteLine[];
  customer: Party | null;
  currency: 'CHF';
  subtotal: number;
  /** Basis points (810 = 8.1 %). */
  vatRate: number;
  vatBreakdown: { rate: number; base: number; vat: number }[];
  vatAmount: number;
  total: number;
  roundingAmount: number;
  payableTotal: number;
  status: InvoiceStatus;
  issueDate: string;
  dueDate: string;
  notes: string;
  /** QR (QRR) or creditor (SCOR) reference, frozen when the invoice is sent. */
  reference: string | null;
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
  /** Basis points. */
  defaultVatRate: number;
  paymentTermsDays: number;
  updatedAt: Date;
}
