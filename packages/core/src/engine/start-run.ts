import { ConflictError } from '../errors/errors';
import { ErrorCode } from '../errors/swigs-error';
import type { Automation } from '../model/automation';
import type { AutomationRun } from '../model/run';
import type { StatsDelta } from '../ports/run-store';
import { delayedStart } from './delayed-start';
import { type EngineCore, executeInWorker, messageOf } from './engine-core';
import { fail } from './execute-run';
import { newRun } from './new-run';
import { type ExecutionPlan, summarizeProblems } from './plan';
import { runIdForKey } from './run-id';
import { triggerMatches } from './trigger-match';
import type { StartedRun } from './types';

const DAY_MS = 86_400_000;

export interface StartOptions {
  /** Check the trigger's filters (events); a manual run starts whatever its trigger says. */
  match: boolean;
  /** Starts the run once per key; scoped to the automation unless `rawKey`. */
  dedupeKey?: string;
  rawKey?: boolean;
  /** The automation's trigger is a delayed one (`time.delay`) following this event. */
  delayed?: boolean;
}

/**
 * Starts one run of `automation` for an event or a manual call when its trigger matches; resolves once the run
 * completed, failed or parked. Null when the trigger does not match or the (keyed) event was already taken. An
 * automation that cannot run still gets a run, failed at once, so the mistake shows where the runs are.
 */
export async function startRun(
  core: EngineCore,
  automation: Automation,
  payload: unknown,
  options: StartOptions,
): Promise<AutomationRun | null> {
  if (typeof automation?.id !== 'string' || typeof automation.userId !== 'string') {
    core.logger.warn('skipping an automation without id or userId');
    return null;
  }
  const plan = core.plans.forAutomation(automation);
  let refusal: { message: string; code: string } | undefined;
  if (plan.blocking.length > 0) {
    refusal = { message: summarizeProblems(plan.automation.name, plan.blocking), code: ErrorCode.GraphInvalid };
  } else if (options.match) {
    try {
      if (!triggerMatches(plan, payload)) return null;
    } catch (error) {
      refusal = {
        message: `automation "${plan.automation.name}": trigger filter failed: ${messageOf(error)}`,
        code: codeOf(error),
      };
    }
  }
  let startAt: Date | undefined;
  if (!refusal && options.delayed) {
    try {
      startAt = delayedStart(plan, payload, core.clock.now());
    } catch (error) {
      refusal = {
        message: `automation "${plan.automation.name}": trigger delay failed: ${messageOf(error)}`,
        code: codeOf(error),
      };
    }
  }
  const key =
    options.dedupeKey === undefined
      ? undefined
      : options.rawKey
        ? options.dedupeKey
        : `${options.dedupeKey}:${automation.id}`;
  // The key outlives purged runs; the deterministic run id makes the insert itself the dedupe.
  if (key !== undefined && (await core.store.keys.has(key))) return null;

  const now = core.clock.now();
  const run = runOf(
    core,
    plan,
    automation,
    payload,
    key === undefined ? core.generateId() : runIdForKey(`${automation.userId}\u0000${key}`),
    now,
  );
  if (refusal) return startFailed(core, run, key, refusal.message, refusal.code, now);
  if (startAt !== undefined && startAt.getTime() > now.getTime()) return startParked(core, run, key, startAt, now);
  const writes = core.writer.forNew({ key, createdAt: now });
  return writes.settle(await executeInWorker(core, run, plan, writes));
}

/**
 * Starts a run and writes it at once, before its first node (`startAutomation`); null when the id is taken (an
 * earlier call with the same idempotency key). `finished` never rejects: a failure is in the run.
 */
export async function startStored(
  core: EngineCore,
  automation: Automation,
  payload: unknown,
  id: string,
): Promise<StartedRun | null> {
  const plan = core.plans.forAutomation(automation);
  const now = core.clock.now();
  const run = runOf(core, plan, automation, payload, id, now);
  if (plan.blocking.length > 0) {
    const message = summarizeProblems(plan.automation.name, plan.blocking);
    fail(run, now, message, ErrorCode.GraphInvalid, null);
    if (!(await core.writer.insert(run, undefined, failedStart(now, message), true))) return null;
    if (core.listening('run.failed')) core.emit('run.failed', { run, error: message });
    return { run, finished: Promise.resolve(run), stored: storedAlready, replayed: false };
  }
  if (!(await core.writer.insert(run, undefined, { totalRuns: 1, lastRunAt: now }, true))) return null;
  const finished = executeInWorker(core, run, plan, core.writer.stored).catch((error: unknown) => {
    core.logger.error('a started run stopped unexpectedly', { runId: run.id, error: messageOf(error) });
    return run;
  });
  return { run, finished, stored: storedAlready, replayed: false };
}

/**
 * Starts a run whose first write follows the engine's rule for events (`startAutomation` with `write: 'deferred'`):
 * a run that ends without side effects or waits is written once, with its start and outcome counted together.
 * `finished` rejects when that write failed; `stored()` writes the run now when the caller must answer first.
 */
export function startDeferred(core: EngineCore, automation: Automation, payload: unknown, id: string): StartedRun {
  const plan = core.plans.forAutomation(automation);
  const now = core.clock.now();
  const run = runOf(core, plan, automation, payload, id, now);
  const writes = core.writer.forNew({ key: undefined, createdAt: now });
  let finished: Promise<AutomationRun>;
  if (plan.blocking.length > 0) {
    const message = summarizeProblems(plan.automation.name, plan.blocking);
    fail(run, now, message, ErrorCode.GraphInvalid, null);
    finished = writes.store(run).then(() => {
      if (core.listening('run.failed')) core.emit('run.failed', { run, error: message });
      return run;
    });
  } else {
    finished = executeInWorker(core, run, plan, writes).then((done) => {
      const settled = writes.settle(done);
      if (!settled) throw new ConflictError(`run "${run.id}" already exists`);
      return settled;
    });
  }
  // The caller may only await `stored()`: a failure is reported there, not as an unhandled rejection.
  finished.catch(() => {});
  return { run, finished, stored: () => writes.store(run), replayed: false };
}

const storedAlready = (): Promise<void> => Promise.resolve();

/** The answer to a repeated idempotency key: the first call's run, awaited when it still runs here. */
export function replayRun(core: EngineCore, run: AutomationRun): StartedRun {
  const flight = core.inFlight.get(run.id);
  const finished = flight ? flight.done.catch(() => run) : Promise.resolve(run);
  return { run: flight?.run ?? run, replayed: true, finished, stored: storedAlready };
}

function runOf(
  core: EngineCore,
  plan: ExecutionPlan,
  automation: Automation,
  payload: unknown,
  id: string,
  now: Date,
): AutomationRun {
  return newRun({
    id,
    automation: plan.automation,
    triggerType: automation.trigger?.type ?? plan.trigger?.type ?? 'unknown',
    payload,
    queue: [...plan.entry],
    now,
    workerId: core.workerId,
    leaseMs: core.leaseMs,
  });
}

/** A run that cannot start is written failed at once, counted in the same write. */
async function startFailed(
  core: EngineCore,
  run: AutomationRun,
  key: string | undefined,
  message: string,
  code: string,
  now: Date,
): Promise<AutomationRun | null> {
  fail(run, now, message, code, null);
  if (!(await core.writer.insert(run, key, failedStart(now, message)))) return null;
  if (core.listening('run.failed')) core.emit('run.failed', { run, error: message });
  return run;
}

/**
 * A delayed trigger's run (`time.delay`): stored waiting until `startAt`, without a lease, so whichever worker is
 * up then starts it, as it would resume a wait. Its start is counted now, with this write.
 */
async function startParked(
  core: EngineCore,
  run: AutomationRun,
  key: string | undefined,
  startAt: Date,
  now: Date,
): Promise<AutomationRun | null> {
  const delayMs = startAt.getTime() - now.getTime();
  if (delayMs > core.limits.maxWaitMs) {
    const message = `automation "${run.automationId}": trigger delay of ${Math.round(delayMs / DAY_MS)} days exceeds the limit of ${Math.round(core.limits.maxWaitMs / DAY_MS)} days`;
    return startFailed(core, run, key, message, ErrorCode.LimitExceeded, now);
  }
  run.status = 'waiting';
  run.scheduledAt = startAt;
  run.startedAt = null;
  run.leaseOwner = null;
  run.leaseUntil = null;
  if (!(await core.writer.insert(run, key, { totalRuns: 1, lastRunAt: now }))) return null;
  if (core.listening('run.waiting')) core.emit('run.waiting', { run, until: startAt });
  return run;
}

function failedStart(now: Date, message: string): StatsDelta {
  return { totalRuns: 1, lastRunAt: now, failedRuns: 1, lastError: message };
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : ErrorCode.Evaluation;
}
