import { ENUM_KEYWORD, LABEL_KEYWORD, OPEN_KEYWORD } from '../node/keywords';
import type { LocalizedText } from '../node/types';
import type { VariableInfo, VariableType } from './variable-scope';

type JsonSchema = Record<string, unknown>;

const MAX_DEPTH = 8;
const MAX_VARIABLES = 2000;

/**
 * The variables an output JSON Schema declares under `prefix`, each with its type, label and known values,
 * objects and lists included (a list's element as `.0`). Parts without a known shape (`{}`, records, loose
 * objects, `x-swigs-open`) are open: any path below them is accepted.
 */
export function schemaVariables(schema: JsonSchema, prefix: string): VariableInfo[] {
  const out: VariableInfo[] = [];
  const defs = (schema.$defs ?? schema.definitions ?? {}) as Record<string, JsonSchema>;
  walk(schema, prefix, 0, out, defs, new Set());
  return out;
}

function walk(
  raw: unknown,
  path: string,
  depth: number,
  out: VariableInfo[],
  defs: Record<string, JsonSchema>,
  seen: Set<string>,
): void {
  if (out.length >= MAX_VARIABLES) return;
  const schema = resolve(raw, defs, seen);
  const info: VariableInfo = { path, type: typeOf(schema) };
  const label = labelOf(schema);
  if (label) info.label = label;
  const values = enumOf(schema);
  if (values) info.enum = values;
  const object = objectPart(schema);
  if (isOpen(schema, object)) info.open = true;
  out.push(info);
  if (depth >= MAX_DEPTH || info.type === 'unknown') return;
  if (info.type === 'array') {
    const items = arrayPart(schema)?.items;
    if (items !== undefined && typeof items === 'object') walk(items, `${path}.0`, depth + 1, out, defs, seen);
    return;
  }
  for (const [key, child] of Object.entries(object?.properties ?? {})) {
    walk(child, `${path}.${key}`, depth + 1, out, defs, seen);
  }
}

function resolve(raw: unknown, defs: Record<string, JsonSchema>, seen: Set<string>): JsonSchema {
  if (raw === true || typeof raw !== 'object' || raw === null) return {};
  const schema = raw as JsonSchema;
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace(/^#\/(\$defs|definitions)\//, '');
  // A recursive shape (a lazy schema) is open past its first repetition.
  if (seen.has(name) || !defs[name]) return {};
  seen.add(name);
  return { ...defs[name], ...withoutRef(schema) };
}

function withoutRef(schema: JsonSchema): JsonSchema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

/** The branches of a union that are not `null`. */
function branches(schema: JsonSchema): JsonSchema[] | undefined {
  const list = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (!Array.isArray(list)) return undefined;
  return list.filter((branch) => !(typeof branch === 'object' && branch !== null && branch.type === 'null'));
}

function typeOf(schema: JsonSchema): VariableType {
  const union = branches(schema);
  if (union) {
    const types = new Set(union.map((branch) => typeOf(branch)));
    // A date is often "an ISO string or a Date" (`{}` for the Date, which JSON cannot describe).
    if (union.some(isDate)) return 'date';
    if (types.size === 1) return [...types][0] as VariableType;
    return 'unknown';
  }
  if (isDate(schema)) return 'date';
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
      return 'object';
    default:
      if (schema.properties !== undefined) return 'object';
      if (schema.const !== undefined) return typeOfValue(schema.const);
      return 'unknown';
  }
}

function isDate(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const format = (schema as JsonSchema).format;
  return format === 'date-time' || format === 'date';
}

function typeOfValue(value: unknown): VariableType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'unknown';
}

/** The object part of a schema, merging the properties of object branches of a union. */
function objectPart(schema: JsonSchema): { properties?: Record<string, unknown>; additional: unknown } | undefined {
  const union = branches(schema);
  if (union) {
    const objects = union.filter((branch) => typeOf(branch) === 'object');
    if (objects.length === 0) return undefined;
    const properties: Record<string, unknown> = {};
    let additional: unknown = false;
    for (const branch of objects) {
      Object.assign(properties, branch.properties ?? {});
      if (branch.additionalProperties !== false) additional = branch.additionalProperties ?? true;
    }
    return { properties, additional };
  }
  if (typeOf(schema) !== 'object') return undefined;
  return {
    ...(schema.properties ? { properties: schema.properties as Record<string, unknown> } : {}),
    additional: schema.additionalProperties ?? true,
  };
}

function arrayPart(schema: JsonSchema): JsonSchema | undefined {
  return branches(schema)?.find((branch) => typeOf(branch) === 'array') ?? schema;
}

function isOpen(schema: JsonSchema, object: ReturnType<typeof objectPart>): boolean {
  if (schema[OPEN_KEYWORD] === true) return true;
  if (typeOf(schema) === 'unknown') return true;
  // A record or a loose object: keys beyond the listed ones are expected.
  return object !== undefined && object.additional !== false;
}

function labelOf(schema: JsonSchema): LocalizedText | undefined {
  const label = schema[LABEL_KEYWORD] as Partial<LocalizedText> | undefined;
  return typeof label?.fr === 'string' && typeof label.en === 'string' ? { fr: label.fr, en: label.en } : undefined;
}

function enumOf(schema: JsonSchema): VariableInfo['enum'] | undefined {
  const labelled = schema[ENUM_KEYWORD];
  if (Array.isArray(labelled)) return labelled as VariableInfo['enum'];
  const plain = (branches(schema) ?? [schema]).flatMap((branch) => (Array.isArray(branch.enum) ? branch.enum : []));
  const values = plain.filter((value): value is string | number | boolean =>
    ['string', 'number', 'boolean'].includes(typeof value),
  );
  if (values.length === 0) return undefined;
  return values.map((value) => ({ value, label: { fr: String(value), en: String(value) } }));
}
