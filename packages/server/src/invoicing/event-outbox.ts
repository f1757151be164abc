import type { CompanionInsert, Engine, StoredDocument } from '@swigs/automation-core';
import { Collections } from './documents';
import type { InvoicingDeps } from './context';

/**
 * An automation event not yet handed to the engine. It is written in the same atomic write as the record change it
 * announces (`also`), so a crash (kill -9) right after that write cannot lose it: delivery fires it with its id as
 * the dedupe key, then deletes it.
 */
export interface PendingEventDoc extends StoredDocument {
  type: string;
  payload: unknown;
  createdAt: Date;
}

/** The event types the server writes through the outbox (the redelivery looks for tenants listening to them). */
export const OUTBOX_EVENT_TYPES = [
  'invoice.created',
  'invoice.sent',
  'invoice.paid',
  'project.status_changed',
] as const;
export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

/** A new pending event of `userId`, with a fresh id; pass it as `{ also: [event] }` to the record's write. */
export function pendingEvent(
  deps: Pick<InvoicingDeps, 'clock'>,
  type: OutboxEventType,
  payload: unknown,
  userId: string,
): CompanionInsert & { doc: PendingEventDoc } {
  return {
    collection: Collections.eventOutbox,
    doc: { id: crypto.randomUUID(), userId, type, payload, createdAt: deps.clock.now() },
  };
}

/**
 * Hands a pending event to the engine and removes it once its runs are recorded (`fire` resolves after that).
 * The dedupe key is the event id, so a second delivery (after a crash, or by two processes at once) starts no
 * second run. Rejects when `fire` failed: the event stays for the redelivery.
 */
export async function deliverEvent(
  deps: Pick<InvoicingDeps, 'store'> & { engine: Pick<Engine, 'fire'> },
  event: PendingEventDoc,
): Promise<void> {
  await deps.engine.fire(event.type, event.payload, { userId: event.userId, dedupeKey: eventDedupeKey(event.id) });
  await deps.store.collection<PendingEventDoc>(Collections.eventOutbox).delete(event.userId, event.id);
}

/** The dedupe key of an outbox event: the engine keeps it per automation (`<key>:<automationId>`). */
export function eventDedupeKey(eventId: string): string {
  return `event:${eventId}`;
}

/**
 * Delivers an event right after its record was written; a failing automation never undoes or fails the request,
 * the event simply stays in the outbox for the redelivery.
 */
export async function announce(deps: InvoicingDeps, event: CompanionInsert & { doc: PendingEventDoc }): Promise<void> {
  try {
    await deliverEvent(deps, event.doc);
  } catch (error) {
    deps.logger?.error('invoicing: an automation event could not be delivered yet; it will be delivered again', {
      type: event.doc.type,
      eventId: event.doc.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
