import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, type ApiRouter } from '../http/router';
import { errorResponses, jsonContent, jsonRequest } from '../openapi/responses';
import { pageBody } from '../routes/paging';
import type { InvoicingDeps } from './context';
import { zurichCalendarDate } from './calendar';
import { creditNotesOfInvoice } from './credit-notes';
import { invoiceCancelRoute } from './credit-note-routes';
import { cancelInvoice } from './invoice-cancel';
import { invoicePdf } from './invoice-pdf';
import { sendInvoice } from './invoice-send';
import { createInvoice, listInvoices, requireInvoice, rulesOf, updateInvoice } from './invoices';
import { billLines, priceLines } from './lines';
import { basisPointsToPercent, centimesToChf } from './money';
import { markInvoicePaid, recordPayment } from './payments';
import { requireProject } from './projects';
import { InvoiceParamsSchema, ProjectParamsSchema, invoiceListQuerySchema } from './query-schemas';
import { InvoiceJsonSchema, InvoicePageSchema, InvoicePreviewSchema } from './response-schemas';
import {
  customInvoiceSchema,
  invoiceUpdateSchema,
  lineInputSchema,
  paymentSchema,
  standardInvoiceSchema,
} from './schemas';
import { invoiceJson } from './serialize';
import { getInvoiceSettings } from './settings';
import { computeTotals } from './totals';
import { VAT_CATEGORIES } from './vat-rates';

const tags = ['invoices'];

/** A standard invoice (events and signed quotes) unless `invoiceType` is `custom` (free lines). */
const invoiceCreateSchema = z
  .discriminatedUnion('invoiceType', [customInvoiceSchema, standardInvoiceSchema])
  .openapi('InvoiceCreate');

const previewSchema = z
  .object({
    customLines: z.array(lineInputSchema).max(500).default([]),
    vatCategory: z.enum(VAT_CATEGORIES).optional(),
    /** Supply date of lines without one; default today. */
    issueDate: z.iso.date().optional(),
  })
  .openapi('InvoicePreviewBody');

const createInvoiceRoute = createRoute({
  operationId: 'createInvoice',
  method: 'post',
  path: '/projects/{projectId}/invoices',
  tags,
  summary: 'Create a standard invoice (eventIds, quoteIds) or a custom one (invoiceType: custom, customLines)',
  request: { params: ProjectParamsSchema, body: jsonRequest(invoiceCreateSchema) },
  responses: { 201: jsonContent(InvoiceJsonSchema, 'The draft invoice'), ...errorResponses(409) },
});

const listProjectInvoicesRoute = createRoute({
  operationId: 'listProjectInvoices',
  method: 'get',
  path: '/projects/{projectId}/invoices',
  tags,
  summary: 'Invoices of a project, newest first',
  request: { params: ProjectParamsSchema, query: invoiceListQuerySchema.omit({ projectId: true }) },
  responses: { 200: jsonContent(InvoicePageSchema, 'A page of invoices') },
});

const listInvoicesRoute = createRoute({
  operationId: 'listInvoices',
  method: 'get',
  path: '/invoices',
  tags,
  summary: 'Invoices of the tenant, newest first',
  request: { query: invoiceListQuerySchema },
  responses: { 200: jsonContent(InvoicePageSchema, 'A page of invoices') },
});

const previewInvoiceRoute = createRoute({
  operationId: 'previewInvoice',
  method: 'post',
  path: '/invoices/preview',
  tags,
  summary: 'Totals of draft lines (VAT, 0.05 rounding), nothing stored',
  request: { body: jsonRequest(previewSchema) },
  responses: { 200: jsonContent(InvoicePreviewSchema, 'The totals') },
});

const getInvoiceRoute = createRoute({
  operationId: 'getInvoice',
  method: 'get',
  path: '/invoices/{invoiceId}',
  tags,
  summary: 'Get an invoice',
  request: { params: InvoiceParamsSchema },
  responses: { 200: jsonContent(InvoiceJsonSchema, 'The invoice') },
});

const updateInvoiceRoute = createRoute({
  operationId: 'updateInvoice',
  method: 'patch',
  path: '/invoices/{invoiceId}',
  tags,
  summary: 'Update a draft invoice',
  request: { params: InvoiceParamsSchema, body: jsonRequest(invoiceUpdateSchema) },
  responses: { 200: jsonContent(InvoiceJsonSchema, 'The invoice'), ...errorResponses(409) },
});

const transition = (operationId: string, action: 'send' | 'paid', summary: string) =>
  createRoute({
    operationId,
    method: 'post',
    path: `/invoices/{invoiceId}/${action}`,
    tags,
    summary,
    request: { params: InvoiceParamsSchema },
    responses: { 200: jsonContent(InvoiceJsonSchema, 'The invoice'), ...errorResponses(409) },
  });

const recordPaymentRoute = createRoute({
  operationId: 'recordInvoicePayment',
  method: 'post',
  path: '/invoices/{invoiceId}/payments',
  tags,
  summary: 'Record a (partial) payment; the invoice is paid once its balance reaches 0 (fires invoice.paid)',
  request: { params: InvoiceParamsSchema, body: jsonRequest(paymentSchema) },
  responses: { 200: jsonContent(InvoiceJsonSchema, 'The invoice'), ...errorResponses(409) },
});

const invoicePdfRoute = createRoute({
  operationId: 'getInvoicePdf',
  method: 'get',
  path: '/invoices/{invoiceId}/pdf',
  tags,
  summary: 'The invoice as a PDF with its Swiss QR-bill',
  request: { params: InvoiceParamsSchema },
  responses: {
    200: {
      description: 'The PDF',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses(409),
  },
});

/** Invoices: creation (standard or custom), list, detail, draft edits, send, paid, cancel, PDF, totals preview. */
export function createInvoiceRoutes(deps: InvoicingDeps): ApiRouter {
  const app = createRouter();

  const today = (): string => zurichCalendarDate(deps.clock.now());

  app.openapi(createInvoiceRoute, async (c) => {
    const { projectId } = c.req.valid('param');
    const invoice = await createInvoice(deps, c.get('userId'), projectId, c.req.valid('json'));
    return c.json(invoiceJson(invoice, today()), 201);
  });
  app.openapi(listProjectInvoicesRoute, async (c) => {
    const userId = c.get('userId');
    const { projectId } = c.req.valid('param');
    await requireProject(deps, userId, projectId);
    const query = c.req.valid('query');
    const { items, total } = await listInvoices(deps, userId, { ...query, projectId });
    return c.json(
      pageBody(
        items.map((item) => invoiceJson(item, today())),
        total,
        query,
      ),
      200,
    );
  });
  app.openapi(listInvoicesRoute, async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await listInvoices(deps, c.get('userId'), query);
    return c.json(
      pageBody(
        items.map((item) => invoiceJson(item, today())),
        total,
        query,
      ),
      200,
    );
  });
  app.openapi(previewInvoiceRoute, async (c) => {
    const input = c.req.valid('json');
    const settings = await getInvoiceSettings(deps.store, c.get('userId'));
    const rules = rulesOf(settings, input.vatCategory ?? settings.defaultVatCategory, input.issueDate ?? today());
    const lines = billLines(priceLines(input.customLines), rules, ['customLines']);
    const totals = computeTotals(lines, { vatRegistered: settings.vatRegistered });
    return c.json(
      {
        lines: lines.map((line) => ({
          description: line.description,
          quantity: line.quantity,
          unit: line.unit,
          unitPrice: centimesToChf(line.unitPrice),
          total: centimesToChf(line.total),
          vatCategory: line.vatCategory,
          vatRate: basisPointsToPercent(line.vatRate),
          serviceDate: line.serviceDate,
          serviceEndDate: line.serviceEndDate,
        })),
        subtotal: centimesToChf(totals.subtotal),
        vatBreakdown: totals.vatBreakdown.map((group) => ({
          rate: basisPointsToPercent(group.rate),
          base: centimesToChf(group.base),
          vat: centimesToChf(group.vat),
        })),
        vatAmount: centimesToChf(totals.vatAmount),
        total: centimesToChf(totals.total),
        roundingAmount: centimesToChf(totals.roundingAmount),
        payableTotal: centimesToChf(totals.payableTotal),
      },
      200,
    );
  });
  app.openapi(getInvoiceRoute, async (c) => {
    const invoice = await requireInvoice(deps, c.get('userId'), c.req.valid('param').invoiceId);
    return c.json(invoiceJson(invoice, today()), 200);
  });
  app.openapi(updateInvoiceRoute, async (c) => {
    const { invoiceId } = c.req.valid('param');
    const invoice = await updateInvoice(deps, c.get('userId'), invoiceId, c.req.valid('json'));
    return c.json(invoiceJson(invoice, today()), 200);
  });
  const transitions = [
    [transition('sendInvoice', 'send', 'Send a draft invoice (then locked)'), sendInvoice],
    [
      transition('markInvoicePaid', 'paid', 'Record a payment of the whole balance (fires invoice.paid)'),
      markInvoicePaid,
    ],
  ] as const;
  for (const [route, apply] of transitions) {
    app.openapi(route, async (c) => {
      const invoice = await apply(deps, c.get('userId'), c.req.valid('param').invoiceId);
      return c.json(invoiceJson(invoice, today()), 200);
    });
  }
  app.openapi(invoiceCancelRoute, async (c) => {
    const { invoiceId } = c.req.valid('param');
    const invoice = await cancelInvoice(deps, c.get('userId'), invoiceId, c.req.valid('json'));
    return c.json(invoiceJson(invoice, today()), 200);
  });
  app.openapi(recordPaymentRoute, async (c) => {
    const { invoiceId } = c.req.valid('param');
    const invoice = await recordPayment(deps, c.get('userId'), invoiceId, c.req.valid('json'));
    return c.json(invoiceJson(invoice, today()), 200);
  });
  app.openapi(invoicePdfRoute, async (c) => {
    const userId = c.get('userId');
    const invoice = await requireInvoice(deps, userId, c.req.valid('param').invoiceId);
    const pdf = await invoicePdf(deps, invoice, await creditNotesOfInvoice(deps, userId, invoice.id));
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="facture-${invoice.number}.pdf"`,
    });
  });

  return app;
}
