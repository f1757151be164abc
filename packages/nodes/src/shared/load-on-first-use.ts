import { createRequire } from 'node:module';

// Resolves from this package, so the libraries are its own dependencies. The CommonJS build gets `import.meta.url`
// from tsup's shim (see tsup.shared.ts).
const requireHere = createRequire(import.meta.url);

/**
 * A getter that loads a library on its first call and answers the same module afterwards. For libraries that
 * synchronous code needs on some paths only (Handlebars, html-to-text): a process that never takes such a path
 * (an idle server) never holds them, and the first call behaves as a static import would have.
 * @example
 * const handlebars = loadOnFirstUse<typeof import('handlebars')>('handlebars');
 * handlebars().parse('{{trigger.id}}');
 */
export function loadOnFirstUse<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= requireHere(id) as T;
    return loaded;
  };
}
