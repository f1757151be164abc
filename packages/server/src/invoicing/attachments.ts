import type { AttachmentPort, Store } from '@swigs/automation-core';
import { creditNotesOfInvoice } from './credit-notes';
import { invoicePdf } from './invoice-pdf';
import { invoicesOf, withDefaults } from './invoices';

/**
 * What `send_email` can attach in swigs-workflow: `invoice_pdf` (id = an invoice id) is the invoice's PDF as it is at
 * sending time: its frozen content, and a payment part for the open balance.
 */
export function createInvoicingAttachments(store: Store): AttachmentPort {
  const deps = { store };
  return {
    kinds: ['invoice_pdf'],
    async load({ userId, kind, id }) {
      if (kind !== 'invoice_pdf') return null;
      const stored = await invoicesOf(deps).get(userId, id);
      if (!stored) return null;
      const invoice = withDefaults(stored);
      const pdf = await invoicePdf(deps, invoice, await creditNotesOfInvoice(deps, userId, invoice.id));
      return {
        filename: `facture-${invoice.number}.pdf`,
        contentType: 'application/pdf',
        content: new Uint8Array(pdf),
      };
    },
  };
}
