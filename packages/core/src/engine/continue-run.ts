import { ConflictError, NotFoundError } from '../errors/errors';
import { ErrorCode } from '../errors/swigs-error';
import type { AutomationRun } from '../model/run';
import { type EngineCore, executeInWorker, messageOf } from './engine-core';
import { fail } from './execute-run';
import type { ExecutionPlan } from './plan';
import { summarizeProblems } from './plan';

/**
 * Claims up to `limit` due runs (waits due, leases expired) for this worker. A run whose lease lapsed while it
 * still runs here (its renewal came late: a blocked event loop) comes back from the store too: the claim renewed
 * its lease, and running it a second time beside itself would repeat its side effects, so it is left out.
 */
export async function claimDue(core: EngineCore, limit: number): Promise<AutomationRun[]> {
  const claimed = await core.store.runs.claimDue({
    now: core.clock.now(),
    workerId: core.workerId,
    leaseMs: core.leaseMs,
    limit,
  });
  return claimed.filter((run) => !core.inFlight.get(run.id));
}

/** Continues a run this worker has just claimed (resume, crash recovery, retry) on the version it is pinned to. */
export function continueRun(core: EngineCore, run: AutomationRun): Promise<AutomationRun> {
  try {
    run.status = 'running';
    run.scheduledAt = null;
    run.startedAt ??= core.clock.now();
    let plan: ExecutionPlan | Promise<ExecutionPlan | null>;
    try {
      plan = core.plans.forRun(run);
    } catch (error) {
      return handBack(core, run, error);
    }
    // A cached plan continues the run in this turn, with no promise of its own.
    if (!(plan instanceof Promise)) return continueOn(core, run, plan);
    return plan.then(
      (loaded) => continueOn(core, run, loaded),
      (error: unknown) => handBack(core, run, error),
    );
  } catch (error) {
    // As from an async function: a synchronous failure (a clock that throws) rejects, so a caller starting a whole
    // claimed batch in a loop still starts the other runs.
    return Promise.reject(error);
  }
}

function continueOn(core: EngineCore, run: AutomationRun, plan: ExecutionPlan | null): Promise<AutomationRun> {
  if (plan && plan.blocking.length === 0) return executeInWorker(core, run, plan, core.writer.stored);
  return failUnrunnable(core, run, plan);
}

/** A store hiccup is not the run's fault: hand it back so a later poll continues it. */
async function handBack(core: EngineCore, run: AutomationRun, error: unknown): Promise<AutomationRun> {
  core.logger.error('could not load the automation version of a run', { runId: run.id, error: messageOf(error) });
  await core.store.runs.release(run.id, core.workerId).catch(() => {});
  return run;
}

/** Fails a run whose version is gone or cannot run, where its runs show. */
async function failUnrunnable(
  core: EngineCore,
  run: AutomationRun,
  plan: ExecutionPlan | null,
): Promise<AutomationRun> {
  const message = plan
    ? summarizeProblems(plan.automation.name, plan.blocking)
    : `automation "${run.automationId}" version ${run.automationVersion} no longer exists`;
  fail(run, core.clock.now(), message, plan ? ErrorCode.GraphInvalid : ErrorCode.NotFound, run.currentNodeId);
  if (await core.writer.stored.save(run).catch(() => false)) core.emit('run.failed', { run, error: message });
  return run;
}

/** Continues a failed run of `userId` from its failed node (completed nodes are skipped, `attempt` + 1). */
export async function retryFailedRun(core: EngineCore, userId: string, runId: string): Promise<AutomationRun> {
  const existing = await core.store.runs.get(userId, runId);
  if (!existing) throw new NotFoundError(`run "${runId}" not found`);
  if (existing.status !== 'failed')
    throw new ConflictError(`run "${runId}" is ${existing.status}; only failed runs can be retried`);
  const now = core.clock.now();
  const claimed = await core.store.runs.claimById(runId, ['failed'], {
    now,
    workerId: core.workerId,
    leaseMs: core.leaseMs,
  });
  if (!claimed) throw new ConflictError(`run "${runId}" is being retried by another worker`);
  claimed.attempt += 1;
  claimed.error = null;
  claimed.errorCode = null;
  claimed.completedAt = null;
  claimed.updatedAt = now;
  return continueRun(core, claimed);
}
