/** A variable the editor proposes: its Handlebars path and what it holds. */
export interface VariableOption {
  path: string;
  /** `string`, `number`, `object`, `array`… */
  type?: string;
  /** The schema's label in the page's language, when it has one. */
  label?: string;
}

type JsonSchema = Record<string, unknown>;

const MAX_DEPTH = 6;
const MAX_PATHS = 500;

/**
 * The paths an output JSON Schema declares under `prefix` (`trigger.customer.firstName`; a list's element as `.0`),
 * then those of `sample` not already listed: what the completion offers. The server's check stays the judge of
 * what is known; this only lists what is worth typing.
 */
export function variablePaths(schema: unknown, sample: unknown, prefix: string, lang: 'fr' | 'en'): VariableOption[] {
  const out = new Map<string, VariableOption>();
  if (isObject(schema)) walkSchema(schema, prefix, 0, out, lang, defsOf(schema));
  walkSample(sample, prefix, 0, out);
  out.delete(prefix);
  return [...out.values()];
}

function walkSchema(
  schema: JsonSchema,
  path: string,
  depth: number,
  out: Map<string, VariableOption>,
  lang: 'fr' | 'en',
  defs: Record<string, JsonSchema>,
): void {
  if (out.size >= MAX_PATHS || depth > MAX_DEPTH) return;
  const resolved = resolve(schema, defs);
  const type = typeOf(resolved);
  const option: VariableOption = { path, ...(type ? { type } : {}) };
  const label = labelOf(resolved, lang);
  if (label) option.label = label;
  out.set(path, option);
  const properties = resolved.properties;
  if (isObject(properties)) {
    for (const [key, child] of Object.entries(properties)) {
      if (isObject(child) && /^[A-Za-z_$][\w$]*$/.test(key))
        walkSchema(child, `${path}.${key}`, depth + 1, out, lang, defs);
    }
  }
  if (isObject(resolved.items)) walkSchema(resolved.items, `${path}.0`, depth + 1, out, lang, defs);
}

function walkSample(value: unknown, path: string, depth: number, out: Map<string, VariableOption>): void {
  if (out.size >= MAX_PATHS || depth > MAX_DEPTH) return;
  if (!out.has(path)) out.set(path, { path, type: Array.isArray(value) ? 'array' : typeof value });
  if (Array.isArray(value)) {
    if (value.length > 0) walkSample(value[0], `${path}.0`, depth + 1, out);
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (/^[A-Za-z_$][\w$]*$/.test(key)) walkSample(child, `${path}.${key}`, depth + 1, out);
    }
  }
}

function resolve(schema: JsonSchema, defs: Record<string, JsonSchema>): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = defs[ref.replace(/^#\/(\$defs|definitions)\//, '')];
    if (target) return target;
  }
  // `anyOf: [X, null]` (an optional field) reads as X.
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      const first = options.find((o) => isObject(o) && o.type !== 'null');
      if (isObject(first)) return resolve(first, defs);
    }
  }
  return schema;
}

function typeOf(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return schema.format === 'date-time' ? 'date' : type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  return undefined;
}

function labelOf(schema: JsonSchema, lang: 'fr' | 'en'): string | undefined {
  const label = schema['x-swigs-label'] ?? schema.title;
  if (typeof label === 'string') return label;
  if (isObject(label) && typeof label[lang] === 'string') return label[lang] as string;
  return undefined;
}

function defsOf(schema: JsonSchema): Record<string, JsonSchema> {
  const defs = schema.$defs ?? schema.definitions;
  return isObject(defs) ? (defs as Record<string, JsonSchema>) : {};
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
