import { z } from 'zod';
import { defineNode } from '@swigs/automation-core';
import { errorText, label } from '../shared/labels';
import { renderField, validateTemplateFields } from '../shared/templating';
import { TEMPLATE_PROBLEM_TEXTS } from '../templates/validate-template';

/** Config of `transform`: output field names and the template each renders. */
export const TransformConfigSchema = z.object({
  fields: z
    .record(
      z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier')
        .meta(
          errorText(
            'doit être un nom sans espace ni accent (lettres, chiffres, _)',
            'must be a name without spaces or accents (letters, digits, _)',
          ),
        ),
      z.string().max(10_000),
    )
    .meta(label('Champs calculés', 'Computed fields')),
  /** Turn rendered numbers (`"12.5"`) and booleans into numbers and booleans. Default false. */
  coerce: z.boolean().default(false).meta(label('Convertir nombres et booléens', 'Convert numbers and booleans')),
});

/** A transform's output: exactly its configured fields (text, or numbers and booleans when it coerces). */
function transformOutputSchema(config: z.output<typeof TransformConfigSchema>): z.ZodType {
  const value = config.coerce ? z.union([z.string(), z.number(), z.boolean()]) : z.string();
  return z.object(Object.fromEntries(Object.keys(config.fields).map((key) => [key, value])));
}

/** Computes new values from templates, stored as `nodes.<id>.<field>` for later steps. */
export const transform = defineNode({
  type: 'transform',
  kind: 'action',
  version: 1,
  category: 'flow',
  title: { fr: 'Transformer des données', en: 'Transform data' },
  description: {
    fr: 'Calcule des valeurs à partir de modèles pour les étapes suivantes.',
    en: 'Computes values from templates for later steps.',
  },
  configSchema: TransformConfigSchema,
  // Pure: evaluated from the run data alone, so it shares the next node's checkpoint.
  sideEffects: false,
  templateFields: ['fields'],
  outputSchema: transformOutputSchema,
  sampleOutput: { fullName: 'Léa Müller', totalLabel: "CHF 1'234.50" },
  messages: TEMPLATE_PROBLEM_TEXTS,
  validate: ({ config, isKnown }) => validateTemplateFields(config, ['fields'], isKnown),
  execute(ctx) {
    const output: Record<string, unknown> = {};
    for (const [key, source] of Object.entries(ctx.config.fields)) {
      const value = renderField(ctx, source);
      output[key] = ctx.config.coerce ? coerce(value) : value;
    }
    return { output };
  },
});

function coerce(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed !== '' && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return value;
}
