import type { MongoClient } from 'mongodb';
import { z } from 'zod';

/** Options of `createMongoStore`, checked at the boundary. */
export const MongoStoreOptionsSchema = z
  .object({
    /** Connection string; the store then owns the client and closes it. */
    url: z.string().min(1).optional(),
    /** An existing client (left open by `close()`). */
    client: z.custom<MongoClient>((value) => typeof value === 'object' && value !== null && 'db' in value).optional(),
    /** Database name. Default: the one in the URL, else `swigs_automation`. */
    dbName: z.string().min(1).max(63).optional(),
  })
  .refine((options) => options.url !== undefined || options.client !== undefined, {
    message: 'give either url or client',
  });

export type MongoStoreOptions = z.input<typeof MongoStoreOptionsSchema>;
