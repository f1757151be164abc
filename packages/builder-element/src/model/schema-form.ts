/** A JSON Schema as drawn by `z.toJSONSchema` (the subset the form understands). */
export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  widget?: string;
  ui?: { widget?: string };
  [key: string]: unknown;
};

/** The widget a field is drawn with. */
export type FieldKind =
  | 'string'
  | 'text'
  | 'template'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'array'
  | 'object'
  | 'duration'
  | 'cron'
  | 'any'
  | 'json';

/** One field of a generated form. */
export interface FieldModel {
  kind: FieldKind;
  /** Path inside the node config. */
  path: (string | number)[];
  key: string;
  label: string;
  description?: string;
  required: boolean;
  schema: JsonSchema;
  enumValues?: unknown[];
  /** Object fields. */
  children?: FieldModel[];
  /** Array item template (its path ends with index 0). */
  item?: FieldModel;
  /** Duration objects: which keys hold the amount and the unit. */
  duration?: { amountKey: string; unitKey: string; units: string[] };
  multiline?: boolean;
  /** Lives at its parent's path (a duration made of sibling `duration` and `unit` keys). */
  inline?: boolean;
}

/** Options of `buildFormModel`. */
export interface FormModelOptions {
  /** Dot paths of Handlebars template fields (`descriptor.templateFields`). */
  templateFields?: readonly string[];
}

const MULTILINE_KEYS = /^(body|html|text|message|content|template|description)$/i;
const CRON_KEYS = /^(cron|cronExpression|expression|schedule)$/i;

/** Builds the field tree for a JSON Schema; unknown shapes fall back to a JSON text field. */
export function buildFormModel(schema: JsonSchema, options: FormModelOptions = {}): FieldModel {
  return field(schema, [], '', true, { templates: new Set(options.templateFields ?? []), root: schema, depth: 0 });
}

interface BuildContext {
  templates: Set<string>;
  root: JsonSchema;
  depth: number;
}

const MAX_DEPTH = 6;

/** Resolves local `$ref`s (`#`, `#/$defs/name`). */
function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#')) return schema;
  let target: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean))
    target = (target as Record<string, unknown> | undefined)?.[part];
  return target && typeof target === 'object'
    ? { ...(target as JsonSchema), ...(schema.title ? { title: schema.title } : {}) }
    : schema;
}

/** A starting value for a schema: its default, else an empty value for required fields. */
export function defaultValue(schema: JsonSchema): unknown {
  const s = unwrapNullable(schema);
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.const !== undefined) return s.const;
  switch (primaryType(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(s.properties ?? {})) {
        const value = defaultValue(child);
        if (value !== undefined && (s.required?.includes(key) || child.default !== undefined)) out[key] = value;
      }
      return out;
    }
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'string':
      return s.enum?.[0] ?? '';
    default:
      return s.enum?.[0];
  }
}

/** Reads a nested value. */
export function getAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Returns a copy of `value` with `next` at `path` (`undefined` deletes an object key). */
export function setAt(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[head] = setAt(list[head], rest, next);
    return list;
  }
  const object =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? { ...(value as Record<string, unknown>) }
      : {};
  const child = setAt(object[head], rest, next);
  if (child === undefined) delete object[head];
  else object[head] = child;
  return object;
}

/** Human-readable label for a key: `sendAt` → `Send at`. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function field(
  input: JsonSchema,
  path: (string | number)[],
  key: string,
  required: boolean,
  build: BuildContext,
): FieldModel {
  const raw = resolveRef(input, build.root);
  const schema = firstVariant(unwrapNullable(raw), build.root);
  const templates = build.templates;
  const deeper = { ...build, depth: build.depth + 1 };
  const base = {
    path,
    key,
    label: schema.title ?? raw.title ?? humanize(key || 'value'),
    required,
    schema,
    ...((schema.description ?? raw.description) ? { description: schema.description ?? raw.description } : {}),
  };
  const widget = schema.widget ?? schema.ui?.widget;
  const dotted = path.filter((p) => typeof p === 'string').join('.');
  const type = primaryType(schema);
  const enumValues = schema.enum ?? constValues(schema);
  if (enumValues) return { ...base, kind: 'enum', enumValues };
  if (widget === 'duration' || schema.format === 'duration') {
    const duration = durationShape(schema);
    return duration ? { ...base, kind: 'duration', duration } : { ...base, kind: 'string' };
  }
  if (type === 'object') {
    if (!schema.properties || build.depth >= MAX_DEPTH) return { ...base, kind: 'json' };
    const duration = durationShape(schema);
    if (duration && Object.keys(schema.properties).length === 2 && path.length > 0)
      return { ...base, kind: 'duration', duration };
    const requiredKeys = new Set(schema.required ?? []);
    const children: FieldModel[] = [];
    for (const [childKey, child] of Object.entries(schema.properties)) {
      if (duration && childKey === duration.unitKey) continue;
      if (duration && childKey === duration.amountKey) {
        children.push({
          kind: 'duration',
          path,
          key: childKey,
          label: child.title ?? humanize(childKey),
          required: requiredKeys.has(childKey),
          schema: child,
          duration,
          inline: true,
        });
        continue;
      }
      children.push(field(child, [...path, childKey], childKey, requiredKeys.has(childKey), deeper));
    }
    return { ...base, kind: 'object', children };
  }
  if (type === 'array') {
    if (!schema.items || build.depth >= MAX_DEPTH) return { ...base, kind: 'json' };
    return { ...base, kind: 'array', item: field(schema.items, [...path, 0], key, true, deeper) };
  }
  if (type === 'string') {
    if (widget === 'cron' || schema.format === 'cron' || CRON_KEYS.test(key)) return { ...base, kind: 'cron' };
    const multiline = widget === 'textarea' || MULTILINE_KEYS.test(key);
    if (templates.has(dotted) || widget === 'template') return { ...base, kind: 'template', multiline };
    return { ...base, kind: multiline ? 'text' : 'string', multiline };
  }
  if (type === 'number' || type === 'integer') return { ...base, kind: type };
  if (type === 'boolean') return { ...base, kind: 'boolean' };
  if (type === undefined && !schema.anyOf && !schema.oneOf) return { ...base, kind: 'any' };
  return { ...base, kind: 'json' };
}

/** For a union of objects (a rule or a nested group), the form edits the first variant. */
function firstVariant(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (!options?.length || options.some((o) => o.const !== undefined)) return schema;
  const first = resolveRef(options[0] as JsonSchema, root);
  if (primaryType(first) !== 'object') return schema;
  return { ...first, title: schema.title ?? first.title, description: schema.description ?? first.description };
}

function durationShape(schema: JsonSchema): FieldModel['duration'] | undefined {
  const props = schema.properties;
  if (!props) return undefined;
  const amountKey = ['amount', 'value', 'duration'].find((k) =>
    ['number', 'integer'].includes(primaryType(props[k] ?? {}) ?? ''),
  );
  const unitKey = ['unit', 'units'].find((k) => Array.isArray(props[k]?.enum));
  if (!amountKey || !unitKey) return undefined;
  return { amountKey, unitKey, units: (props[unitKey]?.enum ?? []).map(String) };
}

function unwrapNullable(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (!options) return schema;
  const nonNull = options.filter((option) => option.type !== 'null');
  if (nonNull.length === 1 && nonNull[0])
    return {
      ...nonNull[0],
      title: schema.title ?? nonNull[0].title,
      description: schema.description ?? nonNull[0].description,
      default: schema.default ?? nonNull[0].default,
    };
  return schema;
}

function constValues(schema: JsonSchema): unknown[] | undefined {
  const options = schema.anyOf ?? schema.oneOf;
  if (!options?.length || !options.every((option) => option.const !== undefined)) return undefined;
  return options.map((option) => option.const);
}

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  return undefined;
}
