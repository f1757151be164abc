import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env';
import { parseWith, readJson, readRawJson } from '../http/read-json';
import { forRequest, type InvoicingDeps } from './context';
import { renderInvoicePdf } from './invoice-pdf';
import {
  cancelInvoice,
  createInvoice,
  listInvoices,
  markInvoicePaid,
  requireInvoice,
  sendInvoice,
  updateInvoice,
} from './invoices';
import { priceLines } from './lines';
import { centimesToChf, percentToBasisPoints, basisPointsToPercent } from './money';
import { projectsOf, requireProject } from './projects';
import { invoiceListQuerySchema } from './query-schemas';
import { customInvoiceSchema, invoiceUpdateSchema, lineInputSchema, standardInvoiceSchema, vatRateSchema } from './schemas';
import { invoiceJson } from './serialize';
import { getInvoiceSettings } from './settings';
import { computeTotals } from './totals';

const previewSchema = z.object({
  customLines: z.array(lineInputSchema).max(500).default([]),
  vatRate: vatRateSchema.optional(),
});

/** Invoices: creation (standard or custom), list, detail, draft edits, send, paid, cancel, PDF, totals preview. */
export function createInvoiceRoutes(deps: InvoicingDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const scoped = (c: Context<AppEnv>): InvoicingDeps => forRequest(deps, c.get('lang'));

  app.post('/projects/:projectId/invoices', async (c) => {
    const raw = await readRawJson(c);
    const isCustom = typeof raw === 'object' && raw !== null && (raw as { invoiceType?: unknown }).invoiceType === 'custom';
    const input = isCustom ? parseWith(c, customInvoiceSchema, raw) : parseWith(c, standardInvoiceSchema, raw ?? {});
    return c.json(invoiceJson(await createInvoice(scoped(c), c.get('userId'), c.req.param('projectId'), input)), 201);
  });
  app.get('/projects/:projectId/invoices', async (c) => {
    const userId = c.get('userId');
    const projectId = c.req.param('projectId');
    await requireProject(scoped(c), userId, projectId);
    const query = parseWith(c, invoiceListQuerySchema, c.req.query());
    const { items, total } = await listInvoices(scoped(c), userId, { ...query, projectId });
    return c.json({ items: items.map(invoiceJson), total, limit: query.limit, offset: query.offset });
  });

  app.get('/invoices', async (c) => {
    const query = parseWith(c, invoiceListQuerySchema, c.req.query());
    const { items, total } = await listInvoices(scoped(c), c.get('userId'), query);
    return c.json({ items: items.map(invoiceJson), total, limit: query.limit, offset: query.offset });
  });
  app.post('/invoices/preview', async (c) => {
    const input = await readJson(c, previewSchema);
    const settings = await getInvoiceSettings(deps.store, c.get('userId'));
    const vatRate = input.vatRate === undefined ? settings.defaultVatRate : percentToBasisPoints(input.vatRate);
    const lines = priceLines(input.customLines);
    const totals = computeTotals(lines.map((line) => ({ ...line, vatRate })));
    return c.json({
      lines: lines.map((line) => ({ ...line, unitPrice: centimesToChf(line.unitPrice), total: centimesToChf(line.total) })),
      subtotal: centimesToChf(totals.subtotal),
      vatRate: basisPointsToPercent(vatRate),
      vatAmount: centimesToChf(totals.vatAmount),
      total: centimesToChf(totals.total),
      roundingAmount: centimesToChf(totals.roundingAmount),
      payableTotal: centimesToChf(totals.payableTotal),
    });
  });
  app.get('/invoices/:invoiceId', async (c) =>
    c.json(invoiceJson(await requireInvoice(scoped(c), c.get('userId'), c.req.param('invoiceId')))),
  );
  app.patch('/invoices/:invoiceId', async (c) => {
    const input = await readJson(c, invoiceUpdateSchema);
    return c.json(invoiceJson(await updateInvoice(scoped(c), c.get('userId'), c.req.param('invoiceId'), input)));
  });
  app.post('/invoices/:invoiceId/send', async (c) =>
    c.json(invoiceJson(await sendInvoice(scoped(c), c.get('userId'), c.req.param('invoiceId')))),
  );
  app.post('/invoices/:invoiceId/paid', async (c) =>
    c.json(invoiceJson(await markInvoicePaid(scoped(c), c.get('userId'), c.req.param('invoiceId')))),
  );
  app.post('/invoices/:invoiceId/cancel', async (c) =>
    c.json(invoiceJson(await cancelInvoice(scoped(c), c.get('userId'), c.req.param('invoiceId')))),
  );
  app.get('/invoices/:invoiceId/pdf', async (c) => {
    const userId = c.get('userId');
    const invoice = await requireInvoice(scoped(c), userId, c.req.param('invoiceId'));
    const [settings, project] = await Promise.all([
      getInvoiceSettings(deps.store, userId),
      projectsOf(deps).get(userId, invoice.projectId),
    ]);
    const pdf = await renderInvoicePdf({ invoice, settings, project, lang: c.get('lang') });
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="facture-${invoice.number}.pdf"`,
    });
  });

  return app;
}
