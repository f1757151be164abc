import { createRoute } from '@hono/zod-openapi';
import { createRouter, type ApiRouter } from '../http/router';
import { jsonContent, jsonRequest } from '../openapi/responses';
import type { InvoicingDeps } from './context';
import { DUNNING_TEMPLATES, installDunning } from './dunning';
import { DunningInstalledSchema, SettingsJsonSchema } from './response-schemas';
import { settingsSchema } from './schemas';
import { settingsJson } from './serialize';
import { repriceDrafts } from './invoices';
import { getInvoiceSettings, saveInvoiceSettings } from './settings';

const tags = ['invoicing settings'];

const getSettingsRoute = createRoute({
  operationId: 'getInvoicingSettings',
  method: 'get',
  path: '/settings/invoicing',
  tags,
  summary: 'Invoicing settings of the tenant',
  responses: { 200: jsonContent(SettingsJsonSchema, 'The settings') },
});

const saveSettingsRoute = createRoute({
  operationId: 'saveInvoicingSettings',
  method: 'put',
  path: '/settings/invoicing',
  tags,
  summary: 'Replace the invoicing settings',
  request: { body: jsonRequest(settingsSchema) },
  responses: { 200: jsonContent(SettingsJsonSchema, 'The settings') },
});

const installDunningRoute = createRoute({
  operationId: 'installDunning',
  method: 'post',
  path: '/settings/invoicing/dunning',
  tags,
  summary: 'Install the « Relances » automation and its three French templates (editable in the builder)',
  responses: {
    200: jsonContent(DunningInstalledSchema, 'Already installed: the existing automation'),
    201: jsonContent(DunningInstalledSchema, 'Installed'),
  },
});

/** The tenant's invoicing settings. */
export function createSettingsRoutes(deps: InvoicingDeps): ApiRouter {
  const app = createRouter();
  app.openapi(getSettingsRoute, async (c) =>
    c.json(settingsJson(await getInvoiceSettings(deps.store, c.get('userId'))), 200),
  );
  app.openapi(saveSettingsRoute, async (c) => {
    const userId = c.get('userId');
    const saved = await saveInvoiceSettings(deps.store, userId, c.req.valid('json'), deps.clock.now());
    // Settings apply to drafts alone: re-bill them (VAT registration, default category).
    await repriceDrafts(deps, userId, saved);
    return c.json(settingsJson(saved), 200);
  });
  app.openapi(installDunningRoute, async (c) => {
    const { automation, created } = await installDunning(deps.store, c.get('userId'), deps.clock.now());
    const body = { automationId: automation.id, name: automation.name, templateIds: [...DUNNING_TEMPLATES] };
    return created ? c.json(body, 201) : c.json(body, 200);
  });
  return app;
}
