/** Options for writes: `undefined` fields are dropped rather than stored as null. */
export const WRITE = { ignoreUndefined: true } as const;

/** True for a unique-index violation (E11000). */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** True for a write conflict (code 112) or a lock timeout (24): the operation did nothing and can be retried. */
export function isTransientConflict(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 112 || code === 24;
}

/**
 * Retries a single-document operation that lost a write conflict. mongod retries these internally; some
 * MongoDB-compatible servers report them instead.
 */
export async function retryOnConflict<T>(operation: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransientConflict(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

const WRITES = new Set(['insertOne', 'updateOne', 'updateMany', 'findOneAndUpdate', 'deleteOne', 'deleteMany']);

/** The collection with every single-document write retried on a write conflict. */
export function withConflictRetries<C extends object>(collection: C): C {
  return new Proxy(collection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !WRITES.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        retryOnConflict(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}
