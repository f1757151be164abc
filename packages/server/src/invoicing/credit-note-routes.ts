import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, type ApiRouter } from '../http/router';
import { errorResponses, jsonContent, jsonRequest } from '../openapi/responses';
import { pageBody, PageQuerySchema } from '../routes/paging';
import { zurichCalendarDate } from './calendar';
import type { InvoicingDeps } from './context';
import { creditNotesOf, creditNotesOfInvoice, issueCreditNote, requireCreditNote } from './credit-notes';
import { creditNotePdf } from './invoice-pdf';
import { requireInvoice } from './invoices';
import { CreditNoteParamsSchema, InvoiceParamsSchema } from './query-schemas';
import {
  CreditNoteJsonSchema,
  CreditNoteListSchema,
  CreditNotePageSchema,
  InvoiceJsonSchema,
} from './response-schemas';
import { cancelSchema, creditNoteSchema } from './schemas';
import { creditNoteJson, invoiceJson } from './serialize';

const tags = ['credit notes'];

/** `POST /invoices/{invoiceId}/cancel`: declared here, beside the credit notes a sent invoice needs to be cancelled. */
export const invoiceCancelRoute = createRoute({
  operationId: 'cancelInvoice',
  method: 'post',
  path: '/invoices/{invoiceId}/cancel',
  tags: ['invoices'],
  summary: 'Cancel a draft, or a sent invoice by a credit note for what is left of it (reason required)',
  request: { params: InvoiceParamsSchema, body: jsonRequest(cancelSchema) },
  responses: { 200: jsonContent(InvoiceJsonSchema, 'The cancelled invoice'), ...errorResponses(409) },
});

const CreditNoteIssuedSchema = z
  .object({ creditNote: CreditNoteJsonSchema, invoice: InvoiceJsonSchema })
  .openapi('CreditNoteIssued');

const issueRoute = createRoute({
  operationId: 'issueCreditNote',
  method: 'post',
  path: '/invoices/{invoiceId}/credit-notes',
  tags,
  summary: 'Issue a credit note against a sent or paid invoice (parts of its lines, or all that is left)',
  request: { params: InvoiceParamsSchema, body: jsonRequest(creditNoteSchema) },
  responses: { 201: jsonContent(CreditNoteIssuedSchema, 'The credit note and the invoice'), ...errorResponses(409) },
});

const listOfInvoiceRoute = createRoute({
  operationId: 'listInvoiceCreditNotes',
  method: 'get',
  path: '/invoices/{invoiceId}/credit-notes',
  tags,
  summary: 'Credit notes of an invoice, oldest first',
  request: { params: InvoiceParamsSchema },
  responses: { 200: jsonContent(CreditNoteListSchema, 'Its credit notes') },
});

const listRoute = createRoute({
  operationId: 'listCreditNotes',
  method: 'get',
  path: '/credit-notes',
  tags,
  summary: 'Credit notes of the tenant, newest first',
  request: { query: PageQuerySchema },
  responses: { 200: jsonContent(CreditNotePageSchema, 'A page of credit notes') },
});

const getRoute = createRoute({
  operationId: 'getCreditNote',
  method: 'get',
  path: '/credit-notes/{creditNoteId}',
  tags,
  summary: 'Get a credit note',
  request: { params: CreditNoteParamsSchema },
  responses: { 200: jsonContent(CreditNoteJsonSchema, 'The credit note') },
});

const pdfRoute = createRoute({
  operationId: 'getCreditNotePdf',
  method: 'get',
  path: '/credit-notes/{creditNoteId}/pdf',
  tags,
  summary: 'The credit note as a PDF',
  request: { params: CreditNoteParamsSchema },
  responses: {
    200: {
      description: 'The PDF',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
  },
});

/** Credit notes (« notes de crédit »): issue, list, read, print. */
export function createCreditNoteRoutes(deps: InvoicingDeps): ApiRouter {
  const app = createRouter();
  const today = (): string => zurichCalendarDate(deps.clock.now());

  app.openapi(issueRoute, async (c) => {
    const { invoiceId } = c.req.valid('param');
    const { creditNote, invoice } = await issueCreditNote(deps, c.get('userId'), invoiceId, c.req.valid('json'));
    return c.json({ creditNote: creditNoteJson(creditNote), invoice: invoiceJson(invoice, today()) }, 201);
  });
  app.openapi(listOfInvoiceRoute, async (c) => {
    const userId = c.get('userId');
    const invoice = await requireInvoice(deps, userId, c.req.valid('param').invoiceId);
    const items = await creditNotesOfInvoice(deps, userId, invoice.id);
    return c.json({ items: items.map(creditNoteJson), total: items.length }, 200);
  });
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await creditNotesOf(deps).find(c.get('userId'), {
      sort: { field: 'createdAt', direction: 'desc' },
      limit: query.limit,
      offset: query.offset,
    });
    return c.json(pageBody(items.map(creditNoteJson), total, query), 200);
  });
  app.openapi(getRoute, async (c) => {
    const note = await requireCreditNote(deps, c.get('userId'), c.req.valid('param').creditNoteId);
    return c.json(creditNoteJson(note), 200);
  });
  app.openapi(pdfRoute, async (c) => {
    const note = await requireCreditNote(deps, c.get('userId'), c.req.valid('param').creditNoteId);
    return c.body(new Uint8Array(await creditNotePdf(note)), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="note-de-credit-${note.number}.pdf"`,
    });
  });
  return app;
}
