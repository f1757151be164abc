/**
 * Reads a dot path (`customer.email`, `items.0.sku`) from plain data; undefined when any step is missing.
 * Only own properties are read, so `constructor` or `__proto__` never reach the prototype.
 */
export function getPath(data: unknown, path: string): unknown {
  if (path === '') return data;
  let current: unknown = data;
  let start = 0;
  for (;;) {
    if (typeof current !== 'object' || current === null) return undefined;
    const dot = path.indexOf('.', start);
    const key = dot === -1 ? path.slice(start) : path.slice(start, dot);
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
    if (dot === -1) return current;
    start = dot + 1;
  }
}
