import type { Clock, Engine, Logger, Store } from '@swigs/automation-core';
import type { InvoiceLinks } from './public-links';

/** What the invoicing module needs from the host server. */
export interface InvoicingDeps {
  store: Store;
  engine: Pick<Engine, 'fire'>;
  clock: Clock;
  /** Told when an automation event could not be fired (the record change itself stands). */
  logger?: Logger;
  /** Signed PDF links for reminders (needs `PUBLIC_URL`); without it, no link and no public route. */
  links?: InvoiceLinks;
}

/** Fires an automation event after the change is stored; a failing automation never undoes or fails the request. */
export async function fireEvent(deps: InvoicingDeps, type: string, payload: unknown, userId: string): Promise<void> {
  try {
    await deps.engine.fire(type, payload, { userId });
  } catch (error) {
    deps.logger?.error('invoicing: firing an automation event failed', {
      type,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** A fresh document id. */
export function newId(): string {
  return crypto.randomUUID();
}
