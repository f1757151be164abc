import type { InvoiceDoc, InvoiceSettingsDoc, Party, ProjectDoc } from './documents';
import { invoiceRows } from './invoice-lines';
import type { PrintedDocument, PrintedIssuer, PrintedParty } from './printed-document';

/**
 * What an invoice prints, from the invoice and the issuer's settings and project as they are now: a draft is
 * printed from this every time; sending freezes it as the invoice's snapshot.
 */
export function printInvoice(
  invoice: InvoiceDoc,
  settings: InvoiceSettingsDoc,
  project: Pick<ProjectDoc, 'name'> | null,
  reference: string | null,
): PrintedDocument {
  return {
    version: 1,
    kind: 'invoice',
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    relatesTo: null,
    issuer: issuerOf(settings),
    debtor: invoice.customer ? partyOf(invoice.customer) : null,
    rows: invoiceRows(invoice),
    vatRegistered: invoice.vatRegistered,
    subtotal: invoice.subtotal,
    vatBreakdown: invoice.vatBreakdown.map((group) => ({ ...group })),
    vatAmount: invoice.vatAmount,
    total: invoice.total,
    roundingAmount: invoice.roundingAmount,
    payableTotal: invoice.payableTotal,
    reference,
    paymentMessage: `Facture ${invoice.number}`,
    notes: invoice.notes,
    reason: null,
    projectName: project?.name ?? null,
    paymentTerms: paymentTermsText(invoice.issueDate, invoice.dueDate),
  };
}

/** The issuer block from the settings. */
export function issuerOf(settings: InvoiceSettingsDoc): PrintedIssuer {
  const address = settings.address;
  return {
    name: settings.companyName,
    street: address?.street ?? '',
    buildingNumber: address?.buildingNumber ?? null,
    postalCode: address?.postalCode ?? '',
    town: address?.town ?? '',
    country: address?.country ?? 'CH',
    vatNumber: settings.vatRegistered ? settings.vatNumber : null,
    email: settings.email,
    phone: settings.phone,
    iban: settings.iban,
  };
}

/** A party as printed (no e-mail). */
export function partyOf(party: Party): PrintedParty {
  return {
    name: party.name,
    street: party.street,
    buildingNumber: party.buildingNumber,
    postalCode: party.postalCode,
    town: party.town,
    country: party.country,
  };
}

function paymentTermsText(issueDate: string, dueDate: string): string {
  const days = Math.round((Date.parse(dueDate) - Date.parse(issueDate)) / 86_400_000);
  return days === 0 ? 'Payable dès réception' : `Payable dans les ${days} jours`;
}
