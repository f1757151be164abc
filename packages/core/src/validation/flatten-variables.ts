const MAX_DEPTH = 8;
const MAX_PATHS = 2000;

/**
 * Adds `prefix` and every dot path below it in `sample` to `into`: `{ a: { b: 1 } }` under `trigger` gives
 * `trigger`, `trigger.a`, `trigger.a.b`. Lists contribute their first element as `.0`.
 */
export function flattenVariables(sample: unknown, prefix: string, into: Set<string> = new Set()): Set<string> {
  walk(sample, prefix, 0, into);
  return into;
}

function walk(value: unknown, path: string, depth: number, into: Set<string>): void {
  if (into.size >= MAX_PATHS) return;
  into.add(path);
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null || value instanceof Date) return;
  if (Array.isArray(value)) {
    if (value.length > 0) walk(value[0], `${path}.0`, depth + 1, into);
    return;
  }
  for (const key of Object.keys(value))
    walk((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1, into);
}
