import { createRouter, type ApiRouter } from '../http/router';
import type { InvoicingDeps } from './context';
import { createEventRoutes } from './event-routes';
import { createCreditNoteRoutes } from './credit-note-routes';
import { createInvoiceRoutes } from './invoice-routes';
import { createProjectRoutes } from './project-routes';
import { createPublicInvoiceRoutes } from './public-invoice-routes';
import { createQuoteRoutes } from './quote-routes';
import { createSettingsRoutes } from './settings-routes';

/**
 * The invoicing API, to mount under `/api` behind authentication (it reads the tenant from `c.get('userId')`).
 * @example app.route('/api', createInvoicingRoutes({ store, engine, clock }));
 */
export function createInvoicingRoutes(deps: InvoicingDeps): ApiRouter {
  const app = createRouter();
  app.route('/', createSettingsRoutes(deps));
  app.route('/', createProjectRoutes(deps));
  app.route('/', createEventRoutes(deps));
  app.route('/', createQuoteRoutes(deps));
  app.route('/', createInvoiceRoutes(deps));
  app.route('/', createCreditNoteRoutes(deps));
  if (deps.links) app.route('/', createPublicInvoiceRoutes(deps, deps.links));
  return app;
}
