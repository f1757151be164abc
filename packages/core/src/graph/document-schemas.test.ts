import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConditionGroupSchema } from '../conditions/schema';
import { AutomationSchema } from '../model/automation';
import { AutomationRunSchema } from '../model/run';
import { AUTOMATION_JSON_SCHEMA, AUTOMATION_RUN_JSON_SCHEMA, CONDITION_GROUP_JSON_SCHEMA } from './document-schemas';

const jsonOf = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return json;
};

describe('document JSON Schemas', () => {
  it('match the zod schemas they stand for (regenerate them from z.toJSONSchema when this fails)', () => {
    expect(AUTOMATION_JSON_SCHEMA).toEqual(jsonOf(AutomationSchema));
    expect(CONDITION_GROUP_JSON_SCHEMA).toEqual(jsonOf(ConditionGroupSchema));
    expect(AUTOMATION_RUN_JSON_SCHEMA).toEqual(jsonOf(AutomationRunSchema));
  });
});
