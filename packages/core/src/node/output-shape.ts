import { z } from 'zod';
import { ENUM_KEYWORD, FROM_CONFIG_KEYWORD, LABEL_KEYWORD, OPEN_KEYWORD } from './keywords';
import type { LocalizedText } from './types';

export { ENUM_KEYWORD, FROM_CONFIG_KEYWORD, LABEL_KEYWORD, OPEN_KEYWORD } from './keywords';

/** A value of any shape (a webhook body, an HTTP answer): every path below it is accepted. */
export function openValue(): z.ZodType<unknown> {
  return z.unknown().meta({ [OPEN_KEYWORD]: true });
}

/** An object with any keys (a manual payload, a record): every path below it is accepted. */
export function openRecord(): z.ZodType<Record<string, unknown>> {
  return z.record(z.string(), z.unknown()).meta({ [OPEN_KEYWORD]: true });
}

/**
 * Metadata naming a field for people, with its known values when it has some.
 * @example
 * status: z.string().meta(fieldMeta({ fr: 'Statut', en: 'Status' }, [{ value: 'paid', label: { fr: 'payée', en: 'paid' } }]))
 */
export function fieldMeta(
  label: LocalizedText,
  values?: readonly { value: string | number | boolean; label: LocalizedText }[],
): Record<string, unknown> {
  return { [LABEL_KEYWORD]: label, ...(values ? { [ENUM_KEYWORD]: values } : {}) };
}

/** JSON Schema of an output shape; dates and other values JSON cannot describe become `{}` (any value). */
export function outputJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** The catalogue's shape of an output derived from the config: open until the config is known. */
export const CONFIG_DERIVED_OUTPUT: Readonly<Record<string, unknown>> = Object.freeze({
  type: 'object',
  additionalProperties: true,
  [OPEN_KEYWORD]: true,
  [FROM_CONFIG_KEYWORD]: true,
});
