import { createRoute, z } from '@hono/zod-openapi';
import { HttpError } from '../http/http-error';
import { createRouter, type ApiRouter } from '../http/router';
import { errorResponses } from '../openapi/responses';
import type { InvoicingDeps } from './context';
import { creditNotesOfInvoice } from './credit-notes';
import { invoicePdf } from './invoice-pdf';
import { requireInvoice } from './invoices';
import type { InvoiceLinks } from './public-links';

const publicInvoicePdfRoute = createRoute({
  operationId: 'getPublicInvoicePdf',
  method: 'get',
  path: '/public/invoices/{token}/pdf',
  tags: ['invoices'],
  summary: 'The PDF of a sent invoice through the signed, expiring link of a reminder (no login)',
  security: [],
  request: {
    params: z.object({ token: z.string().max(2000).openapi({ description: 'The signed token of the link' }) }),
  },
  responses: {
    200: {
      description: 'The PDF',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses(401, 404),
  },
});

/**
 * `GET /public/invoices/:token/pdf`: the invoice a signed link stands for, read in the tenant the link names only.
 * A tampered or expired link answers 401; a draft is never served (links go out with reminders of sent invoices).
 */
export function createPublicInvoiceRoutes(deps: InvoicingDeps, links: InvoiceLinks): ApiRouter {
  const app = createRouter();
  app.openapi(publicInvoicePdfRoute, async (c) => {
    const claims = links.verify(c.req.valid('param').token);
    if (!claims) throw new HttpError(401, 'invalid_token');
    const invoice = await requireInvoice(deps, claims.userId, claims.invoiceId);
    if (invoice.status === 'draft') throw new HttpError(404, 'not_found');
    const pdf = await invoicePdf(deps, invoice, await creditNotesOfInvoice(deps, claims.userId, invoice.id));
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="facture-${invoice.number}.pdf"`,
      'cache-control': 'private, no-store',
    });
  });
  return app;
}
