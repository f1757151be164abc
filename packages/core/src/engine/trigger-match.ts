import { evaluateCondition } from '../conditions/evaluate-condition';
import type { ExecutionPlan } from './plan';

/**
 * Whether an event payload starts a run of `plan`: the trigger's `matches` hook (siteId, status filters...) and
 * its `conditions` both hold. The one reading of a trigger, for real runs and dry runs alike. Throws when a hook or
 * a condition fails to evaluate.
 */
export function triggerMatches(plan: Pick<ExecutionPlan, 'trigger'>, payload: unknown): boolean {
  const trigger = plan.trigger;
  if (trigger?.definition?.matches && !trigger.definition.matches({ config: trigger.config, payload })) return false;
  if (trigger?.conditions && !evaluateCondition(trigger.conditions, { trigger: payload, nodes: {} })) return false;
  return true;
}
