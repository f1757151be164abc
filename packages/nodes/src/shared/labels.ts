import { fieldMeta } from '@swigs/automation-core';

/** Metadata naming a config or output field in French and English (forms, variables, problems). */
export function label(fr: string, en: string): Record<string, unknown> {
  return fieldMeta({ fr, en });
}

/** Metadata giving a field its own error text, in place of a custom English message. */
export function errorText(fr: string, en: string): Record<string, unknown> {
  return { 'x-swigs-error': { fr, en } };
}
