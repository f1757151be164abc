import { zurichCalendarDate } from './calendar';
import { newId, type InvoicingDeps } from './context';
import type { InvoiceDoc } from './documents';
import { conflictError, invalidField } from './errors';
import { announce, pendingEvent } from './event-outbox';
import { invoicePayload } from './invoice-payload';
import { openBalance } from './invoice-state';
import { invoicesOf, requireInvoice, withDefaults } from './invoices';
import { chfToCentimes, centimesToChf } from './money';

/** A payment to record: CHF, its value date (default today in Zurich) and a note. */
export interface PaymentInput {
  amount: number;
  date?: string | undefined;
  note?: string | undefined;
}

/**
 * Records a payment on a sent invoice. It may be partial (the QR-bill then asks for the open balance) but never more
 * than the balance (400 at `amount`). When the balance reaches 0 the invoice is paid and `invoice.paid` fires.
 * Concurrent payments are serialized by a compare-and-set on the amount already paid.
 */
export async function recordPayment(
  deps: InvoicingDeps,
  userId: string,
  id: string,
  input: PaymentInput,
): Promise<InvoiceDoc> {
  const amount = chfToCentimes(input.amount);
  for (let attempt = 0; ; attempt++) {
    const invoice = await requireInvoice(deps, userId, id);
    if (invoice.status !== 'sent') {
      throw conflictError('payment_not_open', { number: invoice.number, status: invoice.status });
    }
    const balance = openBalance(invoice);
    if (amount > balance)
      throw invalidField('payment_exceeds_balance', 'amount', { balance: centimesToChf(balance).toFixed(2) });
    const now = deps.clock.now();
    const payment = {
      id: newId(),
      amount,
      date: input.date ?? zurichCalendarDate(now),
      note: input.note ?? '',
      recordedAt: now,
    };
    const paidAmount = invoice.paidAmount + amount;
    const settled = openBalance({ ...invoice, paidAmount }) === 0;
    const patch = {
      payments: [...invoice.payments, payment],
      paidAmount,
      ...(settled ? { status: 'paid' as const, paidAt: now } : {}),
      updatedAt: now,
    };
    // Written with the payment that settles the invoice (the compare-and-set makes `invoice + patch` the result).
    const event = settled
      ? pendingEvent(deps, 'invoice.paid', invoicePayload({ ...invoice, ...patch }, zurichCalendarDate(now)), userId)
      : undefined;
    const updated = await invoicesOf(deps).update(userId, id, patch, {
      where: { status: 'sent', paidAmount: invoice.paidAmount },
      ...(event ? { also: [event] } : {}),
    });
    if (updated) {
      if (event) await announce(deps, event);
      return withDefaults(updated);
    }
    // Another payment or a status change came first: read again (a few times, then report the conflict).
    if (attempt >= 4) throw conflictError('invoice_transition', { number: invoice.number, status: invoice.status });
  }
}

/** sent → paid: records a payment of the whole open balance, dated today. */
export async function markInvoicePaid(deps: InvoicingDeps, userId: string, id: string): Promise<InvoiceDoc> {
  const invoice = await requireInvoice(deps, userId, id);
  if (invoice.status !== 'sent')
    throw conflictError('invoice_transition', { number: invoice.number, status: invoice.status });
  return recordPayment(deps, userId, id, { amount: centimesToChf(openBalance(invoice)) });
}
