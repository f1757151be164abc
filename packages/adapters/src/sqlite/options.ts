import { z } from 'zod';

/** Options of `createSqliteStore`, checked at the boundary. */
export const SqliteStoreOptionsSchema = z.object({
  /** Path of the database file (created when missing). `:memory:` works for throwaway stores. */
  filename: z.string().min(1, 'filename must not be empty'),
  /**
   * `full` (default): `synchronous=FULL`, every commit is fsynced, so it survives a process crash and a power loss.
   * `normal`: `synchronous=NORMAL`, survives a process crash; a power loss can drop the last commits.
   */
  durability: z.enum(['full', 'normal']).default('full'),
  /** How long a write waits for another process's lock before failing. Default 5000 ms. */
  busyTimeoutMs: z.number().int().nonnegative().default(5000),
});

export type SqliteStoreOptions = z.input<typeof SqliteStoreOptionsSchema>;
