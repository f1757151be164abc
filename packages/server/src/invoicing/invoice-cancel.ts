import { releaseClaims } from './billing-claims';
import type { InvoicingDeps } from './context';
import type { InvoiceDoc } from './documents';
import { conflictError, invalidField } from './errors';
import { issueCreditNote } from './credit-notes';
import { requireInvoice, transition } from './invoices';
import { centimesToChf } from './money';

/**
 * Cancels an invoice. A draft is simply cancelled (it never left). A sent invoice is only cancelled by a credit note
 * for what is left of it, so the books always show why (400 without a `reason`; 409 once payments came in: credit the
 * balance instead). Either way its events and quotes become billable again.
 */
export async function cancelInvoice(
  deps: InvoicingDeps,
  userId: string,
  id: string,
  input: { reason?: string | undefined } = {},
): Promise<InvoiceDoc> {
  const invoice = await requireInvoice(deps, userId, id);
  if (invoice.status === 'sent') {
    if (invoice.paidAmount > 0) {
      throw conflictError('cancel_has_payments', {
        number: invoice.number,
        paid: centimesToChf(invoice.paidAmount).toFixed(2),
      });
    }
    if (!input.reason) throw invalidField('cancel_needs_credit_note', 'reason');
    return (await issueCreditNote(deps, userId, id, { reason: input.reason }, { cancel: true })).invoice;
  }
  const now = deps.clock.now();
  const cancelled = await transition(deps, userId, id, ['draft'], {
    status: 'cancelled',
    cancelledAt: now,
    updatedAt: now,
  });
  await releaseClaims(deps, userId, id);
  return cancelled;
}
