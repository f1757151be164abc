import type { Clock, Engine, Logger, Store } from '@swigs/automation-core';
import type { InvoiceLinks } from './public-links';

/** What the invoicing module needs from the host server. */
export interface InvoicingDeps {
  store: Store;
  engine: Pick<Engine, 'fire'>;
  clock: Clock;
  /** Told when an automation event could not be delivered at once (it stays in the outbox; the change stands). */
  logger?: Logger;
  /** Signed PDF links for reminders (needs `PUBLIC_URL`); without it, no link and no public route. */
  links?: InvoiceLinks;
}

/** A fresh document id. */
export function newId(): string {
  return crypto.randomUUID();
}
