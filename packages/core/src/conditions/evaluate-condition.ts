import { EvaluationError } from '../errors/errors';
import { getPath } from './get-path';
import type { Condition, ConditionRule } from './schema';

/**
 * Evaluates a rule or a group against the run data (`{ trigger, nodes }`).
 *
 * Semantics, in order:
 * - Groups: `all` is true when every entry is true (true when empty), `any` when one is (false when empty).
 *   Entries are evaluated in order and stop at the first decisive one, so `[is_not_empty x, x greater_than 3]`
 *   in an `all` group never compares a missing `x`.
 * - Empty means null, undefined, `''`, `[]` or an object without own keys. `0`, `false` and `' '` are not empty.
 * - Numbers compare with numeric strings (`'12.50'` equals `12.5`); two numeric strings order as numbers.
 * - ISO-8601 strings (`2026-03-01`, `2026-03-01T08:00:00Z`) and `Date` values compare as instants; a date-time
 *   without an offset is read as UTC. An impossible date (`2026-02-30`) is not a date: it compares as text.
 * - Booleans compare with booleans and with the strings `'true'`/`'false'`.
 * - Text compares case-insensitively unless `caseSensitive` is true; `greater_than`/`less_than` on text is
 *   code-point order after case folding.
 * - `equals`/`not_equals`: null and undefined equal each other and differ from every other value. Arrays and
 *   objects are equal when they hold equal entries.
 * - `contains`: substring for text (the value must be text, a number or a boolean); for an array, whether one
 *   element equals the value (elements of an incomparable type simply do not match). A missing field contains nothing.
 * - Anything else (a number against `'abc'`, a missing value ordered against 3, an object ordered...) throws
 *   `EvaluationError` naming the field: an incomparable pair is never a silent false.
 */
export function evaluateCondition(condition: Condition, data: unknown): boolean {
  if (typeof condition !== 'object' || condition === null) {
    throw new EvaluationError(`condition must be a rule or a group (got ${describe(condition)})`);
  }
  if ('combinator' in condition) {
    const { combinator, conditions } = condition;
    if (!Array.isArray(conditions)) throw new EvaluationError('condition group: conditions must be an array');
    if (combinator === 'all') {
      for (const entry of conditions) if (!evaluateCondition(entry, data)) return false;
      return true;
    }
    if (combinator === 'any') {
      for (const entry of conditions) if (evaluateCondition(entry, data)) return true;
      return false;
    }
    throw new EvaluationError(`condition group: combinator must be "all" or "any" (got ${describe(combinator)})`);
  }
  return evaluateRule(condition, data);
}

function evaluateRule(rule: ConditionRule, data: unknown): boolean {
  if (typeof rule.field !== 'string' || rule.field === '') {
    throw new EvaluationError('condition rule: field must be a non-empty dot path');
  }
  const actual = getPath(data, rule.field);
  const fold = rule.caseSensitive !== true;
  const where = `condition "${rule.field} ${String(rule.operator)}"`;
  switch (rule.operator) {
    case 'is_empty':
      return isEmpty(actual);
    case 'is_not_empty':
      return !isEmpty(actual);
    case 'equals':
      return equals(actual, rule.value, fold, where);
    case 'not_equals':
      return !equals(actual, rule.value, fold, where);
    case 'contains':
      return contains(actual, rule.value, fold, where);
    case 'greater_than':
      return order(actual, rule.value, fold, where) > 0;
    case 'less_than':
      return order(actual, rule.value, fold, where) < 0;
    default:
      throw new EvaluationError(`${where}: unknown operator`);
  }
}

/** True for null, undefined, `''`, `[]` and `{}`. */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !(value instanceof Date)) {
    for (const key in value) if (Object.hasOwn(value, key)) return false;
    return true;
  }
  return false;
}

type Pair =
  | { kind: 'number'; a: number; b: number }
  | { kind: 'date'; a: number; b: number }
  | { kind: 'boolean'; a: boolean; b: boolean }
  | { kind: 'string'; a: string; b: string };

function equals(actual: unknown, expected: unknown, fold: boolean, where: string): boolean {
  if (actual === null || actual === undefined || expected === null || expected === undefined) {
    return (actual === null || actual === undefined) && (expected === null || expected === undefined);
  }
  if (Array.isArray(actual) || Array.isArray(expected)) {
    if (!Array.isArray(actual) || !Array.isArray(expected)) throw incomparable(where, actual, expected);
    return deepEquals(actual, expected, fold);
  }
  if (isPlainObject(actual) || isPlainObject(expected)) {
    if (!isPlainObject(actual) || !isPlainObject(expected)) throw incomparable(where, actual, expected);
    return deepEquals(actual, expected, fold);
  }
  const pair = coerce(actual, expected, false);
  if (!pair) throw incomparable(where, actual, expected);
  const folded = foldPair(pair, fold);
  return folded.a === folded.b;
}

function order(actual: unknown, expected: unknown, fold: boolean, where: string): number {
  const pair = coerce(actual, expected, true);
  if (!pair || pair.kind === 'boolean') throw incomparable(where, actual, expected, 'ordered');
  if (pair.kind === 'string') {
    const a = fold ? pair.a.toLowerCase() : pair.a;
    const b = fold ? pair.b.toLowerCase() : pair.b;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return pair.a - pair.b;
}

function contains(actual: unknown, expected: unknown, fold: boolean, where: string): boolean {
  if (actual === null || actual === undefined) return false;
  if (typeof actual === 'string') {
    if (typeof expected !== 'string' && typeof expected !== 'number' && typeof expected !== 'boolean') {
      throw new EvaluationError(
        `${where}: text can only contain text, a number or a boolean (got ${describe(expected)})`,
      );
    }
    const needle = String(expected);
    return fold ? actual.toLowerCase().includes(needle.toLowerCase()) : actual.includes(needle);
  }
  if (Array.isArray(actual)) {
    for (const element of actual) if (looseEquals(element, expected, fold)) return true;
    return false;
  }
  throw new EvaluationError(`${where}: contains needs text or a list, got ${describe(actual)}`);
}

/** Equality that reports an incomparable pair as unequal (array elements, nested values). */
function looseEquals(a: unknown, b: unknown, fold: boolean): boolean {
  try {
    return equals(a, b, fold, '');
  } catch {
    return false;
  }
}

function deepEquals(a: unknown, b: unknown, fold: boolean): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => looseEquals(value, b[index], fold));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && looseEquals(a[key], b[key], fold));
  }
  return looseEquals(a, b, fold);
}

/** Brings two scalars to one comparable kind, or null when they are incomparable. */
function coerce(a: unknown, b: unknown, ordering: boolean): Pair | null {
  const dateA = toInstant(a);
  const dateB = toInstant(b);
  if (dateA !== undefined && dateB !== undefined) {
    if (Number.isNaN(dateA) || Number.isNaN(dateB)) return null;
    return { kind: 'date', a: dateA, b: dateB };
  }
  if (a instanceof Date || b instanceof Date) return null;
  if (typeof a === 'number' || typeof b === 'number') {
    const na = toNumber(a);
    const nb = toNumber(b);
    return na === undefined || nb === undefined ? null : { kind: 'number', a: na, b: nb };
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const ba = toBoolean(a);
    const bb = toBoolean(b);
    return ba === undefined || bb === undefined ? null : { kind: 'boolean', a: ba, b: bb };
  }
  if (typeof a === 'string' && typeof b === 'string') {
    if (ordering) {
      const na = toNumber(a);
      const nb = toNumber(b);
      if (na !== undefined && nb !== undefined) return { kind: 'number', a: na, b: nb };
    }
    return { kind: 'string', a, b };
  }
  return null;
}

/** Folds the case of a text pair when the rule is case-insensitive. */
function foldPair(pair: Pair, fold: boolean): Pair {
  return pair.kind === 'string' && fold ? { kind: 'string', a: pair.a.toLowerCase(), b: pair.b.toLowerCase() } : pair;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function toInstant(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  // Date.parse rolls 2026-02-30 over to March 2: an impossible date is not a date, so it compares as text.
  if (!isRealDate(value)) return undefined;
  const hasTime = value.length > 10;
  // Without an offset, a date-time is read as UTC rather than the host's local time.
  const text = hasTime && !match[1] ? `${value.replace(' ', 'T')}Z` : value.replace(' ', 'T');
  return Date.parse(text);
}

function isRealDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  if (value.length <= 10) return true;
  return Number(value.slice(11, 13)) < 24 && Number(value.slice(14, 16)) < 60 && Number(value.slice(17, 19) || 0) < 60;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim());
  return undefined;
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function incomparable(where: string, a: unknown, b: unknown, verb = 'compared'): EvaluationError {
  return new EvaluationError(`${where}: ${describe(a)} cannot be ${verb} with ${describe(b)}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'a missing value (undefined)';
  if (value === null) return 'null';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : `date ${value.toISOString()}`;
  if (Array.isArray(value)) return `a list (${value.length} items)`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return `${typeof value} ${String(value)}`;
}
