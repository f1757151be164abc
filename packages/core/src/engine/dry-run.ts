import { evaluateCondition } from '../conditions/evaluate-condition';
import type { Automation } from '../model/automation';
import type { NodeRetryPolicy, Ports, Registry } from '../node/types';
import { createFakeClock, type Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { validateAutomation } from '../validation/validate-automation';
import { NON_BLOCKING_CODES } from '../validation/problem-codes';
import { executeRun, type RunHost } from './execute-run';
import { newRun } from './new-run';
import { RunAbort } from './run-abort';
import { compilePlan, summarizeProblems } from './plan';
import type { DryRunResult, EngineLimits, TimelineEntry } from './types';

export interface DryRunContext {
  registry: Registry;
  ports: Ports;
  logger: Logger;
  limits: Required<EngineLimits>;
  retry: Required<NodeRetryPolicy>;
  /** Simulated start instant. */
  start: Date;
}

/**
 * Runs an automation on a virtual clock with `dryRun` set: waits take no real time, nothing is persisted and no
 * event is emitted. The timeline opens with the trigger (`nodeId: 'trigger'`, `skipped` when its filters reject
 * the sample) and lists every node with the simulated instant it ran at.
 */
export async function testAutomation(context: DryRunContext, automation: Automation, sampleData?: unknown): Promise<DryRunResult> {
  const startedAt = new Date(context.start.getTime());
  const problems = validateAutomation(automation, context.registry);
  const blocking = problems.filter((problem) => !NON_BLOCKING_CODES.has(problem.code));
  const plan = compilePlan(automation, context.registry);
  if (blocking.length > 0) {
    return { status: 'failed', startedAt, finishedAt: startedAt, timeline: [], problems, error: summarizeProblems(plan.automation.name, blocking) };
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
  const payload = sampleData !== undefined ? sampleData : plan.trigger?.definition?.sampleOutput;
  const timeline: TimelineEntry[] = [];
  const trigger = plan.trigger;
  let matched = true;
  try {
    if (trigger?.definition?.matches && !trigger.definition.matches({ config: trigger.config, payload })) matched = false;
    if (matched && trigger?.conditions && !evaluateCondition(trigger.conditions, { trigger: payload, nodes: {} })) matched = false;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    timeline.push({ nodeId: 'trigger', nodeType: trigger?.type ?? '', at: startedAt, status: 'failed', error: message });
    return { status: 'failed', startedAt, finishedAt: startedAt, timeline, problems, error: `trigger filter failed: ${message}` };
  }
  timeline.push({ nodeId: 'trigger', nodeType: trigger?.type ?? '', at: startedAt, status: matched ? 'success' : 'skipped', output: payload });
  if (!matched) return { status: 'completed', startedAt, finishedAt: startedAt, timeline, problems };

  const host: RunHost = {
    clock,
    logger: context.logger,
    ports: context.ports,
    dryRun: true,
    limits: context.limits,
    retry: context.retry,
    checkpoint: async () => true,
    listening: () => false,
    emit: () => {},
    onNode: (entry, result) => {
      const item: TimelineEntry = { nodeId: entry.nodeId, nodeType: entry.nodeType, at: entry.startedAt, status: entry.status };
      if (entry.branch !== undefined) item.branch = entry.branch;
      if (result?.output !== undefined) item.output = result.output;
      if (entry.error) item.error = entry.error;
      if (result?.waitUntil && result.waitUntil.getTime() > entry.startedAt.getTime()) item.waitUntil = result.waitUntil;
      timeline.push(item);
    },
  };
  const run = newRun({
    id: `dry-run-${globalThis.crypto.randomUUID()}`,
    automation: plan.automation,
    triggerType: trigger?.type ?? '',
    payload,
    queue: [...plan.entry],
    now: startedAt,
  });
  const abort = new RunAbort();
  await executeRun(host, run, plan, abort);
  while (run.status === 'waiting' && run.scheduledAt) {
    fake.set(run.scheduledAt);
    run.status = 'running';
    run.scheduledAt = null;
    await executeRun(host, run, plan, abort);
  }
  const finishedAt = fake.now();
  if (run.status === 'failed') return { status: 'failed', startedAt, finishedAt, timeline, problems, error: run.error ?? 'failed' };
  return { status: 'completed', startedAt, finishedAt, timeline, problems };
}
