import type { ExecutionPlan } from './plan';

/** When a delayed trigger's run starts, per its definition's `delay.startAt`. */
export function delayedStart(plan: Pick<ExecutionPlan, 'trigger'>, payload: unknown, now: Date): Date | undefined {
  const trigger = plan.trigger;
  const delay = trigger?.definition?.delay;
  if (!delay || trigger?.config === undefined) return undefined;
  const startAt = delay.startAt({ config: trigger.config, payload, now });
  if (!(startAt instanceof Date) || Number.isNaN(startAt.getTime()))
    throw new Error('startAt must return a valid Date');
  return startAt;
}
