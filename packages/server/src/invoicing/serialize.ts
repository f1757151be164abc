import type {
  EventType,
  InvoiceDoc,
  InvoiceStatus,
  InvoiceType,
  Party,
  PostalAddress,
  ProjectStatus,
  QuoteStatus,
  InvoiceSettingsDoc,
  LineDoc,
  ProjectDoc,
  ProjectEventDoc,
  QuoteDoc,
} from './documents';
import { basisPointsToPercent, centimesToChf } from './money';

/** A line in the API (amounts in CHF, 2 decimals; the total is always the server's). */
export interface LineJson {
  description: string;
  quantity: number;
  unitPrice: number;
  total: number;
}

/** A project in the API. */
export interface ProjectJson {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  client: Party | null;
  hourlyRate: number | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** An hours or expense event in the API. */
export interface EventJson {
  id: string;
  projectId: string;
  type: EventType;
  description: string;
  date: string;
  hours: number | null;
  hourlyRate: number | null;
  /** Line total in CHF (hours × rate, or the expense). */
  amount: number;
  billed: boolean;
  invoiceId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** A quote in the API. */
export interface QuoteJson {
  id: string;
  projectId: string;
  title: string;
  lines: LineJson[];
  subtotal: number;
  status: QuoteStatus;
  validUntil: string | null;
  signedAt: string | null;
  signedBy: string | null;
  billed: boolean;
  invoiceId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** An invoice in the API: the design's fields plus `vatBreakdown`, `roundingAmount`, `payableTotal`, `reference`. */
export interface InvoiceJson {
  id: string;
  projectId: string;
  number: string;
  invoiceType: InvoiceType;
  status: InvoiceStatus;
  customer: Party | null;
  customLines: LineJson[];
  events: (LineJson & { eventId: string; type: EventType; date: string })[];
  quotes: (LineJson & { quoteId: string })[];
  currency: 'CHF';
  subtotal: number;
  vatRate: number;
  vatBreakdown: { rate: number; base: number; vat: number }[];
  vatAmount: number;
  total: number;
  roundingAmount: number;
  payableTotal: number;
  issueDate: string;
  dueDate: string;
  notes: string;
  reference: string | null;
  sentAt: string | null;
  paidAt: string | null;
  cancelledAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** Invoicing settings in the API. */
export interface SettingsJson {
  companyName: string;
  address: PostalAddress | null;
  vatNumber: string | null;
  iban: string | null;
  email: string | null;
  phone: string | null;
  defaultVatRate: number;
  paymentTermsDays: number;
  updatedAt: string | null;
}


const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

function lineJson<T extends LineDoc>(line: T): Omit<T, 'unitPrice' | 'total'> & { unitPrice: number; total: number } {
  return { ...line, unitPrice: centimesToChf(line.unitPrice), total: centimesToChf(line.total) };
}

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

/** An invoice as the API returns it (the design's fields plus rounding and payable total). */
export function invoiceJson(doc: InvoiceDoc): InvoiceJson {
  return {
    id: doc.id,
    projectId: doc.projectId,
    number: doc.number,
    invoiceType: doc.invoiceType,
    status: doc.status,
    customer: doc.customer,
    customLines: doc.customLines.map(lineJson),
    events: doc.events.map(lineJson),
    quotes: doc.quotes.map(lineJson),
    currency: doc.currency,
    subtotal: centimesToChf(doc.subtotal),
    vatRate: basisPointsToPercent(doc.vatRate),
    vatBreakdown: doc.vatBreakdown.map((group) => ({
      rate: basisPointsToPercent(group.rate),
      base: centimesToChf(group.base),
      vat: centimesToChf(group.vat),
    })),
    vatAmount: centimesToChf(doc.vatAmount),
    total: centimesToChf(doc.total),
    roundingAmount: centimesToChf(doc.roundingAmount),
    payableTotal: centimesToChf(doc.payableTotal),
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
    defaultVatRate: basisPointsToPercent(doc.defaultVatRate),
    paymentTermsDays: doc.paymentTermsDays,
    updatedAt: doc.updatedAt.getTime() === 0 ? null : iso(doc.updatedAt),
  };
}
