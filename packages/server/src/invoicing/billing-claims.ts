import { NotFoundError, type DocumentCollection } from '@swigs/automation-core';
import type { InvoicingDeps } from './context';
import type { InvoiceEventLine, InvoiceQuoteLine, ProjectEventDoc, QuoteDoc } from './documents';
import { eventsOf } from './events';
import { conflictError, invalidField } from './errors';
import { quotesOf } from './quotes';

/** Loads events or quotes to bill: they must be the tenant's, on this project, and not billed yet. */
export async function loadBillable<T extends ProjectEventDoc | QuoteDoc>(
  collection: DocumentCollection<T>,
  userId: string,
  projectId: string,
  ids: string[],
  kind: 'event' | 'quote',
): Promise<T[]> {
  const docs: T[] = [];
  for (const id of ids) {
    const doc = await collection.get(userId, id);
    if (!doc) throw new NotFoundError(`${kind} ${id} not found`);
    if (doc.projectId !== projectId) throw invalidField(`${kind}_wrong_project`, `${kind}Ids`, { id });
    if (doc.billed) throw conflictError(`${kind}_billed`, { id });
    docs.push(doc);
  }
  return docs;
}

/** Marks each event and quote billed by this invoice, all or nothing. */
export async function claimAll(
  deps: InvoicingDeps,
  userId: string,
  invoiceId: string,
  events: InvoiceEventLine[],
  quotes: InvoiceQuoteLine[],
): Promise<{ release: () => Promise<void> }> {
  const release = (): Promise<void> => releaseClaims(deps, userId, invoiceId);
  for (const line of events) {
    const claimed = await eventsOf(deps).update(
      userId,
      line.eventId,
      { billed: true, invoiceId },
      { where: { billed: false } },
    );
    if (!claimed) {
      await release();
      throw conflictError('event_billed', { id: line.eventId });
    }
  }
  for (const line of quotes) {
    const claimed = await quotesOf(deps).update(
      userId,
      line.quoteId,
      { billed: true, invoiceId },
      { where: { billed: false, status: 'signed' } },
    );
    if (!claimed) {
      await release();
      throw conflictError('quote_billed', { id: line.quoteId });
    }
  }
  return { release };
}

/** Makes the events and quotes of an invoice billable again. */
export async function releaseClaims(deps: InvoicingDeps, userId: string, invoiceId: string): Promise<void> {
  for (const collection of [eventsOf(deps), quotesOf(deps)] as DocumentCollection<ProjectEventDoc | QuoteDoc>[]) {
    const { items } = await collection.find(userId, { where: { invoiceId } });
    for (const item of items)
      await collection.update(userId, item.id, { billed: false, invoiceId: null }, { where: { invoiceId } });
  }
}
