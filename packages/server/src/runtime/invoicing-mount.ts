import type { Clock, Engine, Logger, RecordPort, Store } from '@swigs/automation-core';
import type { ApiRouter } from '../http/router';
import { createInvoicingRecordPort, createInvoicingRoutes, type InvoiceLinks } from '../invoicing/index';

/** The invoicing routes (settings, projects, events, quotes, invoices), mounted under `/api` behind auth. */
export function invoicingRoutes(deps: {
  store: Store;
  engine: Pick<Engine, 'fire'>;
  clock: Clock;
  logger: Logger;
  links?: InvoiceLinks;
}): ApiRouter {
  return createInvoicingRoutes(deps);
}

/** The invoicing `RecordPort` for `update_record` (projects and invoices). */
export function invoicingRecords(deps: { store: Store; engine: Pick<Engine, 'fire'>; clock: Clock }): RecordPort {
  return createInvoicingRecordPort(deps.store, { clock: deps.clock, engine: deps.engine });
}
