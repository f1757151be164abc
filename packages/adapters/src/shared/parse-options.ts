import { ConfigInvalidError } from '@swigs/automation-core';
import type { z } from 'zod';

/**
 * Parses an adapter's options with `schema`, or throws `ConfigInvalidError` listing every problem by field path.
 * Messages name fields, never values, so a wrong password or token is not echoed.
 * @example
 * const config = parseOptions(SmtpMailOptionsSchema, options, 'smtp mail');
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  input: unknown,
  label: string,
  describe: (path: string, message: string) => string = (path, message) => `${path || 'options'}: ${message}`,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    code: 'config_invalid',
    message: describe(issue.path.map(String).join('.'), issue.message),
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
  }));
  throw new ConfigInvalidError(`${label}: ${problems.map((p) => p.message).join('; ')}`, problems);
}
