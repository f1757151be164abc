import { z } from 'zod';

/** The comparison a rule applies; see `evaluateCondition` for the exact semantics. */
export const ConditionOperatorSchema = z.enum([
  'equals',
  'not_equals',
  'contains',
  'greater_than',
  'less_than',
  'is_empty',
  'is_not_empty',
]);
export type ConditionOperator = z.infer<typeof ConditionOperatorSchema>;

/** One comparison: the value at `field` (a dot path into the run data) against `value`. */
export const ConditionRuleSchema = z.object({
  /** Dot path into the run data, e.g. `trigger.customer.email`, `trigger.items.0.sku`, `nodes.n1.status`. */
  field: z.string().min(1).max(500),
  operator: ConditionOperatorSchema,
  /** Ignored by `is_empty` and `is_not_empty`. */
  value: z.unknown().optional(),
  /** Applies to text comparisons. Default false. */
  caseSensitive: z.boolean().default(false),
});
export type ConditionRule = z.input<typeof ConditionRuleSchema>;

/** Rules and nested groups combined with `all` (every one true) or `any` (at least one true). */
export interface ConditionGroup {
  combinator: 'all' | 'any';
  conditions: (ConditionRule | ConditionGroup)[];
}

/** A rule or a nested group, as found in a group's `conditions`. */
export type Condition = ConditionRule | ConditionGroup;

/** Recursive schema of a condition group. */
export const ConditionGroupSchema: z.ZodType<ConditionGroup, ConditionGroupInput> = z.lazy(() =>
  z.object({
    combinator: z.enum(['all', 'any']),
    conditions: z.array(z.union([ConditionRuleSchema, ConditionGroupSchema])).max(200),
  }),
);

/** A group as accepted by the schema (`caseSensitive` may be omitted). */
export interface ConditionGroupInput {
  combinator: 'all' | 'any';
  conditions: (z.input<typeof ConditionRuleSchema> | ConditionGroupInput)[];
}
