import { z } from 'zod';
import { ConditionGroupSchema } from '../conditions/schema';
import { AutomationSchema } from '../model/automation';
import type { NodeDefinition } from '../node/types';
import type { CheckResult, SchemaChecks } from './schema-checks';

/** Cached JSON Schemas of config schemas, for the labels of their fields in problems. */
const configJson = new WeakMap<object, Record<string, unknown> | null>();

/** The schema checks of the server and the engine: zod, with each issue's input reported. */
export const zodChecks: SchemaChecks = {
  document: (input) => answer(AutomationSchema.safeParse(input, { reportInput: true })),
  conditions: (input) => answer(ConditionGroupSchema.safeParse(input, { reportInput: true })),
  config: (definition, config) => answer(definition.configSchema.safeParse(config, { reportInput: true })),
  configJsonSchema,
};

function answer<T>(result: z.ZodSafeParseResult<T>): CheckResult<T> {
  return result.success ? { success: true, data: result.data } : { success: false, issues: result.error.issues };
}

function configJsonSchema(definition: NodeDefinition): Record<string, unknown> | undefined {
  let json = configJson.get(definition.configSchema);
  if (json === undefined) {
    try {
      json = z.toJSONSchema(definition.configSchema, { io: 'input', unrepresentable: 'any' }) as Record<
        string,
        unknown
      >;
    } catch {
      json = null;
    }
    configJson.set(definition.configSchema, json);
  }
  return json ?? undefined;
}
