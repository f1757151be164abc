import { z } from 'zod';
import { eventListQuerySchema, invoiceListQuerySchema, projectListQuerySchema } from './query-schemas';
import {
  customInvoiceSchema,
  eventCreateSchema,
  eventUpdateSchema,
  invoiceUpdateSchema,
  lineInputSchema,
  projectCreateSchema,
  projectUpdateSchema,
  quoteCreateSchema,
  quoteUpdateSchema,
  settingsSchema,
  standardInvoiceSchema,
  vatRateSchema,
} from './schemas';

type JsonSchema = Record<string, unknown>;

/** The invoicing part of the OpenAPI 3.1 document: paths under `/api` and their component schemas. */
export interface InvoicingOpenApi {
  paths: Record<string, Record<string, JsonSchema>>;
  schemas: Record<string, JsonSchema>;
}

const requestSchemas: Record<string, z.ZodType> = {
  ProjectCreateBody: projectCreateSchema,
  ProjectUpdateBody: projectUpdateSchema,
  EventCreateBody: eventCreateSchema,
  EventUpdateBody: eventUpdateSchema,
  QuoteCreateBody: quoteCreateSchema,
  QuoteUpdateBody: quoteUpdateSchema,
  StandardInvoiceBody: standardInvoiceSchema,
  CustomInvoiceBody: customInvoiceSchema,
  InvoiceUpdateBody: invoiceUpdateSchema,
  InvoicePreviewBody: z.object({ customLines: z.array(lineInputSchema), vatRate: vatRateSchema.optional() }),
  InvoicingSettingsBody: settingsSchema,
};

/**
 * Describes the invoicing routes from the zod schemas that validate them (responses in prose: CHF amounts with
 * 2 decimals, VAT rates in percent), for the host to merge into its OpenAPI document.
 */
export function createInvoicingOpenApi(): InvoicingOpenApi {
  const schemas = Object.fromEntries(Object.entries(requestSchemas).map(([name, schema]) => [name, toSchema(schema)]));
  const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
  const body = (...names: string[]): JsonSchema => ({
    required: true,
    content: { 'application/json': { schema: names.length === 1 ? ref(names[0]!) : { oneOf: names.map(ref) } } },
  });
  const ok = (description: string, status = '200'): JsonSchema => ({
    [status]: { description, content: { 'application/json': { schema: { type: 'object' } } } },
    '400': { description: 'Invalid input (`error` and `issues`)' },
    '404': { description: 'Not found for this tenant' },
    '409': { description: 'Conflict with the record’s state (billed, signed, sent, paid…)' },
  });
  const path = (...names: string[]): JsonSchema[] => names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const query = (schema: z.ZodObject): JsonSchema[] =>
    Object.entries(schema.shape).map(([name, field]) => ({ name, in: 'query', required: false, schema: toSchema(field as z.ZodType) }));
  const op = (summary: string, extra: JsonSchema): JsonSchema => ({ tags: ['invoicing'], summary, ...extra });

  const paths: InvoicingOpenApi['paths'] = {
    '/api/settings/invoicing': {
      get: op('The tenant’s invoicing settings (defaults when never saved)', { responses: ok('Settings') }),
      put: op('Replace the invoicing settings', { requestBody: body('InvoicingSettingsBody'), responses: ok('Settings') }),
    },
    '/api/projects': {
      get: op('List projects, newest first', { parameters: query(projectListQuerySchema), responses: ok('{ items, total, limit, offset }') }),
      post: op('Create a project', { requestBody: body('ProjectCreateBody'), responses: ok('Project', '201') }),
    },
    '/api/projects/{projectId}': {
      get: op('Get a project', { parameters: path('projectId'), responses: ok('Project') }),
      patch: op('Update a project; a status change fires project.status_changed { projectId, name, from, to, changedAt }', {
        parameters: path('projectId'),
        requestBody: body('ProjectUpdateBody'),
        responses: ok('Project'),
      }),
      delete: op('Delete a project with its events and quotes (409 once it has invoices)', { parameters: path('projectId'), responses: { '204': { description: 'Deleted' } } }),
    },
    '/api/projects/{projectId}/events': {
      get: op('List a project’s hours and expenses', { parameters: [...path('projectId'), ...query(eventListQuerySchema)], responses: ok('{ items, total }') }),
      post: op('Record hours or an expense', { parameters: path('projectId'), requestBody: body('EventCreateBody'), responses: ok('Event', '201') }),
    },
    '/api/events/{eventId}': {
      get: op('Get an event', { parameters: path('eventId'), responses: ok('Event') }),
      patch: op('Edit an unbilled event (409 once billed)', { parameters: path('eventId'), requestBody: body('EventUpdateBody'), responses: ok('Event') }),
      delete: op('Delete an unbilled event (409 once billed)', { parameters: path('eventId'), responses: { '204': { description: 'Deleted' } } }),
    },
    '/api/projects/{projectId}/quotes': {
      get: op('List a project’s quotes', { parameters: path('projectId'), responses: ok('{ items, total }') }),
      post: op('Create a draft quote', { parameters: path('projectId'), requestBody: body('QuoteCreateBody'), responses: ok('Quote', '201') }),
    },
    '/api/quotes/{quoteId}': {
      get: op('Get a quote', { parameters: path('quoteId'), responses: ok('Quote') }),
      patch: op('Edit a draft quote (409 once signed)', { parameters: path('quoteId'), requestBody: body('QuoteUpdateBody'), responses: ok('Quote') }),
      delete: op('Delete an unbilled quote', { parameters: path('quoteId'), responses: { '204': { description: 'Deleted' } } }),
    },
    '/api/quotes/{quoteId}/sign': {
      post: op('Sign a draft quote, making it billable', { parameters: path('quoteId'), responses: ok('Quote') }),
    },
    '/api/projects/{projectId}/invoices': {
      get: op('List a project’s invoices', { parameters: [...path('projectId'), ...query(invoiceListQuerySchema)], responses: ok('{ items, total, limit, offset }') }),
      post: op('Create a draft invoice: standard (events and signed quotes) or custom (free lines); fires invoice.created', {
        parameters: path('projectId'),
        requestBody: body('StandardInvoiceBody', 'CustomInvoiceBody'),
        responses: ok('Invoice', '201'),
      }),
    },
    '/api/invoices': {
      get: op('List invoices, newest first', { parameters: query(invoiceListQuerySchema), responses: ok('{ items, total, limit, offset }') }),
    },
    '/api/invoices/preview': {
      post: op('Totals of free lines without storing anything (for the "Facture libre" modal)', { requestBody: body('InvoicePreviewBody'), responses: ok('Totals') }),
    },
    '/api/invoices/{invoiceId}': {
      get: op('Get an invoice', { parameters: path('invoiceId'), responses: ok('Invoice') }),
      patch: op('Edit a draft invoice (409 once sent)', { parameters: path('invoiceId'), requestBody: body('InvoiceUpdateBody'), responses: ok('Invoice') }),
    },
    '/api/invoices/{invoiceId}/send': { post: op('draft → sent: locks the invoice and freezes its payment reference', { parameters: path('invoiceId'), responses: ok('Invoice') }) },
    '/api/invoices/{invoiceId}/paid': { post: op('sent → paid; fires invoice.paid', { parameters: path('invoiceId'), responses: ok('Invoice') }) },
    '/api/invoices/{invoiceId}/cancel': {
      post: op('draft or sent → cancelled; the number is kept, events and quotes become billable again', { parameters: path('invoiceId'), responses: ok('Invoice') }),
    },
    '/api/invoices/{invoiceId}/pdf': {
      get: op('The invoice as a French PDF with a Swiss QR-bill (409 until the settings have name, address and IBAN)', {
        parameters: path('invoiceId'),
        responses: { '200': { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } },
      }),
    },
  };
  return { paths, schemas };
}

function toSchema(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}
