import {
  ConditionGroupSchema,
  defineNode,
  evaluateCondition,
  type ConditionGroup,
  type NodeConfigProblem,
} from '@swigs/automation-core';
import { z } from 'zod';
import { label } from '../shared/labels';

/** Branches on all/any rules over the run data (`trigger.*`, `nodes.<id>.*`). */
export const condition = defineNode({
  type: 'condition',
  kind: 'condition',
  version: 1,
  category: 'flow',
  title: { fr: 'Condition', en: 'Condition' },
  description: {
    fr: 'Continue par « vrai » ou « faux » selon des règles (toutes ou au moins une).',
    en: 'Continues on "true" or "false" depending on rules (all or any).',
  },
  configSchema: ConditionGroupSchema,
  outputs: ['true', 'false'],
  // Pure: evaluated from the run data alone, so it shares the next node's checkpoint.
  sideEffects: false,
  outputSchema: z.object({ result: z.boolean().meta(label('Résultat', 'Result')) }),
  sampleOutput: { result: true },
  validate: ({ config, isKnown }) => unknownFields(config, isKnown, []),
  execute(ctx) {
    const result = evaluateCondition(ctx.config, ctx.data);
    return { branch: result ? 'true' : 'false', output: { result } };
  },
});

/** Rules reading a field that no upstream node or trigger provides. */
function unknownFields(
  group: ConditionGroup,
  isKnown: (path: string) => boolean,
  path: (string | number)[],
): NodeConfigProblem[] {
  const problems: NodeConfigProblem[] = [];
  group.conditions.forEach((condition, index) => {
    const at = [...path, 'conditions', index];
    if ('combinator' in condition) problems.push(...unknownFields(condition, isKnown, at));
    else if (!isKnown(condition.field)) {
      problems.push({
        path: [...at, 'field'],
        code: 'unknown_variable',
        message: `${at.join('.')}.field: unknown variable "${condition.field}"`,
        params: { variable: condition.field },
      });
    }
  });
  return problems;
}
