import { z } from 'zod';
import { defineNode } from '@swigs/automation-core';
import { renderField, validateTemplateFields } from '../shared/templating';

/** Config of `transform`: output field names and the template each renders. */
export const TransformConfigSchema = z.object({
  fields: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier'), z.string().max(10_000)),
  /** Turn rendered numbers (`"12.5"`) and booleans into numbers and booleans. Default false. */
  coerce: z.boolean().default(false),
});

/** Computes new values from templates, stored as `nodes.<id>.<field>` for later steps. */
export const transform = defineNode({
  type: 'transform',
  kind: 'action',
  version: 1,
  category: 'flow',
  title: { fr: 'Transformer des données', en: 'Transform data' },
  description: { fr: 'Calcule des valeurs à partir de modèles pour les étapes suivantes.', en: 'Computes values from templates for later steps.' },
  configSchema: TransformConfigSchema,
  // Pure: evaluated from the run data alone, so it shares the next node's checkpoint.
  sideEffects: false,
  templateFields: ['fields'],
  sampleOutput: { fullName: 'Léa Müller', totalLabel: '1 234.50 CHF' },
  validate: ({ config, variables }) => validateTemplateFields(config, ['fields'], variables),
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
