import { ConditionGroupSchema, defineNode, evaluateCondition } from '@swigs/automation-core';

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
  sampleOutput: { result: true },
  execute(ctx) {
    const result = evaluateCondition(ctx.config, ctx.data);
    return { branch: result ? 'true' : 'false', output: { result } };
  },
});
