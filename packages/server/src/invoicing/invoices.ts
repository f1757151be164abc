import { ConfigInvalidError, ConflictError, NotFoundError, type DocumentCollection } from '@swigs/automation-core';
import type { z } from 'zod';
import { addDays, zurichCalendarDate } from './calendar';
import { fireEvent, newId, type InvoicingDeps } from './context';
import {
  Collections,
  type InvoiceDoc,
  type InvoiceEventLine,
  type InvoiceQuoteLine,
  type InvoiceStatus,
  type LineDoc,
  type ProjectEventDoc,
  type QuoteDoc,
} from './documents';
import { claimAll, loadBillable, releaseClaims } from './billing-claims';
import { eventsOf } from './events';
import { priceLines } from './lines';
import { invoicePayload } from './invoice-payload';
import { invoicingMessage, type InvoicingMessageKey } from './messages';
import { MAX_CENTIMES, percentToBasisPoints } from './money';
import { allocateInvoiceNumber, paymentReference } from './numbering';
import { requireProject } from './projects';
import { quotesOf } from './quotes';
import type { customInvoiceSchema, invoiceUpdateSchema, standardInvoiceSchema } from './schemas';
import { getInvoiceSettings } from './settings';
import { computeTotals } from './totals';

/** Exact messages of the design (French). */
export const InvoiceMessages = {
  nothingToBill: invoicingMessage('nothing_to_bill'),
  noLines: invoicingMessage('no_lines'),
} as const;

/** The invoices collection. */
export function invoicesOf(deps: Pick<InvoicingDeps, 'store'>): DocumentCollection<InvoiceDoc> {
  return deps.store.collection<InvoiceDoc>(Collections.invoices);
}

/** The tenant's invoice, or `NotFoundError`. */
export async function requireInvoice(deps: Pick<InvoicingDeps, 'store'>, userId: string, id: string): Promise<InvoiceDoc> {
  const invoice = await invoicesOf(deps).get(userId, id);
  if (!invoice) throw new NotFoundError(`invoice ${id} not found`);
  return invoice;
}

type StandardInput = z.output<typeof standardInvoiceSchema>;
type CustomInput = z.output<typeof customInvoiceSchema>;

/**
 * Creates a draft invoice on a project, standard (billable events and signed quotes) or custom (free lines).
 * Events and quotes are claimed with a compare-and-set on `billed: false` before anything else is written, so
 * one can never land on two invoices (409); the number comes from the tenant's atomic per-year counter.
 */
export async function createInvoice(
  deps: InvoicingDeps,
  userId: string,
  projectId: string,
  input: StandardInput | CustomInput,
): Promise<InvoiceDoc> {
  const project = await requireProject(deps, userId, projectId);
  const settings = await getInvoiceSettings(deps.store, userId);
  const issueDate = input.issueDate ?? zurichCalendarDate(deps.clock.now());
  const dueDate = input.dueDate ?? addDays(issueDate, settings.paymentTermsDays);
  checkDates(deps, issueDate, dueDate);
  const vatRate = input.vatRate === undefined ? settings.defaultVatRate : percentToBasisPoints(input.vatRate);
  const invoiceId = newId();

  let customLines: LineDoc[] = [];
  let events: InvoiceEventLine[] = [];
  let quotes: InvoiceQuoteLine[] = [];
  if (input.invoiceType === 'custom') {
    if (input.customLines.length === 0) throw invalid(deps, 'no_lines', 'customLines');
    customLines = priceLines(input.customLines);
  } else {
    const eventIds = [...new Set(input.eventIds)];
    const quoteIds = [...new Set(input.quoteIds)];
    if (eventIds.length === 0 && quoteIds.length === 0) throw invalid(deps, 'nothing_to_bill', 'eventIds');
    const eventDocs = await loadBillable(eventsOf(deps), userId, projectId, eventIds, 'event', deps.lang);
    const quoteDocs = await loadBillable(quotesOf(deps), userId, projectId, quoteIds, 'quote', deps.lang);
    for (const quote of quoteDocs) {
      if (quote.status !== 'signed') throw new ConflictError(invoicingMessage('quote_not_signed', deps.lang, { title: quote.title }));
    }
    events = eventDocs.map(eventLine);
    quotes = quoteDocs.map(quoteLine);
  }

  const lines = [...events, ...quotes, ...customLines];
  const totals = computeTotals(lines.map((line) => ({ quantity: line.quantity, unitPrice: line.unitPrice, vatRate })));
  checkTotal(deps, totals.payableTotal);

  const claimed = await claimAll(deps, userId, invoiceId, events, quotes);
  try {
    const now = deps.clock.now();
    const number = await allocateInvoiceNumber(deps.store, userId, Number(issueDate.slice(0, 4)));
    const invoice = await invoicesOf(deps).insert({
      id: invoiceId,
      userId,
      projectId,
      number,
      invoiceType: input.invoiceType === 'custom' ? 'custom' : 'standard',
      customLines,
      events,
      quotes,
      customer: project.client,
      currency: 'CHF',
      subtotal: totals.subtotal,
      vatRate,
      vatBreakdown: totals.vatBreakdown,
      vatAmount: totals.vatAmount,
      total: totals.total,
      roundingAmount: totals.roundingAmount,
      payableTotal: totals.payableTotal,
      status: 'draft',
      issueDate,
      dueDate,
      notes: input.notes ?? '',
      reference: null,
      sentAt: null,
      paidAt: null,
      cancelledAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await fireEvent(deps, 'invoice.created', invoicePayload(invoice), userId);
    return invoice;
  } catch (error) {
    await claimed.release();
    throw error;
  }
}

/** Edits a draft: notes, dates, VAT rate, and the free lines of a custom invoice; totals are recomputed. */
export async function updateInvoice(
  deps: InvoicingDeps,
  userId: string,
  id: string,
  input: z.output<typeof invoiceUpdateSchema>,
): Promise<InvoiceDoc> {
  const invoice = await requireInvoice(deps, userId, id);
  if (invoice.status !== 'draft') throw lockedConflict(deps, invoice);
  if (input.customLines !== undefined && invoice.invoiceType !== 'custom') {
    throw invalid(deps, 'not_custom', 'customLines');
  }
  if (input.customLines !== undefined && input.customLines.length === 0) throw invalid(deps, 'no_lines', 'customLines');
  const issueDate = input.issueDate ?? invoice.issueDate;
  const dueDate = input.dueDate ?? invoice.dueDate;
  checkDates(deps, issueDate, dueDate);
  if (issueDate.slice(0, 4) !== invoice.number.slice(0, 4)) {
    // The number belongs to its year's sequence; moving the invoice to another year would break it.
    throw invalid(deps, 'year_locked', 'issueDate', { year: invoice.number.slice(0, 4), number: invoice.number });
  }
  const vatRate = input.vatRate === undefined ? invoice.vatRate : percentToBasisPoints(input.vatRate);
  const customLines = input.customLines === undefined ? invoice.customLines : priceLines(input.customLines);
  const lines = [...invoice.events, ...invoice.quotes, ...customLines];
  const totals = computeTotals(lines.map((line) => ({ quantity: line.quantity, unitPrice: line.unitPrice, vatRate })));
  checkTotal(deps, totals.payableTotal);
  const updated = await invoicesOf(deps).update(
    userId,
    id,
    {
      customLines,
      issueDate,
      dueDate,
      vatRate,
      notes: input.notes ?? invoice.notes,
      subtotal: totals.subtotal,
      vatBreakdown: totals.vatBreakdown,
      vatAmount: totals.vatAmount,
      total: totals.total,
      roundingAmount: totals.roundingAmount,
      payableTotal: totals.payableTotal,
      updatedAt: deps.clock.now(),
    },
    { where: { status: 'draft' } },
  );
  if (!updated) throw lockedConflict(deps, await requireInvoice(deps, userId, id));
  return updated;
}

/** draft → sent: the invoice is locked from now on and its payment reference frozen. */
export async function sendInvoice(deps: InvoicingDeps, userId: string, id: string): Promise<InvoiceDoc> {
  const invoice = await requireInvoice(deps, userId, id);
  const settings = await getInvoiceSettings(deps.store, userId);
  const now = deps.clock.now();
  const reference = settings.iban ? paymentReference(invoice.number, settings.iban) : null;
  return transition(deps, userId, id, ['draft'], { status: 'sent', sentAt: now, reference, updatedAt: now });
}

/** sent → paid; fires `invoice.paid`. */
export async function markInvoicePaid(deps: InvoicingDeps, userId: string, id: string): Promise<InvoiceDoc> {
  const now = deps.clock.now();
  const paid = await transition(deps, userId, id, ['sent'], { status: 'paid', paidAt: now, updatedAt: now });
  await fireEvent(deps, 'invoice.paid', invoicePayload(paid), userId);
  return paid;
}

/** draft or sent → cancelled; the number is kept and the events and quotes become billable again. */
export async function cancelInvoice(deps: InvoicingDeps, userId: string, id: string): Promise<InvoiceDoc> {
  const now = deps.clock.now();
  const cancelled = await transition(deps, userId, id, ['draft', 'sent'], { status: 'cancelled', cancelledAt: now, updatedAt: now });
  await releaseClaims(deps, userId, id);
  return cancelled;
}

/** The tenant's invoices, newest first, optionally by project and status. */
export async function listInvoices(
  deps: InvoicingDeps,
  userId: string,
  query: { projectId?: string; status?: InvoiceStatus; limit: number; offset: number },
): Promise<{ items: InvoiceDoc[]; total: number }> {
  return invoicesOf(deps).find(userId, {
    where: {
      ...(query.projectId ? { projectId: query.projectId } : {}),
      ...(query.status ? { status: query.status } : {}),
    },
    sort: { field: 'createdAt', direction: 'desc' },
    limit: query.limit,
    offset: query.offset,
  });
}

async function transition(
  deps: InvoicingDeps,
  userId: string,
  id: string,
  from: InvoiceStatus[],
  patch: Partial<InvoiceDoc>,
): Promise<InvoiceDoc> {
  const current = await requireInvoice(deps, userId, id);
  const updated = await invoicesOf(deps).update(userId, id, patch, { where: { status: from } });
  if (updated) return updated;
  const now = (await invoicesOf(deps).get(userId, id)) ?? current;
  throw new ConflictError(invoicingMessage('invoice_transition', deps.lang, { number: now.number, status: now.status }));
}

function eventLine(event: ProjectEventDoc): InvoiceEventLine {
  return {
    eventId: event.id,
    type: event.type,
    date: event.date,
    description: event.description,
    quantity: event.quantity,
    unitPrice: event.unitPrice,
    total: event.total,
  };
}

function quoteLine(quote: QuoteDoc): InvoiceQuoteLine {
  return { quoteId: quote.id, description: `Devis : ${quote.title}`, quantity: 1, unitPrice: quote.subtotal, total: quote.subtotal };
}

function checkTotal(deps: Pick<InvoicingDeps, 'lang'>, payableTotal: number): void {
  if (payableTotal < 0) throw invalid(deps, 'negative_total', 'customLines');
  // The QR-bill cannot carry more; refusing here keeps every stored invoice printable.
  if (payableTotal > MAX_CENTIMES) throw invalid(deps, 'total_too_large', 'customLines');
}

function checkDates(deps: Pick<InvoicingDeps, 'lang'>, issueDate: string, dueDate: string): void {
  if (dueDate < issueDate) throw invalid(deps, 'due_before_issue', 'dueDate');
}

function invalid(
  deps: Pick<InvoicingDeps, 'lang'>,
  key: InvoicingMessageKey,
  field: string,
  params: Record<string, string> = {},
): ConfigInvalidError {
  const message = invoicingMessage(key, deps.lang, params);
  return new ConfigInvalidError(message, [{ code: key, message, path: [field] }]);
}

function lockedConflict(deps: Pick<InvoicingDeps, 'lang'>, invoice: InvoiceDoc): ConflictError {
  return new ConflictError(invoicingMessage('invoice_locked', deps.lang, { number: invoice.number, status: invoice.status }));
}
