import type { Automation } from '../model/automation';
import type { Lang, NodeRetryPolicy, Ports, Registry } from '../node/types';
import { createFakeClock, type Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { validateAutomationAsync } from '../validation/validate-async';
import { executeRun, type RunHost } from './execute-run';
import { delayedStart } from './delayed-start';
import { newRun } from './new-run';
import { RunAbort } from './run-abort';
import { compilePlan, summarizeProblems } from './plan';
import type { RunWrites } from './run-writer';
import { triggerMatches } from './trigger-match';
import type { DryRunResult, EngineLimits, TimelineEntry } from './types';

export interface DryRunContext {
  registry: Registry;
  ports: Ports;
  logger: Logger;
  limits: Required<EngineLimits>;
  retry: Required<NodeRetryPolicy>;
  /** Simulated start instant. */
  start: Date;
  /** Language of the listed problems. Default English. */
  lang?: Lang;
  /** The tenant whose stored data (email templates) the listed problems are checked against. */
  userId: string;
}

/**
 * Runs an automation on a virtual clock with `dryRun` set: waits take no real time, nothing is persisted and no
 * event is emitted. The timeline opens with the trigger (`nodeId: 'trigger'`, `skipped` when its filters reject
 * the sample) and lists every node with the simulated instant it ran at.
 */
export async function testAutomation(
  context: DryRunContext,
  automation: Automation,
  sampleData?: unknown,
): Promise<DryRunResult> {
  const startedAt = new Date(context.start.getTime());
  const payloadOf = (fallback: unknown): unknown =>
    sampleData !== undefined ? sampleData : automation.sampleData !== undefined ? automation.sampleData : fallback;
  const plan = compilePlan(automation, context.registry);
  // The problems a save would report, host checks included, so a dry run never calls "fine" what a save refuses.
  const problems = await validateAutomationAsync(automation, context.registry, {
    ...(context.lang ? { lang: context.lang } : {}),
    samples: { trigger: payloadOf(plan.trigger?.definition?.sampleOutput) },
    ports: context.ports,
    userId: context.userId,
  });
  // It stops exactly where a real run stops (the plan's blocking problems), and lists the rest beside the timeline.
  const blocking = plan.blocking;
  if (blocking.length > 0) {
    return {
      status: 'failed',
      startedAt,
      finishedAt: startedAt,
      timeline: [],
      problems,
      error: summarizeProblems(plan.automation.name, blocking),
    };
  }

  const fake = createFakeClock(startedAt);
  // Sleeping (retry backoff) moves virtual time forward at once instead of waiting for someone to advance it.
  const clock: Clock = {
    now: () => fake.now(),
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      fake.set(fake.now().getTime() + Math.max(0, ms));
    },
  };
  const payload = payloadOf(plan.trigger?.definition?.sampleOutput);
  const timeline: TimelineEntry[] = [];
  const trigger = plan.trigger;
  let matched = true;
  let startAt: Date | undefined;
  try {
    matched = triggerMatches(plan, payload);
    // A delayed trigger (`time.delay`) starts its first node after the delay, as the real run would.
    if (matched) startAt = delayedStart(plan, payload, startedAt);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    timeline.push({
      nodeId: 'trigger',
      nodeType: trigger?.type ?? '',
      at: startedAt,
      status: 'failed',
      error: message,
    });
    return {
      status: 'failed',
      startedAt,
      finishedAt: startedAt,
      timeline,
      problems,
      error: `trigger filter failed: ${message}`,
    };
  }
  const delayed = startAt !== undefined && startAt.getTime() > startedAt.getTime();
  timeline.push({
    nodeId: 'trigger',
    nodeType: trigger?.type ?? '',
    at: startedAt,
    status: matched ? 'success' : 'skipped',
    output: payload,
    ...(delayed ? { waitUntil: startAt } : {}),
  });
  if (!matched) return { status: 'completed', startedAt, finishedAt: startedAt, timeline, problems };
  if (delayed) fake.set(startAt as Date);

  const host: RunHost = {
    clock,
    logger: context.logger,
    ports: context.ports,
    dryRun: true,
    limits: context.limits,
    retry: context.retry,
    listening: () => false,
    emit: () => {},
    onNode: (entry, result) => {
      const item: TimelineEntry = {
        nodeId: entry.nodeId,
        nodeType: entry.nodeType,
        at: entry.startedAt,
        status: entry.status,
      };
      if (entry.branch !== undefined) item.branch = entry.branch;
      if (result?.output !== undefined) item.output = result.output;
      if (entry.error) item.error = entry.error;
      if (result?.waitUntil && result.waitUntil.getTime() > entry.startedAt.getTime())
        item.waitUntil = result.waitUntil;
      timeline.push(item);
    },
  };
  const run = newRun({
    id: `dry-run-${globalThis.crypto.randomUUID()}`,
    automation: plan.automation,
    triggerType: trigger?.type ?? '',
    payload,
    queue: [...plan.entry],
    now: fake.now(),
  });
  const abort = new RunAbort();
  await executeRun(host, run, plan, abort, DRY_RUN_WRITES);
  while (run.status === 'waiting' && run.scheduledAt) {
    fake.set(run.scheduledAt);
    run.status = 'running';
    run.scheduledAt = null;
    await executeRun(host, run, plan, abort, DRY_RUN_WRITES);
  }
  const finishedAt = fake.now();
  if (run.status === 'failed')
    return { status: 'failed', startedAt, finishedAt, timeline, problems, error: run.error ?? 'failed' };
  return { status: 'completed', startedAt, finishedAt, timeline, problems };
}

/** A dry run writes nothing: every write "succeeds" at once. */
const DRY_RUN_WRITES: RunWrites = {
  written: true,
  save: async () => true,
  beforeEffects: async () => true,
  handBack: async () => {},
};
