import { NotFoundError, type DocumentCollection } from '@swigs/automation-core';
import { releaseClaims } from './billing-claims';
import { zurichCalendarDate } from './calendar';
import { newId, type InvoicingDeps } from './context';
import { Collections, type BilledLine, type CreditNoteDoc, type InvoiceDoc } from './documents';
import { conflictError, invalidAt } from './errors';
import { invoiceLines, printedLine } from './invoice-lines';
import { printedInvoice } from './invoice-pdf';
import { openBalance } from './invoice-state';
import { invoicesOf, requireInvoice, withDefaults } from './invoices';
import { lineNetCentimes, toScaled, QUANTITY_DECIMALS } from './money';
import { formatInvoiceNumber } from './numbering';
import type { PrintedDocument } from './printed-document';
import { computeTotals, documentTotals } from './totals';

/** The credit notes collection. */
export function creditNotesOf(deps: Pick<InvoicingDeps, 'store'>): DocumentCollection<CreditNoteDoc> {
  return deps.store.collection<CreditNoteDoc>(Collections.creditNotes);
}

/** The tenant's credit note, or `NotFoundError`. */
export async function requireCreditNote(
  deps: Pick<InvoicingDeps, 'store'>,
  userId: string,
  id: string,
): Promise<CreditNoteDoc> {
  const note = await creditNotesOf(deps).get(userId, id);
  if (!note) throw new NotFoundError(`credit note ${id} not found`);
  return note;
}

/** The credit notes of an invoice, oldest first. */
export async function creditNotesOfInvoice(
  deps: Pick<InvoicingDeps, 'store'>,
  userId: string,
  invoiceId: string,
): Promise<CreditNoteDoc[]> {
  const { items } = await creditNotesOf(deps).find(userId, {
    where: { invoiceId },
    sort: { field: 'createdAt', direction: 'asc' },
  });
  return items;
}

/** What to credit: the reason, and parts of the invoice's lines (all that is left when `lines` is absent). */
export interface CreditNoteInput {
  reason: string;
  lines?: { lineIndex: number; quantity?: number | undefined }[] | undefined;
}

/**
 * Issues a credit note (« note de crédit ») against a sent or paid invoice, numbered `NC-YYYY-NNNN` in its own
 * sequence. It credits parts of the invoice's lines at their own rates and supply dates (so the VAT is corrected per
 * rate), never more than what is left of a line. The invoice's balance drops by its payable total; once every line
 * is credited in full (or with `cancel`) the invoice is cancelled and its events and quotes are billable again.
 */
export async function issueCreditNote(
  deps: InvoicingDeps,
  userId: string,
  invoiceId: string,
  input: CreditNoteInput,
  options: { cancel?: boolean } = {},
): Promise<{ creditNote: CreditNoteDoc; invoice: InvoiceDoc }> {
  const invoice = await requireInvoice(deps, userId, invoiceId);
  if (invoice.status !== 'sent' && invoice.status !== 'paid') {
    throw conflictError('credit_note_invoice_status', { number: invoice.number, status: invoice.status });
  }
  const lines = invoiceLines(invoice);
  const remaining = remainingQuantities(lines, await creditNotesOfInvoice(deps, userId, invoiceId));
  const requested =
    input.lines ?? lines.map((_, lineIndex) => ({ lineIndex, quantity: undefined as number | undefined }));
  const credits: { lineIndex: number; quantity: number }[] = [];
  requested.forEach((request, index) => {
    const left = remaining[request.lineIndex];
    if (left === undefined) {
      throw invalidAt('credit_line_unknown', ['lines', index, 'lineIndex'], { count: lines.length });
    }
    const quantity = request.quantity ?? fromScaled(left);
    if (toScaled(quantity, QUANTITY_DECIMALS)! > left) {
      throw invalidAt('credit_quantity_exceeds', ['lines', index, 'quantity'], { remaining: fromScaled(left) });
    }
    if (quantity > 0) credits.push({ lineIndex: request.lineIndex, quantity });
  });
  if (credits.length === 0) throw conflictError('credit_note_empty');

  const credited: BilledLine[] = credits.map(({ lineIndex, quantity }) => {
    const line = lines[lineIndex]!;
    const total = quantity === line.quantity ? line.total : lineNetCentimes(quantity, line.unitPrice);
    return { ...line, quantity, total };
  });
  const totals = computeTotals(credited, { vatRegistered: invoice.vatRegistered });
  const creditedAmount = invoice.creditedAmount + totals.payableTotal;
  const fullyCredited = remaining.every((left, index) => {
    const taken = credits
      .filter((c) => c.lineIndex === index)
      .reduce((s, c) => s + toScaled(c.quantity, QUANTITY_DECIMALS)!, 0);
    return left - taken <= 0;
  });
  const cancelled = options.cancel === true || fullyCredited;
  const settled = !cancelled && openBalance({ ...invoice, creditedAmount }) === 0;
  const now = deps.clock.now();
  const issueDate = zurichCalendarDate(now);
  const source = await printedInvoice(deps, invoice);

  const updated = await invoicesOf(deps).update(
    userId,
    invoiceId,
    {
      creditedAmount,
      ...(cancelled ? { status: 'cancelled' as const, cancelledAt: now } : {}),
      ...(settled ? { status: 'paid' as const, paidAt: now } : {}),
      updatedAt: now,
    },
    { where: { status: invoice.status, creditedAmount: invoice.creditedAmount } },
  );
  if (!updated) throw conflictError('invoice_transition', { number: invoice.number, status: invoice.status });

  const sequence = await deps.store.counters.next(`credit-note:${userId}:${issueDate.slice(0, 4)}`);
  const number = `NC-${formatInvoiceNumber(Number(issueDate.slice(0, 4)), sequence)}`;
  const creditNote = await creditNotesOf(deps).insert({
    id: newId(),
    userId,
    number,
    invoiceId,
    invoiceNumber: invoice.number,
    projectId: invoice.projectId,
    reason: input.reason,
    issueDate,
    lines: credited,
    ...documentTotals(totals),
    credits,
    snapshot: printCreditNote(invoice, source, number, issueDate, input.reason, credited, totals),
    createdAt: now,
  });
  if (cancelled) await releaseClaims(deps, userId, invoiceId);
  return { creditNote, invoice: withDefaults(updated) };
}

/** Quantity left to credit on each line (scaled by 10^4), after the credit notes already issued. */
function remainingQuantities(lines: readonly BilledLine[], notes: readonly CreditNoteDoc[]): number[] {
  const left = lines.map((line) => toScaled(line.quantity, QUANTITY_DECIMALS)!);
  for (const note of notes) {
    for (const credit of note.credits) {
      left[credit.lineIndex] = (left[credit.lineIndex] ?? 0) - toScaled(credit.quantity, QUANTITY_DECIMALS)!;
    }
  }
  return left;
}

function fromScaled(scaled: number): number {
  return scaled / 10 ** QUANTITY_DECIMALS;
}

function printCreditNote(
  invoice: InvoiceDoc,
  source: PrintedDocument,
  number: string,
  issueDate: string,
  reason: string,
  lines: BilledLine[],
  totals: ReturnType<typeof computeTotals>,
): PrintedDocument {
  return {
    version: 1,
    kind: 'credit_note',
    number,
    issueDate,
    dueDate: null,
    relatesTo: { number: invoice.number, issueDate: invoice.issueDate },
    issuer: source.issuer,
    debtor: source.debtor,
    rows: lines.map(printedLine),
    vatRegistered: invoice.vatRegistered,
    ...documentTotals(totals),
    reference: null,
    paymentMessage: null,
    notes: '',
    reason,
    projectName: source.projectName,
    paymentTerms: null,
  };
}
