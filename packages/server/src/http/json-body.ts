import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env';
import { HttpError } from './http-error';
import { invalidInput } from './validation';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

/**
 * Reads a route's JSON body and validates it with `schema`, for `c.req.valid('json')`. Whatever the content type
 * says, the body is read as JSON; an empty body is `undefined`, so optional bodies can default. Prototype-polluting
 * keys and nesting deeper than 64 levels are refused with 400.
 */
export function jsonBody(schema: z.ZodType): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const value = await readRawJson(c);
    const result = await schema.safeParseAsync(value, { reportInput: true });
    if (!result.success) throw invalidInput(result.error, value);
    c.req.addValidatedData('json', result.data as object);
    await next();
  };
}

/** The parsed JSON body, checked for forbidden keys and depth; `undefined` when empty. */
export async function readRawJson(c: Context<AppEnv>): Promise<unknown> {
  return parseJsonText(await c.req.text());
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
  // Most bodies are fine: a walk that builds no paths says so; only a refused one is walked again for its path.
  if (!hasShapeProblem(value)) return value;
  checkShape(value);
  return value;
}

/** Whether `checkShape` would refuse `root`, walked in the same order without building paths. */
function hasShapeProblem(root: unknown): boolean {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() as number;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) return true;
    if (Array.isArray(value)) {
      for (const item of value) {
        values.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in value) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      values.push((value as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return false;
}

/** Walks the value without recursion, so a hostile depth cannot overflow the stack. */
function checkShape(root: unknown): void {
  const stack: { value: unknown; depth: number; path: (string | number)[] }[] = [{ value: root, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH)
      throw new HttpError(400, 'too_deep', {
        issues: [{ path: path.slice(0, 10), key: 'too_deep_at', params: { max: MAX_DEPTH } }],
      });
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        stack.push({ value: item, depth: depth + 1, path: depth < 10 ? [...path, i] : path });
      });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new HttpError(400, 'forbidden_key', {
          issues: [{ path: [...path, key], key: 'forbidden_key_named', params: { key } }],
        });
      }
      stack.push({
        value: (value as Record<string, unknown>)[key],
        depth: depth + 1,
        path: depth < 10 ? [...path, key] : path,
      });
    }
  }
}
