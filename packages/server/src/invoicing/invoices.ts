import { NotFoundError, type DocumentCollection, type WriteOptions } from '@swigs/automation-core';
import type { z } from 'zod';
import type { HttpError } from '../http/http-error';
import { claimAll, loadBillable } from './billing-claims';
import { addDays, zurichCalendarDate } from './calendar';
import { newId, type InvoicingDeps } from './context';
import {
  Collections,
  type BilledLine,
  type InvoiceDoc,
  type InvoiceEventLine,
  type InvoiceQuoteLine,
  type InvoiceSettingsDoc,
  type InvoiceStatus,
  type LineDoc,
  type ProjectEventDoc,
  type QuoteDoc,
} from './documents';
import { conflictError, invalidField } from './errors';
import { announce, pendingEvent } from './event-outbox';
import { eventsOf } from './events';
import { invoiceLines } from './invoice-lines';
import { invoicePayload } from './invoice-payload';
import { billLines, priceLines, type BillingRules } from './lines';
import { MAX_CENTIMES } from './money';
import { allocateInvoiceNumber } from './numbering';
import { requireProject } from './projects';
import { quotesOf } from './quotes';
import type { customInvoiceSchema, invoiceUpdateSchema, standardInvoiceSchema } from './schemas';
import { getInvoiceSettings } from './settings';
import { computeTotals, documentTotals, type InvoiceTotals } from './totals';
import type { VatCategory } from './vat-rates';

/** The invoices collection. */
export function invoicesOf(deps: Pick<InvoicingDeps, 'store'>): DocumentCollection<InvoiceDoc> {
  return deps.store.collection<InvoiceDoc>(Collections.invoices);
}

/** The tenant's invoice, or `NotFoundError`. */
export async function requireInvoice(
  deps: Pick<InvoicingDeps, 'store'>,
  userId: string,
  id: string,
): Promise<InvoiceDoc> {
  const invoice = await invoicesOf(deps).get(userId, id);
  if (!invoice) throw new NotFoundError(`invoice ${id} not found`);
  return withDefaults(invoice);
}

type StandardInput = z.output<typeof standardInvoiceSchema>;
type CustomInput = z.output<typeof customInvoiceSchema>;

/**
 * Creates a draft invoice on a project, standard (billable events and signed quotes) or custom (free lines).
 * Events and quotes are claimed with a compare-and-set on `billed: false` before anything else is written, so
 * one can never land on two invoices (409); the number comes from the tenant's atomic per-year counter. Each
 * line's VAT rate follows its supply date.
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
  checkDates(issueDate, dueDate);
  const vatCategory = input.vatCategory ?? settings.defaultVatCategory;
  const rules = rulesOf(settings, vatCategory, issueDate);
  const invoiceId = newId();

  let parts: Pick<InvoiceDoc, 'events' | 'quotes' | 'customLines'> = { events: [], quotes: [], customLines: [] };
  if (input.invoiceType === 'custom') {
    if (input.customLines.length === 0) throw invalidField('no_lines', 'customLines');
    parts.customLines = billLines(priceLines(input.customLines), rules, ['customLines']);
  } else {
    const eventIds = [...new Set(input.eventIds)];
    const quoteIds = [...new Set(input.quoteIds)];
    if (eventIds.length === 0 && quoteIds.length === 0) throw invalidField('nothing_to_bill', 'eventIds');
    const eventDocs = await loadBillable(eventsOf(deps), userId, projectId, eventIds, 'event');
    const quoteDocs = await loadBillable(quotesOf(deps), userId, projectId, quoteIds, 'quote');
    for (const quote of quoteDocs) {
      if (quote.status !== 'signed') throw conflictError('quote_not_signed', { title: quote.title });
    }
    parts = {
      events: eventDocs.map((event, index) => billEvent(event, rules, index)),
      quotes: quoteDocs.map((quote, index) => billQuote(quote, rules, index)),
      customLines: [],
    };
  }
  const totals = totalsOf(parts, settings.vatRegistered);

  const claimed = await claimAll(deps, userId, invoiceId, parts.events, parts.quotes);
  try {
    const now = deps.clock.now();
    const number = await allocateInvoiceNumber(deps.store, userId, Number(issueDate.slice(0, 4)));
    const draft: InvoiceDoc = {
      id: invoiceId,
      userId,
      projectId,
      number,
      invoiceType: input.invoiceType === 'custom' ? 'custom' : 'standard',
      ...parts,
      customer: project.client,
      currency: 'CHF',
      vatCategory,
      vatRegistered: settings.vatRegistered,
      ...documentTotals(totals),
      status: 'draft',
      issueDate,
      dueDate,
      notes: input.notes ?? '',
      reference: null,
      snapshot: null,
      payments: [],
      paidAmount: 0,
      creditedAmount: 0,
      sentAt: null,
      paidAt: null,
      cancelledAt: null,
      createdAt: now,
      updatedAt: now,
    };
    // The event is stored with the invoice, so no crash between the two loses it.
    const event = pendingEvent(deps, 'invoice.created', invoicePayload(draft, zurichCalendarDate(now)), userId);
    const invoice = await invoicesOf(deps).insert(draft, { also: [event] });
    await announce(deps, event);
    return invoice;
  } catch (error) {
    await claimed.release();
    throw error;
  }
}

/** Edits a draft: notes, dates, VAT category, and the free lines of a custom invoice; lines and totals are re-billed. */
export async function updateInvoice(
  deps: InvoicingDeps,
  userId: string,
  id: string,
  input: z.output<typeof invoiceUpdateSchema>,
): Promise<InvoiceDoc> {
  const invoice = await requireInvoice(deps, userId, id);
  if (invoice.status !== 'draft') throw lockedConflict(invoice);
  if (input.customLines !== undefined && invoice.invoiceType !== 'custom') {
    throw invalidField('not_custom', 'customLines');
  }
  if (input.customLines !== undefined && input.customLines.length === 0) throw invalidField('no_lines', 'customLines');
  const issueDate = input.issueDate ?? invoice.issueDate;
  const dueDate = input.dueDate ?? invoice.dueDate;
  checkDates(issueDate, dueDate);
  if (issueDate.slice(0, 4) !== invoice.number.slice(0, 4)) {
    // The number belongs to its year's sequence; moving the invoice to another year would break it.
    throw invalidField('year_locked', 'issueDate', { year: invoice.number.slice(0, 4), number: invoice.number });
  }
  const settings = await getInvoiceSettings(deps.store, userId);
  const vatCategory = input.vatCategory ?? invoice.vatCategory;
  const parts = billParts(
    {
      events: invoice.events,
      quotes: invoice.quotes,
      customLines:
        input.customLines === undefined ? invoice.customLines : (priceLines(input.customLines) as BilledLine[]),
    },
    rulesOf(settings, vatCategory, issueDate),
    invoice.vatCategory,
  );
  const updated = await invoicesOf(deps).update(
    userId,
    id,
    {
      ...parts,
      issueDate,
      dueDate,
      vatCategory,
      vatRegistered: settings.vatRegistered,
      notes: input.notes ?? invoice.notes,
      ...documentTotals(totalsOf(parts, settings.vatRegistered)),
      updatedAt: deps.clock.now(),
    },
    { where: { status: 'draft' } },
  );
  if (!updated) throw lockedConflict(await requireInvoice(deps, userId, id));
  return withDefaults(updated);
}

/**
 * Re-bills the tenant's drafts after a settings change (VAT registration, default category): settings apply to
 * drafts alone, sent invoices keep their snapshot. A draft whose lines no longer bill (none today) is left as it is.
 */
export async function repriceDrafts(deps: InvoicingDeps, userId: string, settings: InvoiceSettingsDoc): Promise<void> {
  const { items } = await invoicesOf(deps).find(userId, { where: { status: 'draft' } });
  for (const stored of items) {
    const draft = withDefaults(stored);
    let parts: Pick<InvoiceDoc, 'events' | 'quotes' | 'customLines'>;
    try {
      parts = billParts(draft, rulesOf(settings, draft.vatCategory, draft.issueDate), draft.vatCategory);
    } catch {
      continue;
    }
    await invoicesOf(deps).update(
      userId,
      draft.id,
      { ...parts, vatRegistered: settings.vatRegistered, ...documentTotals(totalsOf(parts, settings.vatRegistered)) },
      { where: { status: 'draft' } },
    );
  }
}

/** The tenant's invoices, newest first, optionally by project and status. */
export async function listInvoices(
  deps: InvoicingDeps,
  userId: string,
  query: { projectId?: string; status?: InvoiceStatus; limit: number; offset: number },
): Promise<{ items: InvoiceDoc[]; total: number }> {
  const page = await invoicesOf(deps).find(userId, {
    where: {
      ...(query.projectId ? { projectId: query.projectId } : {}),
      ...(query.status ? { status: query.status } : {}),
    },
    sort: { field: 'createdAt', direction: 'desc' },
    limit: query.limit,
    offset: query.offset,
  });
  return { items: page.items.map(withDefaults), total: page.total };
}

/**
 * Moves an invoice between statuses with a compare-and-set on `from`; 409 naming the status it is in when another
 * request moved it first. `also` (an outbox event) is written with the move, only when it happens.
 */
export async function transition(
  deps: InvoicingDeps,
  userId: string,
  id: string,
  from: InvoiceStatus[],
  patch: Partial<InvoiceDoc>,
  where: Record<string, string | number> = {},
  also: WriteOptions['also'] = [],
): Promise<InvoiceDoc> {
  const current = await requireInvoice(deps, userId, id);
  const updated = await invoicesOf(deps).update(userId, id, patch, { where: { status: from, ...where }, also });
  if (updated) return withDefaults(updated);
  const now = (await invoicesOf(deps).get(userId, id)) ?? current;
  throw conflictError('invoice_transition', { number: now.number, status: now.status });
}

/** How lines are billed for the tenant's settings. */
export function rulesOf(settings: InvoiceSettingsDoc, category: VatCategory, issueDate: string): BillingRules {
  return { defaultCategory: category, vatRegistered: settings.vatRegistered, issueDate };
}

/**
 * Re-bills billed lines under new rules. Lines that had the invoice's previous default category follow the new
 * default; the others keep the category they were given.
 */
function billParts(
  parts: Pick<InvoiceDoc, 'events' | 'quotes' | 'customLines'>,
  rules: BillingRules,
  previousDefault: VatCategory,
): Pick<InvoiceDoc, 'events' | 'quotes' | 'customLines'> {
  const rebill = (lines: readonly LineDoc[], path: (string | number)[]): BilledLine[] =>
    billLines(
      lines.map((line) => (line.vatCategory === previousDefault ? { ...line, vatCategory: null } : line)),
      rules,
      path,
    );
  return {
    events: parts.events.map((event, index) => ({ ...event, ...rebill([event], ['eventIds', index])[0]! })),
    quotes: parts.quotes.map((quote, index) => ({
      ...quote,
      items: rebill(quote.items, ['quoteIds', index, 'lines']),
    })),
    customLines: rebill(parts.customLines, ['customLines']),
  };
}

function totalsOf(parts: Pick<InvoiceDoc, 'events' | 'quotes' | 'customLines'>, vatRegistered: boolean): InvoiceTotals {
  const totals = computeTotals(invoiceLines(parts), { vatRegistered });
  if (totals.payableTotal < 0) throw invalidField('negative_total', 'customLines');
  // The QR-bill cannot carry more; refusing here keeps every stored invoice printable.
  if (totals.payableTotal > MAX_CENTIMES) throw invalidField('total_too_large', 'customLines');
  return totals;
}

/** An hours or expense event as a billed line: hours in h, supplied on the event's date. */
function billEvent(event: ProjectEventDoc, rules: BillingRules, index: number): InvoiceEventLine {
  const line: LineDoc = {
    description: event.description,
    quantity: event.quantity,
    unit: event.type === 'hours' ? 'h' : null,
    unitPrice: event.unitPrice,
    total: event.total,
    vatCategory: event.vatCategory ?? null,
    serviceDate: event.date,
    serviceEndDate: null,
  };
  return {
    eventId: event.id,
    type: event.type,
    date: event.date,
    ...billLines([line], rules, ['eventIds', index])[0]!,
  };
}

/** A signed quote as billed: each of its items, listed under the quote's number. */
function billQuote(quote: QuoteDoc, rules: BillingRules, index: number): InvoiceQuoteLine {
  return {
    quoteId: quote.id,
    number: quote.number ?? null,
    title: quote.title,
    items: billLines(quote.lines, rules, ['quoteIds', index, 'lines']),
    total: quote.subtotal,
  };
}

function checkDates(issueDate: string, dueDate: string): void {
  if (dueDate < issueDate) throw invalidField('due_before_issue', 'dueDate');
}

function lockedConflict(invoice: InvoiceDoc): HttpError {
  return conflictError('invoice_locked', { number: invoice.number, status: invoice.status });
}

/** Invoices stored before payments, credit notes and snapshots existed read as if they had none. */
export function withDefaults(invoice: InvoiceDoc): InvoiceDoc {
  if (Array.isArray(invoice.payments)) return invoice;
  const legacy = invoice as unknown as Omit<InvoiceDoc, 'quotes'> & {
    vatRate?: number;
    quotes: (InvoiceQuoteLine & { description?: string })[];
  };
  return {
    ...invoice,
    vatCategory: invoice.vatCategory ?? 'standard',
    vatRegistered: invoice.vatRegistered ?? invoice.vatBreakdown.length > 0,
    customLines: invoice.customLines.map((line) => ({ ...line, ...legacyLine(line, legacy.vatRate) })),
    events: invoice.events.map((line) => ({ ...line, ...legacyLine(line, legacy.vatRate), serviceDate: line.date })),
    quotes: legacy.quotes.map((quote) =>
      quote.items
        ? quote
        : {
            quoteId: quote.quoteId,
            number: null,
            title: quote.description ?? '',
            items: [
              { ...(quote as unknown as BilledLine), ...legacyLine(quote as unknown as BilledLine, legacy.vatRate) },
            ],
            total: quote.total,
          },
    ),
    snapshot: invoice.snapshot ?? null,
    payments: [],
    paidAmount: invoice.status === 'paid' ? invoice.payableTotal : 0,
    creditedAmount: 0,
  };
}

function legacyLine(line: Partial<BilledLine>, vatRate: number | undefined): Partial<BilledLine> {
  return {
    unit: line.unit ?? null,
    vatCategory: line.vatCategory ?? 'standard',
    serviceDate: line.serviceDate ?? null,
    serviceEndDate: line.serviceEndDate ?? null,
    vatRate: line.vatRate ?? vatRate ?? 0,
  };
}
