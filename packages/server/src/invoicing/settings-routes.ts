import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { readJson } from '../http/read-json';
import type { InvoicingDeps } from './context';
import { settingsSchema } from './schemas';
import { settingsJson } from './serialize';
import { getInvoiceSettings, saveInvoiceSettings } from './settings';

/** The tenant's invoicing settings. */
export function createSettingsRoutes(deps: InvoicingDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/settings/invoicing', async (c) => c.json(settingsJson(await getInvoiceSettings(deps.store, c.get('userId')))));
  app.put('/settings/invoicing', async (c) => {
    const input = await readJson(c, settingsSchema);
    return c.json(settingsJson(await saveInvoiceSettings(deps.store, c.get('userId'), input, deps.clock.now())));
  });
  return app;
}
