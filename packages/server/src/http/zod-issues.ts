import { z } from 'zod';
import type { Lang } from './env';
import type { IssueBody } from './http-error';

const locales = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };

/** The zod error map for `lang`, to pass as `schema.safeParse(data, { error })`. */
export function zodErrorMap(lang: Lang): z.core.$ZodErrorMap {
  return locales[lang] as z.core.$ZodErrorMap;
}

/** True for a zod error, even from another copy of zod. */
export function isZodError(value: unknown): value is z.ZodError {
  return (
    value instanceof z.ZodError ||
    (value instanceof Error && value.name === 'ZodError' && Array.isArray((value as z.ZodError).issues))
  );
}

/**
 * Issues of a zod error thrown elsewhere (invoicing, nodes), in `lang`. A message zod wrote itself is
 * rewritten in `lang`; a message the schema's author wrote is kept as is.
 */
export function localizeZodIssues(error: z.ZodError, lang: Lang): IssueBody[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: localizeMessage(issue, lang),
  }));
}

function localizeMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  const raw = issue as unknown as z.core.$ZodRawIssue;
  const english = messageOf(locales.en(raw));
  if (english === undefined) return issue.message;
  // The input is not kept on thrown issues, so "received ..." cannot be restated; compare the stem only.
  const stem = english.split(', received')[0] ?? english;
  if (!issue.message.startsWith(stem)) return issue.message;
  if (lang === 'en') return issue.message;
  const french = messageOf(locales.fr(raw));
  if (french === undefined) return issue.message;
  return issue.code === 'invalid_type' ? (french.split(', ')[0] ?? french) : french;
}

function messageOf(result: unknown): string | undefined {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && typeof (result as { message?: unknown }).message === 'string') {
    return (result as { message: string }).message;
  }
  return undefined;
}
