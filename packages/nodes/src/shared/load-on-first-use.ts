import { createRequire } from 'node:module';

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
    loaded ??= packageRequire()(id) as T;
    return loaded;
  };
}

let requireHere: NodeJS.Require | undefined;

/**
 * A require resolving from this package, so the libraries are its own dependencies. Our CommonJS build gets
 * `import.meta.url` from tsup's shim (tsup.shared.ts); a CommonJS bundle of these sources made elsewhere (esbuild)
 * has an empty `import.meta` but its own `require`. Made on first use, so importing the package never fails on it.
 */
function packageRequire(): NodeJS.Require {
  requireHere ??= typeof import.meta.url === 'string' ? createRequire(import.meta.url) : require;
  return requireHere;
}
