import type { CheckIssue, CheckResult } from '../validation/schema-checks';

type JsonSchema = Record<string, unknown>;
type Path = (string | number)[];

/**
 * Checks a value against a JSON Schema as `z.toJSONSchema` writes it (type, properties, required, default, enum,
 * const, items, anyOf/oneOf/allOf, $ref, bounds, pattern, propertyNames, additionalProperties), answering with
 * zod-shaped issues so `issueText` words them as it words zod's. Defaults are filled in the returned value.
 * What JSON Schema cannot carry (refinements, transforms) is left to the server's zod check.
 * @example
 * const result = checkJsonSchema(descriptor.configJsonSchema, node.config);
 * if (!result.success) console.log(result.issues[0]?.code);
 */
export function checkJsonSchema(schema: JsonSchema, value: unknown): CheckResult<unknown> {
  const issues: CheckIssue[] = [];
  const data = check(schema, value, [], { root: schema, issues, checks: new WeakSet() });
  return issues.length === 0 ? { success: true, data } : { success: false, issues };
}

interface Context {
  root: JsonSchema;
  issues: CheckIssue[];
  /** Issues of checks on a value of the right type (zod's `continue: true`): a union may still report them. */
  checks: WeakSet<CheckIssue>;
}

function check(schema: JsonSchema, value: unknown, path: Path, context: Context): unknown {
  const resolved = deref(schema, context.root);
  const push: Push = (issue, check = false) => {
    const full = { message: 'Invalid input', ...issue, path: [...path], input: value } as CheckIssue;
    context.issues.push(full);
    if (check) context.checks.add(full);
  };
  const union = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  if (union) return checkUnion(union, value, path, context, push);
  for (const part of (resolved.allOf ?? []) as JsonSchema[]) value = check(part, value, path, context);

  if (resolved.const !== undefined && !Object.is(resolved.const, value)) {
    push({ code: 'invalid_value', values: [resolved.const] });
    return value;
  }
  if (Array.isArray(resolved.enum) && !resolved.enum.some((known) => Object.is(known, value))) {
    push({ code: 'invalid_value', values: resolved.enum });
    return value;
  }
  const types = typesOf(resolved);
  if (types && !types.some((type) => hasType(type, value))) {
    // A fraction where a whole number is expected fails zod's `.int()`, which stops the checks after it.
    const fraction = types.includes('integer') && typeof value === 'number' && Number.isFinite(value);
    push({ code: 'invalid_type', expected: fraction ? 'int' : expectedName(types) });
    return value;
  }
  if (typeof value === 'string') checkString(resolved, value, push);
  else if (typeof value === 'number') checkNumber(resolved, value, push);
  else if (Array.isArray(value)) return checkArray(resolved, value, path, context, push);
  else if (isRecord(value)) return checkObject(resolved, value, path, context, push);
  return value;
}

type Push = (issue: Omit<CheckIssue, 'path' | 'message'> & Record<string, unknown>, check?: boolean) => void;

/**
 * The first branch that passes; else, as zod does, the issues of the only branch that failed on checks alone
 * (the right shape, a wrong length or bound), or one `invalid_union`.
 */
function checkUnion(branches: JsonSchema[], value: unknown, path: Path, context: Context, push: Push): unknown {
  const failed: Context[] = [];
  for (const branch of branches) {
    const inner: Context = { root: context.root, issues: [], checks: context.checks };
    const data = check(branch, value, path, inner);
    if (inner.issues.length === 0) return data;
    failed.push(inner);
  }
  const onChecks = failed.filter((inner) => inner.issues.every((issue) => context.checks.has(issue)));
  if (onChecks.length === 1) context.issues.push(...(onChecks[0]?.issues ?? []));
  else push({ code: 'invalid_union' });
  return value;
}

function checkString(schema: JsonSchema, value: string, push: Push): void {
  // Lengths in code points, as zod counts them.
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength) {
    push({ code: 'too_small', origin: 'string', minimum: schema.minLength, inclusive: true }, true);
  }
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) {
    push({ code: 'too_big', origin: 'string', maximum: schema.maxLength, inclusive: true }, true);
  }
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    push({ code: 'invalid_format', format: 'regex', pattern: schema.pattern }, true);
  }
}

function checkNumber(schema: JsonSchema, value: number, push: Push): void {
  const origin = 'number';
  if (typeof schema.minimum === 'number' && value < schema.minimum) {
    push({ code: 'too_small', origin, minimum: schema.minimum, inclusive: true }, true);
  }
  if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) {
    push({ code: 'too_small', origin, minimum: schema.exclusiveMinimum, inclusive: false }, true);
  }
  if (typeof schema.maximum === 'number' && value > schema.maximum) {
    push({ code: 'too_big', origin, maximum: schema.maximum, inclusive: true }, true);
  }
  if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) {
    push({ code: 'too_big', origin, maximum: schema.exclusiveMaximum, inclusive: false }, true);
  }
  if (typeof schema.multipleOf === 'number' && !Number.isInteger(value / schema.multipleOf)) {
    push({ code: 'not_multiple_of', divisor: schema.multipleOf }, true);
  }
}

function checkArray(schema: JsonSchema, value: unknown[], path: Path, context: Context, push: Push): unknown[] {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
    push({ code: 'too_small', origin: 'array', minimum: schema.minItems, inclusive: true }, true);
  }
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
    push({ code: 'too_big', origin: 'array', maximum: schema.maxItems, inclusive: true }, true);
  }
  const items = schema.items;
  if (!isRecord(items)) return value;
  return value.map((item, index) => check(items, item, [...path, index], context));
}

function checkObject(
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: Path,
  context: Context,
  push: Push,
): Record<string, unknown> {
  const properties = (isRecord(schema.properties) ? schema.properties : {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const out: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    const child = deref(property, context.root);
    if (value[key] === undefined) {
      if (child.default !== undefined) out[key] = structuredClone(child.default);
      // What zod reports for a missing field: its check of `undefined` (the expected type, or the known values).
      else if (required.has(key)) check(property, undefined, [...path, key], context);
      continue;
    }
    out[key] = check(property, value[key], [...path, key], context);
  }
  const extra = Object.keys(value).filter((key) => !(key in properties));
  if (schema.additionalProperties === false && extra.length > 0) push({ code: 'unrecognized_keys', keys: extra });
  const names = isRecord(schema.propertyNames) ? schema.propertyNames : undefined;
  const rest = isRecord(schema.additionalProperties) ? schema.additionalProperties : undefined;
  for (const key of extra) {
    if (names && !checkJsonSchemaIn(names, key, context.root)) {
      context.issues.push({
        code: 'invalid_key',
        origin: 'record',
        path: [...path, key],
        message: 'Invalid key',
      } as CheckIssue);
      continue;
    }
    out[key] = rest ? check(rest, value[key], [...path, key], context) : value[key];
  }
  return out;
}

function checkJsonSchemaIn(schema: JsonSchema, value: unknown, root: JsonSchema): boolean {
  const inner: Context = { root, issues: [], checks: new WeakSet() };
  check(schema, value, [], inner);
  return inner.issues.length === 0;
}

function deref(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  if (ref === '#') return root;
  const name = ref.replace(/^#\/(\$defs|definitions)\//, '');
  const defs = (root.$defs ?? root.definitions ?? {}) as Record<string, JsonSchema>;
  return defs[name] ?? {};
}

function typesOf(schema: JsonSchema): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? (schema.type as string[]) : undefined;
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    default:
      return true;
  }
}

function expectedName(types: string[]): string {
  const named = types.filter((type) => type !== 'null');
  const first = named[0] ?? types[0] ?? 'value';
  return first === 'integer' ? 'number' : first;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
