import type { Engine, RunStore } from '@swigs/automation-core';

/** One business event the bridge hands to the engine. */
export interface CmsEvent {
  eventType: string;
  payload: unknown;
  /** Passed to `fire`: the engine starts each automation at most once per key. */
  dedupeKey: string;
  /** The bridge's own marker, written after `fire` resolved, so a known event costs one lookup. */
  seenKey: string;
}

/** Options of `createEventSink`. */
export interface EventSinkOptions {
  store: Pick<RunStore, 'keys'>;
  fire: Engine['fire'];
  userId?: string;
}

/** Delivers events to the engine at least once, and never twice at the same time within this process. */
export interface EventSink {
  /** True when `fire` was called, false when the event was already delivered (by the poller or a webhook). */
  deliver(event: CmsEvent): Promise<boolean>;
}

/**
 * The order is: check the seen key, fire with the dedupe key, then add the seen key. A crash between `fire`
 * and the seen key only means the event is fired again later, and the engine's dedupe key absorbs it
 * (at-least-once towards the engine, at most one run per automation and event).
 */
export function createEventSink(options: EventSinkOptions): EventSink {
  const { store, fire, userId } = options;
  const inFlight = new Map<string, Promise<boolean>>();

  const deliver = async (event: CmsEvent): Promise<boolean> => {
    const running = inFlight.get(event.seenKey);
    if (running) {
      // The other path (poller or webhook) is delivering it; if that failed, try ourselves.
      const delivered = await running.then(
        () => true,
        () => false,
      );
      return delivered ? false : deliver(event);
    }
    const attempt = (async () => {
      if (await store.keys.has(event.seenKey)) return false;
      await fire(event.eventType, event.payload, { dedupeKey: event.dedupeKey, ...(userId ? { userId } : {}) });
      await store.keys.add(event.seenKey);
      return true;
    })();
    inFlight.set(event.seenKey, attempt);
    try {
      return await attempt;
    } finally {
      inFlight.delete(event.seenKey);
    }
  };

  return { deliver };
}

/** The keys of an order reaching `status`. */
export function orderEventKeys(orderId: string, status: string): Pick<CmsEvent, 'dedupeKey' | 'seenKey'> {
  return { dedupeKey: `cms:order:${orderId}:${status}`, seenKey: `cms:seen:order:${orderId}:${status}` };
}

/** The keys of a customer's `customer.created`. */
export function customerEventKeys(customerId: string): Pick<CmsEvent, 'dedupeKey' | 'seenKey'> {
  return { dedupeKey: `cms:customer:${customerId}:created`, seenKey: `cms:seen:customer:${customerId}:created` };
}
