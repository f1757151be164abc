import { getPath } from '../conditions/get-path';
import type { VariableInfo, VariableType } from './variable-scope';

const MAX_DEPTH = 8;
const MAX_VARIABLES = 2000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Adds a sample's values to declared variables: each declared path gets its `sample`, and paths of the sample
 * below an open part (or every path, when nothing is declared) are added with a type read from the value.
 */
export function withSamples(
  declared: VariableInfo[] | undefined,
  sample: unknown,
  prefix: string,
  options: { sampleIsClosed?: boolean } = {},
): VariableInfo[] {
  if (!declared) return sampleVariables(sample, prefix, options.sampleIsClosed === true);
  const byPath = new Map(declared.map((variable) => [variable.path, variable]));
  const out = declared.map((variable) => {
    const value = valueAt(sample, variable.path, prefix);
    return isScalar(value) ? { ...variable, sample: value } : variable;
  });
  if (sample === undefined) return out;
  const open = declared.filter((variable) => variable.open).map((variable) => variable.path);
  if (open.length === 0) return out;
  for (const extra of sampleVariables(sample, prefix, false)) {
    if (byPath.has(extra.path)) continue;
    if (open.some((root) => extra.path.startsWith(`${root}.`))) out.push(extra);
  }
  return out;
}

/** Variables read from a sample value alone: every object, list (element `.0`) and leaf path. */
export function sampleVariables(sample: unknown, prefix: string, closed: boolean): VariableInfo[] {
  const out: VariableInfo[] = [];
  const walk = (value: unknown, path: string, depth: number): void => {
    if (out.length >= MAX_VARIABLES) return;
    const type = typeOfValue(value);
    out.push({
      path,
      type,
      ...(isScalar(value) ? { sample: value } : {}),
      ...(type === 'unknown' && !closed ? { open: true } : {}),
    });
    if (depth >= MAX_DEPTH) return;
    if (Array.isArray(value)) {
      if (value.length > 0) walk(value[0], `${path}.0`, depth + 1);
    } else if (type === 'object') {
      for (const [key, child] of Object.entries(value as Record<string, unknown>))
        walk(child, `${path}.${key}`, depth + 1);
    }
  };
  // The root stays readable without a sample (`{{#if nodes.check}}`), nothing below it.
  walk(sample, prefix, 0);
  return out;
}

/** Only leaves carry their sample: an object's or a list's would repeat everything below it. */
function isScalar(value: unknown): boolean {
  return value === null || value instanceof Date || ['string', 'number', 'boolean'].includes(typeof value);
}

function typeOfValue(value: unknown): VariableType {
  if (value instanceof Date) return 'date';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return ISO_DATE.test(value) ? 'date' : 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'object' && value !== null) return 'object';
  return 'unknown';
}

function valueAt(sample: unknown, path: string, prefix: string): unknown {
  if (path === prefix) return sample;
  return getPath(sample, path.slice(prefix.length + 1));
}
