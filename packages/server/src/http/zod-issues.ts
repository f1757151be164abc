import type { z } from 'zod';
import type { Lang } from './env';
import type { IssueBody } from './http-error';
import { isMessageKey, t, type MessageKey, type MessageParams } from './i18n';

/** True for a zod error, even from another copy of zod. */
export function isZodError(value: unknown): value is z.ZodError {
  return value instanceof Error && value.name === 'ZodError' && Array.isArray((value as z.ZodError).issues);
}

/**
 * Zod issues as the API reports them: `{ path, message }`, the message in `lang` and said of the field at `path`
 * (« doit contenir au moins 1 caractère »), never zod's developer text. A message a schema's author wrote is a key of
 * the message tables (its issue's `params` fill it) or, when it is no key, kept as written. `input` (the checked
 * value) tells a missing field from a wrong one when the issues do not carry their input.
 */
export function localizeZodIssues(issues: readonly z.core.$ZodIssue[], lang: Lang, input?: unknown): IssueBody[] {
  return issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: messageOf(issue, lang, input),
  }));
}

function messageOf(issue: z.core.$ZodIssue, lang: Lang, input: unknown): string {
  if (isMessageKey(issue.message)) return t(issue.message, lang, (issue as { params?: MessageParams }).params ?? {});
  const [key, params] = keyOf(issue, input);
  // A message the schema's author wrote (not zod's own "Invalid input: ...") is kept.
  if (key === 'field_invalid' && issue.message && !issue.message.startsWith('Invalid')) return issue.message;
  return t(key, lang, params);
}

function keyOf(issue: z.core.$ZodIssue, input: unknown): [MessageKey, MessageParams] {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue, input) ? ['field_required', {}] : ['field_type', { expected: issue.expected }];
    case 'too_small':
      return ['field_too_small', { origin: issue.origin, minimum: issue.minimum, inclusive: issue.inclusive }];
    case 'too_big':
      return ['field_too_big', { origin: issue.origin, maximum: issue.maximum, inclusive: issue.inclusive }];
    case 'invalid_format':
      return ['field_format', { ...issue, format: issue.format }];
    case 'invalid_value':
      return ['field_value', { values: issue.values }];
    case 'not_multiple_of':
      return ['field_multiple_of', { divisor: issue.divisor }];
    case 'unrecognized_keys':
      return ['field_unknown_keys', { keys: issue.keys }];
    case 'invalid_union':
      return [(issue as { discriminator?: string }).discriminator ? 'field_discriminator' : 'field_union', {}];
    case 'invalid_key':
      return ['field_key', {}];
    case 'invalid_element':
      return ['field_element', {}];
    default:
      return ['field_invalid', {}];
  }
}

/** A field left out: the issue's own input when zod kept it, else the value at its path, else zod's wording. */
function isMissing(issue: z.core.$ZodIssueInvalidType, input: unknown): boolean {
  if ('input' in issue) return issue.input === undefined;
  if (input !== undefined) return valueAt(input, issue.path) === undefined;
  return issue.message.endsWith('received undefined');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
