import { z } from 'zod';
import {
  customInvoiceSchema,
  eventCreateSchema,
  eventUpdateSchema,
  invoiceUpdateSchema,
  projectCreateSchema,
  projectUpdateSchema,
  quoteCreateSchema,
  quoteSignSchema,
  quoteUpdateSchema,
  settingsSchema,
  standardInvoiceSchema,
} from '../invoicing/schemas';

type Json = Record<string, unknown>;

/** The invoicing request bodies, as OpenAPI components (from the invoicing module's zod schemas). */
export const invoicingComponents: Record<string, z.ZodType> = {
  ProjectCreate: projectCreateSchema,
  ProjectUpdate: projectUpdateSchema,
  EventCreate: eventCreateSchema,
  EventUpdate: eventUpdateSchema,
  QuoteCreate: quoteCreateSchema,
  QuoteUpdate: quoteUpdateSchema,
  QuoteSign: quoteSignSchema,
  StandardInvoice: standardInvoiceSchema,
  CustomInvoice: customInvoiceSchema,
  InvoiceUpdate: invoiceUpdateSchema,
  InvoicingSettings: settingsSchema,
};

/** Paths of the invoicing routes, given the helpers of the main document. */
export function invoicingPaths(h: {
  op: (summary: string, extra: Json) => Json;
  body: (name: string, required?: boolean) => Json;
  id: (name: string) => Json;
}): Record<string, Record<string, Json>> {
  const ok = { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } } };
  const created = { '201': { description: 'Created', content: { 'application/json': { schema: { type: 'object' } } } } };
  const gone = { '204': { description: 'Deleted' } };
  const conflict = { '409': { description: 'Conflicts with the document’s state (billed, sent, signed)' } };
  const project = h.id('projectId');
  const invoice = h.id('invoiceId');
  return {
    '/api/settings/invoicing': {
      get: h.op('Invoicing settings of the tenant', { responses: ok }),
      put: h.op('Replace the invoicing settings', { requestBody: h.body('InvoicingSettings'), responses: ok }),
    },
    '/api/projects': {
      get: h.op('List projects', { responses: ok }),
      post: h.op('Create a project', { requestBody: h.body('ProjectCreate'), responses: created }),
    },
    '/api/projects/{projectId}': {
      get: h.op('Get a project', { parameters: [project], responses: ok }),
      patch: h.op('Update a project (a status change fires project.status_changed)', { parameters: [project], requestBody: h.body('ProjectUpdate'), responses: ok }),
      delete: h.op('Delete a project', { parameters: [project], responses: { ...gone, ...conflict } }),
    },
    '/api/projects/{projectId}/events': {
      get: h.op('Hours and expenses of a project', { parameters: [project], responses: ok }),
      post: h.op('Add hours or an expense', { parameters: [project], requestBody: h.body('EventCreate'), responses: created }),
    },
    '/api/events/{eventId}': {
      get: h.op('Get an event', { parameters: [h.id('eventId')], responses: ok }),
      patch: h.op('Update an unbilled event', { parameters: [h.id('eventId')], requestBody: h.body('EventUpdate'), responses: { ...ok, ...conflict } }),
      delete: h.op('Delete an unbilled event', { parameters: [h.id('eventId')], responses: { ...gone, ...conflict } }),
    },
    '/api/projects/{projectId}/quotes': {
      get: h.op('Quotes of a project', { parameters: [project], responses: ok }),
      post: h.op('Create a quote', { parameters: [project], requestBody: h.body('QuoteCreate'), responses: created }),
    },
    '/api/quotes/{quoteId}': {
      get: h.op('Get a quote', { parameters: [h.id('quoteId')], responses: ok }),
      patch: h.op('Update an unsigned quote', { parameters: [h.id('quoteId')], requestBody: h.body('QuoteUpdate'), responses: { ...ok, ...conflict } }),
      delete: h.op('Delete a quote', { parameters: [h.id('quoteId')], responses: { ...gone, ...conflict } }),
    },
    '/api/quotes/{quoteId}/sign': {
      post: h.op('Sign a quote (it becomes billable)', { parameters: [h.id('quoteId')], requestBody: h.body('QuoteSign', false), responses: { ...ok, ...conflict } }),
    },
    '/api/projects/{projectId}/invoices': {
      get: h.op('Invoices of a project', { parameters: [project], responses: ok }),
      post: h.op('Create a standard invoice (eventIds, quoteIds) or a custom one (invoiceType: custom, customLines)', {
        parameters: [project],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { oneOf: [{ $ref: '#/components/schemas/StandardInvoice' }, { $ref: '#/components/schemas/CustomInvoice' }] },
            },
          },
        },
        responses: { ...created, ...conflict },
      }),
    },
    '/api/invoices': { get: h.op('List invoices', { responses: ok }) },
    '/api/invoices/preview': { post: h.op('Totals of draft lines (VAT, 0.05 rounding), nothing stored', { responses: ok }) },
    '/api/invoices/{invoiceId}': {
      get: h.op('Get an invoice', { parameters: [invoice], responses: ok }),
      patch: h.op('Update a draft invoice', { parameters: [invoice], requestBody: h.body('InvoiceUpdate'), responses: { ...ok, ...conflict } }),
    },
    '/api/invoices/{invoiceId}/send': { post: h.op('Send a draft invoice (then locked)', { parameters: [invoice], responses: { ...ok, ...conflict } }) },
    '/api/invoices/{invoiceId}/paid': { post: h.op('Mark an invoice paid (fires invoice.paid)', { parameters: [invoice], responses: { ...ok, ...conflict } }) },
    '/api/invoices/{invoiceId}/cancel': { post: h.op('Cancel an invoice', { parameters: [invoice], responses: { ...ok, ...conflict } }) },
    '/api/invoices/{invoiceId}/pdf': {
      get: h.op('The invoice as a PDF with its Swiss QR-bill', {
        parameters: [invoice],
        responses: { '200': { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } },
      }),
    },
  };
}
