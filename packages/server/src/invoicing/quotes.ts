import { NotFoundError, type DocumentCollection } from '@swigs/automation-core';
import type { z } from 'zod';
import { newId, type InvoicingDeps } from './context';
import { Collections, type QuoteDoc } from './documents';
import { zurichCalendarDate } from './calendar';
import { priceLines, sumLines } from './lines';
import { formatInvoiceNumber } from './numbering';
import { conflictError } from './errors';
import { requireProject } from './projects';
import type { quoteCreateSchema, quoteUpdateSchema } from './schemas';

/** The quotes collection. */
export function quotesOf(deps: Pick<InvoicingDeps, 'store'>): DocumentCollection<QuoteDoc> {
  return deps.store.collection<QuoteDoc>(Collections.quotes);
}

/** The tenant's quote, or `NotFoundError`. */
export async function requireQuote(deps: Pick<InvoicingDeps, 'store'>, userId: string, id: string): Promise<QuoteDoc> {
  const quote = await quotesOf(deps).get(userId, id);
  if (!quote) throw new NotFoundError(`quote ${id} not found`);
  return quote;
}

/** Creates a draft quote on a project. */
export async function createQuote(
  deps: InvoicingDeps,
  userId: string,
  projectId: string,
  input: z.output<typeof quoteCreateSchema>,
): Promise<QuoteDoc> {
  await requireProject(deps, userId, projectId);
  const now = deps.clock.now();
  const lines = priceLines(input.lines);
  const year = zurichCalendarDate(now).slice(0, 4);
  const sequence = await deps.store.counters.next(`quote:${userId}:${year}`);
  return quotesOf(deps).insert({
    id: newId(),
    userId,
    projectId,
    number: `DEV-${formatInvoiceNumber(Number(year), sequence)}`,
    title: input.title,
    lines,
    subtotal: sumLines(lines),
    status: 'draft',
    validUntil: input.validUntil,
    signedAt: null,
    signedBy: null,
    billed: false,
    invoiceId: null,
    createdAt: now,
    updatedAt: now,
  });
}

/** Edits a quote while it is a draft (409 once signed). */
export async function updateQuote(
  deps: InvoicingDeps,
  userId: string,
  id: string,
  input: z.output<typeof quoteUpdateSchema>,
): Promise<QuoteDoc> {
  await requireQuote(deps, userId, id);
  const patch: Partial<QuoteDoc> = { updatedAt: deps.clock.now() };
  if (input.title !== undefined) patch.title = input.title;
  if (input.validUntil !== undefined) patch.validUntil = input.validUntil;
  if (input.lines !== undefined) {
    patch.lines = priceLines(input.lines);
    patch.subtotal = sumLines(patch.lines);
  }
  const updated = await quotesOf(deps).update(userId, id, patch, { where: { status: 'draft' } });
  if (!updated) throw conflictError('quote_signed');
  return updated;
}

/** Signs a draft quote, which makes it billable (409 when already signed). */
export async function signQuote(
  deps: InvoicingDeps,
  userId: string,
  id: string,
  input: { signedBy?: string },
): Promise<QuoteDoc> {
  await requireQuote(deps, userId, id);
  const now = deps.clock.now();
  const updated = await quotesOf(deps).update(
    userId,
    id,
    { status: 'signed', signedAt: now, signedBy: input.signedBy ?? null, updatedAt: now },
    { where: { status: 'draft' } },
  );
  if (!updated) throw conflictError('quote_already_signed');
  return updated;
}

/** Deletes a quote that is not billed (409 once billed). */
export async function deleteQuote(deps: InvoicingDeps, userId: string, id: string): Promise<void> {
  const quote = await requireQuote(deps, userId, id);
  if (quote.billed) throw conflictError('quote_billed_delete');
  await quotesOf(deps).delete(userId, id);
}

/** A project's quotes, oldest first. */
export async function listQuotes(
  deps: InvoicingDeps,
  userId: string,
  projectId: string,
): Promise<{ items: QuoteDoc[]; total: number }> {
  await requireProject(deps, userId, projectId);
  return quotesOf(deps).find(userId, { where: { projectId }, sort: { field: 'createdAt', direction: 'asc' } });
}
