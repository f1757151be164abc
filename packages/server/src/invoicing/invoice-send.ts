import { zurichCalendarDate } from './calendar';
import type { InvoicingDeps } from './context';
import type { InvoiceDoc } from './documents';
import { conflictError } from './errors';
import { announce, pendingEvent } from './event-outbox';
import { invoicePayload } from './invoice-payload';
import { requireInvoice, transition } from './invoices';
import { paymentReference } from './numbering';
import { printInvoice } from './print-invoice';
import { projectsOf } from './projects';
import { getInvoiceSettings } from './settings';

/**
 * draft → sent: the invoice is frozen. Everything it prints (issuer, debtor, lines, VAT breakdown, reference, bank
 * account, texts) is stored as its snapshot in the same write that changes its status, so no later settings or
 * project change reaches it. Refused (409) while the settings cannot fill a valid QR-bill.
 */
export async function sendInvoice(deps: InvoicingDeps, userId: string, id: string): Promise<InvoiceDoc> {
  const invoice = await requireInvoice(deps, userId, id);
  if (invoice.status !== 'draft')
    throw conflictError('invoice_transition', { number: invoice.number, status: invoice.status });
  const [settings, project] = await Promise.all([
    getInvoiceSettings(deps.store, userId),
    projectsOf(deps).get(userId, invoice.projectId),
  ]);
  if (!settings.companyName || !settings.address || !settings.iban) throw conflictError('send_settings_incomplete');
  const reference = paymentReference(invoice.number, settings.iban);
  const snapshot = printInvoice(invoice, settings, project, reference);
  // The payment part must be valid before the invoice leaves (SIX rules, character set).
  // Loaded on first use: swissqrbill pulls in pdfkit, which an idle server never needs.
  (await import('./qr-bill')).createQrBill(snapshot, snapshot.payableTotal);
  const now = deps.clock.now();
  const patch = { status: 'sent' as const, sentAt: now, reference, snapshot, updatedAt: now };
  // The compare-and-set on `draft` guarantees the stored invoice is `invoice` plus `patch`: the event says so.
  const event = pendingEvent(
    deps,
    'invoice.sent',
    invoicePayload({ ...invoice, ...patch }, zurichCalendarDate(now)),
    userId,
  );
  const sent = await transition(deps, userId, id, ['draft'], patch, {}, [event]);
  await announce(deps, event);
  return sent;
}
