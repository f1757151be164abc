import { createRoute } from '@hono/zod-openapi';
import { createRouter, type ApiRouter } from '../http/router';
import { errorResponses, jsonContent, jsonRequest, noContent } from '../openapi/responses';
import type { InvoicingDeps } from './context';
import { ProjectParamsSchema, QuoteParamsSchema } from './query-schemas';
import { createQuote, deleteQuote, listQuotes, requireQuote, signQuote, updateQuote } from './quotes';
import { QuoteJsonSchema, QuoteListSchema } from './response-schemas';
import { quoteCreateSchema, quoteSignSchema, quoteUpdateSchema } from './schemas';
import { quoteJson } from './serialize';

const tags = ['quotes'];

const listQuotesRoute = createRoute({
  operationId: 'listQuotes',
  method: 'get',
  path: '/projects/{projectId}/quotes',
  tags,
  summary: 'Quotes of a project, oldest first',
  request: { params: ProjectParamsSchema },
  responses: { 200: jsonContent(QuoteListSchema, 'Every quote of the project') },
});

const createQuoteRoute = createRoute({
  operationId: 'createQuote',
  method: 'post',
  path: '/projects/{projectId}/quotes',
  tags,
  summary: 'Create a quote',
  request: { params: ProjectParamsSchema, body: jsonRequest(quoteCreateSchema) },
  responses: { 201: jsonContent(QuoteJsonSchema, 'The quote') },
});

const getQuoteRoute = createRoute({
  operationId: 'getQuote',
  method: 'get',
  path: '/quotes/{quoteId}',
  tags,
  summary: 'Get a quote',
  request: { params: QuoteParamsSchema },
  responses: { 200: jsonContent(QuoteJsonSchema, 'The quote') },
});

const updateQuoteRoute = createRoute({
  operationId: 'updateQuote',
  method: 'patch',
  path: '/quotes/{quoteId}',
  tags,
  summary: 'Update an unsigned quote',
  request: { params: QuoteParamsSchema, body: jsonRequest(quoteUpdateSchema) },
  responses: { 200: jsonContent(QuoteJsonSchema, 'The quote'), ...errorResponses(409) },
});

const signQuoteRoute = createRoute({
  operationId: 'signQuote',
  method: 'post',
  path: '/quotes/{quoteId}/sign',
  tags,
  summary: 'Sign a quote (it becomes billable)',
  request: { params: QuoteParamsSchema, body: jsonRequest(quoteSignSchema) },
  responses: { 200: jsonContent(QuoteJsonSchema, 'The signed quote'), ...errorResponses(409) },
});

const deleteQuoteRoute = createRoute({
  operationId: 'deleteQuote',
  method: 'delete',
  path: '/quotes/{quoteId}',
  tags,
  summary: 'Delete a quote (refused once invoiced)',
  request: { params: QuoteParamsSchema },
  responses: { 204: noContent('Deleted'), ...errorResponses(409) },
});

/** Quotes of the tenant's projects. */
export function createQuoteRoutes(deps: InvoicingDeps): ApiRouter {
  const app = createRouter();

  app.openapi(listQuotesRoute, async (c) => {
    const { items, total } = await listQuotes(deps, c.get('userId'), c.req.valid('param').projectId);
    return c.json({ items: items.map(quoteJson), total }, 200);
  });
  app.openapi(createQuoteRoute, async (c) => {
    const { projectId } = c.req.valid('param');
    const quote = await createQuote(deps, c.get('userId'), projectId, c.req.valid('json'));
    return c.json(quoteJson(quote), 201);
  });
  app.openapi(getQuoteRoute, async (c) => {
    const quote = await requireQuote(deps, c.get('userId'), c.req.valid('param').quoteId);
    return c.json(quoteJson(quote), 200);
  });
  app.openapi(updateQuoteRoute, async (c) => {
    const { quoteId } = c.req.valid('param');
    const quote = await updateQuote(deps, c.get('userId'), quoteId, c.req.valid('json'));
    return c.json(quoteJson(quote), 200);
  });
  app.openapi(signQuoteRoute, async (c) => {
    const { quoteId } = c.req.valid('param');
    const quote = await signQuote(deps, c.get('userId'), quoteId, c.req.valid('json'));
    return c.json(quoteJson(quote), 200);
  });
  app.openapi(deleteQuoteRoute, async (c) => {
    await deleteQuote(deps, c.get('userId'), c.req.valid('param').quoteId);
    return c.body(null, 204);
  });

  return app;
}
