import type { Unit } from './documents';
import type { DocumentTotals } from './totals';

/** A postal party as printed (and encoded in the QR-bill). */
export interface PrintedParty {
  name: string;
  street: string;
  buildingNumber: string | null;
  postalCode: string;
  town: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** The issuer as printed on the document. */
export interface PrintedIssuer extends PrintedParty {
  /** `CHE-123.456.788 TVA`, or null when not VAT-registered. */
  vatNumber: string | null;
  email: string | null;
  phone: string | null;
  /** Creditor account of the QR-bill (compact), or null. */
  iban: string | null;
}

/** One row of the lines table: a billed line, or the heading of a group (a quote and its number). */
export type PrintedRow =
  | { kind: 'heading'; text: string }
  | {
      kind: 'line';
      description: string;
      serviceDate: string | null;
      serviceEndDate: string | null;
      quantity: number;
      unit: Unit | null;
      /** Centimes. */
      unitPrice: number;
      /** Net, centimes. */
      total: number;
      /** Basis points. */
      vatRate: number;
    };

/**
 * Everything a sent invoice or a credit note prints, frozen: its PDF is rendered from this alone, so later settings,
 * project or client changes never alter a document once it has left. Amounts in centimes, rates in basis points,
 * dates as Zurich calendar dates.
 */
export interface PrintedDocument extends DocumentTotals {
  version: 1;
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  /** Invoices only. */
  dueDate: string | null;
  /** The invoice a credit note corrects. */
  relatesTo: { number: string; issueDate: string } | null;
  issuer: PrintedIssuer;
  debtor: PrintedParty | null;
  rows: PrintedRow[];
  vatRegistered: boolean;
  /** QR (QRR) or creditor (SCOR) reference of the payment part; null on a credit note. */
  reference: string | null;
  /** Unstructured message of the QR-bill (`Facture 2026-0001`). */
  paymentMessage: string | null;
  notes: string;
  /** A credit note's reason. */
  reason: string | null;
  projectName: string | null;
  /** `Payable dans les 30 jours` and the like, as written when issued. */
  paymentTerms: string | null;
}
