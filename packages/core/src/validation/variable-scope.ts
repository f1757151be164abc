/** The type of a variable, as the builder's pickers show it. */
export type VariableType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'date' | 'unknown';

/** One value a step can read (contract C1). */
export interface VariableInfo {
  /** Dot path as written in templates and conditions: `trigger.order.total`, `nodes.t.ref`, lists as `.0`. */
  path: string;
  type?: VariableType;
  /** Any path below this one is accepted (a webhook body, a manual payload, a record). */
  open?: boolean;
  /** The value in the sample data (the automation's `sampleData`, else the node's `sampleOutput`). */
  sample?: unknown;
  label?: { fr: string; en: string };
  /** Known values with labels (an order status `paid` → « payée »), for condition pickers. */
  enum?: { value: string | number | boolean; label: { fr: string; en: string } }[];
}

/** Answers whether a path is readable, for a list of variables. */
export interface VariableScope {
  readonly variables: readonly VariableInfo[];
  /**
   * True for a listed path or one of its ancestors, anything below an open part, any list index
   * (`items.3.sku`, `items[].sku`, `items.*.sku`) and a list's or text's `length`.
   */
  has(path: string): boolean;
}

/**
 * Canonical form of a variable path: list indexes (`.0`, `[2]`) and wildcards (`.*`, `[]`) become `[]`.
 * @example canonicalPath('trigger.items.0.sku') === 'trigger.items[].sku'
 */
export function canonicalPath(path: string): string {
  return path
    .replace(/\[\d*\]/g, '[]')
    .replace(/\.(\d+|\*)(?=\.|\[|$)/g, '[]')
    .replace(/\.\[\]/g, '[]');
}

/** Builds the lookup of `variables`. */
export function createVariableScope(variables: readonly VariableInfo[]): VariableScope {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const open = new Set<string>();
  const sized = new Set<string>();
  for (const variable of variables) {
    const path = canonicalPath(variable.path);
    exact.add(path);
    if (variable.open) open.add(path);
    if (variable.type === 'array' || variable.type === 'string') sized.add(path);
    // Every ancestor of a known leaf is readable too (`{{#if trigger.customer}}`, `{{#each trigger.items}}`).
    for (let i = 0; i < path.length; i++) if (path[i] === '.' || path[i] === '[') prefixes.add(path.slice(0, i));
  }
  const has = (raw: string): boolean => {
    const path = canonicalPath(raw);
    if (exact.has(path) || prefixes.has(path)) return true;
    if (path.endsWith('.length') && sized.has(path.slice(0, -'.length'.length))) return true;
    for (let i = path.length - 1; i > 0; i--) {
      if ((path[i] === '.' || path[i] === '[') && open.has(path.slice(0, i))) return true;
    }
    return false;
  };
  return { variables, has };
}
