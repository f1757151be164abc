import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env';
import { HttpError } from './http-error';
import { zodErrorMap } from './zod-issues';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

/**
 * Reads the JSON body and validates it with `schema` (messages in the request's language).
 * An empty body is `undefined`, so optional bodies can default. Prototype-polluting keys and nesting
 * deeper than 64 levels are refused with 400.
 */
export async function readJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const value = await readRawJson(c);
  return parseWith(c, schema, value);
}

/** Validates `value` with `schema`, throwing a localized 400 on failure. */
export function parseWith<S extends z.ZodType>(c: Context<AppEnv>, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { error: zodErrorMap(c.get('lang') ?? 'fr') });
  if (!result.success) {
    throw new HttpError(400, 'validation_failed', {
      issues: result.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: i.message,
      })),
    });
  }
  return result.data;
}

/** The parsed JSON body, checked for forbidden keys and depth; `undefined` when empty. */
export async function readRawJson(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  return parseJsonText(text);
}

/** Parses request JSON text with the same checks as `readRawJson`. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json');
  }
  checkShape(value);
  return value;
}

/** Walks the value without recursion, so a hostile depth cannot overflow the stack. */
function checkShape(root: unknown): void {
  const stack: { value: unknown; depth: number; path: (string | number)[] }[] = [{ value: root, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) throw new HttpError(400, 'too_deep', { issues: [{ path: path.slice(0, 10), message: `> ${MAX_DEPTH}` }] });
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: depth < 10 ? [...path, i] : path }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new HttpError(400, 'forbidden_key', { issues: [{ path: [...path, key], message: key }] });
      }
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: depth < 10 ? [...path, key] : path });
    }
  }
}
