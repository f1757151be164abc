import type { Automation } from '../model/automation';
import type { AutomationRun } from '../model/run';
import type { Registry } from '../node/types';
import type { AutomationRepository } from '../ports/run-store';
import { LruCache } from './lru-cache';
import { compilePlan, type ExecutionPlan, planKey } from './plan';

/** Compiled plans per automation version: a version never changes, so each is compiled once (up to 1,000 kept). */
export interface PlanCache {
  /** The plan of `automation` as given. */
  forAutomation(automation: Automation): ExecutionPlan;
  /**
   * The plan of the version `run` is pinned to (its stored snapshot); null when that version no longer exists.
   * Synchronous when the plan is cached: a resume of many runs of one version awaits nothing per run.
   */
  forRun(run: AutomationRun): ExecutionPlan | Promise<ExecutionPlan | null>;
}

/** Creates the plan cache of one engine. */
export function createPlanCache(registry: Registry, automations: Pick<AutomationRepository, 'getVersion'>): PlanCache {
  const plans = new LruCache<string, ExecutionPlan>(1000);
  const loading = new Map<string, Promise<ExecutionPlan | null>>();
  return {
    forAutomation(automation) {
      const key = planKey(automation.userId, automation.id, automation.version);
      let plan = plans.get(key);
      if (!plan) {
        plan = compilePlan(automation, registry);
        plans.set(key, plan);
      }
      return plan;
    },
    forRun(run) {
      const key = planKey(run.userId, run.automationId, run.automationVersion);
      const cached = plans.get(key);
      if (cached) return cached;
      // One read and one compilation per version, however many of its runs a claim batch resumes at once.
      let pending = loading.get(key);
      if (!pending) {
        pending = automations
          .getVersion(run.userId, run.automationId, run.automationVersion)
          .then((snapshot) => {
            if (!snapshot) return null;
            const plan = compilePlan(snapshot, registry);
            plans.set(key, plan);
            return plan;
          })
          .finally(() => loading.delete(key));
        loading.set(key, pending);
      }
      return pending;
    },
  };
}
