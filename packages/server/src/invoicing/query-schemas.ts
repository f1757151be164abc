import { z } from 'zod';
import { INVOICE_STATUSES, PROJECT_STATUSES } from './documents';

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** Query of `GET /projects`. */
export const projectListQuerySchema = z.object({ status: z.enum(PROJECT_STATUSES).optional(), ...page });

/** Query of `GET /invoices` and `GET /projects/:projectId/invoices`. */
export const invoiceListQuerySchema = z.object({
  projectId: z.string().min(1).max(100).optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
  ...page,
});

/** Query of `GET /projects/:projectId/events`. */
export const eventListQuerySchema = z.object({
  billed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
