import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import type { InvoicingDeps } from './context';
import { createInvoiceRoutes } from './invoice-routes';
import { createProjectRoutes } from './project-routes';
import { createSettingsRoutes } from './settings-routes';

/**
 * The invoicing API, to mount under `/api` behind authentication (it reads the tenant from `c.get('userId')`).
 * @example app.route('/api', createInvoicingRoutes({ store, engine, clock }));
 */
export function createInvoicingRoutes(deps: InvoicingDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', createSettingsRoutes(deps));
  app.route('/', createProjectRoutes(deps));
  app.route('/', createInvoiceRoutes(deps));
  return app;
}
