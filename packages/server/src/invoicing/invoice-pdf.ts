import { zurichCalendarDate } from './calendar';
import type { InvoicingDeps } from './context';
import type { CreditNoteDoc, InvoiceDoc } from './documents';
import { conflictError } from './errors';
import { openBalance } from './invoice-state';
import type { DocumentStatus } from './pdf/document-status';
import { printInvoice } from './print-invoice';
import { projectsOf } from './projects';
import { getInvoiceSettings } from './settings';
import type { PrintedDocument } from './printed-document';

/**
 * The invoice's PDF as it stands now. A sent, paid or cancelled invoice prints its frozen snapshot only; a draft
 * prints from the current settings and project. The payment part of an open invoice asks for the open balance.
 */
export async function invoicePdf(
  deps: Pick<InvoicingDeps, 'store'>,
  invoice: InvoiceDoc,
  creditNotes: readonly CreditNoteDoc[],
): Promise<Buffer> {
  const { renderDocumentPdf } = await pdfRenderer();
  return renderDocumentPdf(await printedInvoice(deps, invoice), invoiceStatus(invoice, creditNotes));
}

/** A credit note's PDF, from its snapshot. */
export async function creditNotePdf(creditNote: CreditNoteDoc): Promise<Buffer> {
  const { renderDocumentPdf } = await pdfRenderer();
  return renderDocumentPdf(creditNote.snapshot, {
    state: 'credit_note',
    paidAmount: 0,
    creditedAmount: 0,
    balance: 0,
    paidOn: null,
    creditNotes: [],
  });
}

/** What the invoice prints: its snapshot once sent, else built from today's settings (409 while incomplete). */
export async function printedInvoice(
  deps: Pick<InvoicingDeps, 'store'>,
  invoice: InvoiceDoc,
): Promise<PrintedDocument> {
  if (invoice.snapshot) return invoice.snapshot;
  const [settings, project] = await Promise.all([
    getInvoiceSettings(deps.store, invoice.userId),
    projectsOf(deps).get(invoice.userId, invoice.projectId),
  ]);
  if (!settings.companyName || !settings.address || !settings.iban) throw conflictError('settings_incomplete');
  return printInvoice(invoice, settings, project, null);
}

function invoiceStatus(invoice: InvoiceDoc, creditNotes: readonly CreditNoteDoc[]): DocumentStatus {
  const last = invoice.payments.at(-1);
  return {
    state: invoice.status === 'draft' ? 'draft' : invoice.status === 'sent' ? 'open' : invoice.status,
    paidAmount: invoice.paidAmount,
    creditedAmount: invoice.creditedAmount,
    balance: openBalance(invoice),
    paidOn: last ? last.date : invoice.paidAt ? zurichCalendarDate(invoice.paidAt) : null,
    creditNotes: creditNotes.map((note) => note.number),
  };
}

/** pdfkit and swissqrbill load with the first PDF, not at start-up: an idle server never needs them. */
function pdfRenderer(): Promise<typeof import('./pdf/render-document')> {
  return import('./pdf/render-document');
}
