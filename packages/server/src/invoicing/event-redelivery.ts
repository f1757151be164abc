import type { Clock, Engine, Logger, Store } from '@swigs/automation-core';
import { Collections } from './documents';
import { deliverEvent, OUTBOX_EVENT_TYPES, type PendingEventDoc } from './event-outbox';
import { periodicLoop } from './periodic-loop';

/** Options of `createEventRedelivery`. */
export interface EventRedeliveryOptions {
  store: Store;
  engine: Pick<Engine, 'fire'>;
  clock: Clock;
  logger?: Logger;
  /** How often to look for leftovers after the pass at start-up; default every 30 s. */
  intervalMs?: number;
  /**
   * Events younger than this are left to the request that wrote them (a second delivery would be absorbed by the
   * dedupe key, but costs a second `fire`); default 10 s. The pass at start-up takes every event: none of this
   * process's requests is still running.
   */
  graceMs?: number;
  /** Older events are dropped instead of starting automations days late; default 7 days. */
  maxAgeMs?: number;
  /** Events per tenant and pass; default 100. */
  batchSize?: number;
}

/** The redelivery loop: `runOnce()` for one pass, `start()`/`stop()` for the loop on the clock. */
export interface EventRedelivery {
  /** Delivers leftovers once (`all`: young ones too); resolves with how many were delivered. */
  runOnce(options?: { all?: boolean }): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Delivers the outbox events a crash or a failed `fire` left behind: at start-up, then every `intervalMs`. Every
 * query is tenant-scoped: the tenants are those with an active automation on an outbox event type (or a delayed
 * trigger, which may follow one); an event of a tenant with none would start nothing, and waits until it has one.
 */
export function createEventRedelivery(options: EventRedeliveryOptions): EventRedelivery {
  const intervalMs = options.intervalMs ?? 30_000;
  const graceMs = options.graceMs ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 7 * 86_400_000;
  const batchSize = options.batchSize ?? 100;
  const outbox = options.store.collection<PendingEventDoc>(Collections.eventOutbox);

  async function tenants(): Promise<Set<string>> {
    const found = await Promise.all(
      [...OUTBOX_EVENT_TYPES, 'time.delay'].map((type) => options.store.automations.findActiveByTrigger(type)),
    );
    return new Set(found.flat().map((automation) => automation.userId));
  }

  async function runOnce(pass: { all?: boolean } = {}): Promise<number> {
    const now = options.clock.now().getTime();
    const grace = pass.all ? Number.NEGATIVE_INFINITY : graceMs;
    let delivered = 0;
    for (const userId of await tenants()) {
      const { items } = await outbox.find(userId, {
        sort: { field: 'createdAt', direction: 'asc' },
        limit: batchSize,
      });
      for (const event of items) {
        const age = now - new Date(event.createdAt).getTime();
        if (age < grace) continue;
        if (age > maxAgeMs) {
          options.logger?.warn('invoicing: an automation event too old to deliver was dropped', {
            type: event.type,
            eventId: event.id,
            userId,
          });
          await outbox.delete(userId, event.id);
          continue;
        }
        try {
          await deliverEvent(options, event);
          delivered++;
        } catch (error) {
          options.logger?.error('invoicing: redelivering an automation event failed; it tries again next time', {
            type: event.type,
            eventId: event.id,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    }
    if (delivered > 0) options.logger?.info('invoicing: automation events delivered again', { delivered });
    return delivered;
  }

  const repeat = periodicLoop({
    clock: options.clock,
    intervalMs,
    logger: options.logger,
    failure: 'invoicing: the event redelivery failed; it tries again next time',
    pass: (first) => runOnce({ all: first }),
  });
  return { runOnce, start: repeat.start, stop: repeat.stop };
}
