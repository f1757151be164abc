import { z } from '@hono/zod-openapi';
import { PageQuerySchema } from '../routes/paging';
import { INVOICE_STATUSES, PROJECT_STATUSES } from './documents';

/** Query of `GET /projects`. */
export const projectListQuerySchema = PageQuerySchema.extend({ status: z.enum(PROJECT_STATUSES).optional() });

/** Query of `GET /invoices` and `GET /projects/:projectId/invoices`. */
export const invoiceListQuerySchema = PageQuerySchema.extend({
  projectId: z.string().min(1).max(100).optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
});

/** Query of `GET /projects/:projectId/events`. */
export const eventListQuerySchema = z.object({
  billed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** `:projectId`, `:eventId`, `:quoteId`, `:invoiceId` of the invoicing routes. */
export const ProjectParamsSchema = z.object({ projectId: z.string() });
export const EventParamsSchema = z.object({ eventId: z.string() });
export const QuoteParamsSchema = z.object({ quoteId: z.string() });
export const InvoiceParamsSchema = z.object({ invoiceId: z.string() });
export const CreditNoteParamsSchema = z.object({ creditNoteId: z.string() });
