import { z } from '@hono/zod-openapi';

/** `?limit=&offset=` of every paged list (automations, runs, templates, outbox, projects, invoices). */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'Items per page (1-200)' }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).openapi({ description: 'Items to skip' }),
});

/** A page of `item`s as every paged list answers it: the items, the total count and the page asked for. */
export function pageOf<S extends z.ZodType>(
  item: S,
): z.ZodObject<{ items: z.ZodArray<S>; total: z.ZodNumber; limit: z.ZodNumber; offset: z.ZodNumber }> {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    limit: z.number().int().min(1),
    offset: z.number().int().min(0),
  });
}

/** The `{ items, total, limit, offset }` answer of a paged list. */
export function pageBody<T>(
  items: T[],
  total: number,
  query: z.output<typeof PageQuerySchema>,
): { items: T[]; total: number; limit: number; offset: number } {
  return { items, total, limit: query.limit, offset: query.offset };
}
