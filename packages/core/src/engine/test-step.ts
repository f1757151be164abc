import type { Automation } from '../model/automation';
import type { NodeContext, Ports, Registry, RunData } from '../node/types';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { StepTestResult } from './types';

export interface StepTestContext {
  registry: Registry;
  ports: Ports;
  logger: Logger;
  clock: Clock;
  /** Longest the step may take (the engine's node timeout). */
  timeoutMs: number;
}

export interface StepTestOptions {
  /** Run with side effects (send the e-mail, call the webhook). Default false: a dry run, as in `testAutomation`. */
  live?: boolean;
}

/**
 * Runs one step of `automation` on `data` once (no retry, nothing persisted): "test this step" in the builder.
 * The config is checked with the step's schema first; a failure is a result, never a throw.
 */
export async function testStep(
  context: StepTestContext,
  automation: Automation,
  nodeId: string,
  data: Partial<RunData>,
  options: StepTestOptions = {},
): Promise<StepTestResult> {
  const node = automation.nodes.find((candidate) => candidate.id === nodeId);
  const dryRun = options.live !== true;
  const input: RunData = { trigger: data.trigger ?? {}, nodes: data.nodes ?? {} };
  const startedAt = context.clock.now();
  const result = (fields: Partial<StepTestResult>): StepTestResult => ({
    nodeId,
    nodeType: node?.type ?? '',
    status: 'failed',
    dryRun,
    input,
    startedAt,
    durationMs: context.clock.now().getTime() - startedAt.getTime(),
    ...fields,
  });
  if (!node) return result({ error: `automation "${automation.name}" has no step "${nodeId}"` });
  const definition = context.registry.get(node.type);
  if (!definition?.execute) return result({ error: `step "${nodeId}": unknown node type "${node.type}"` });
  const parsed = definition.configSchema.safeParse(node.config);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
    return result({ error: `step "${nodeId}" (${node.type}): ${detail.join('; ')}` });
  }
  const signal = AbortSignal.timeout(context.timeoutMs);
  const ctx: NodeContext = {
    config: parsed.data,
    data: input,
    node: { id: nodeId, type: node.type },
    run: { id: `test-${startedAt.getTime()}`, automationId: automation.id, userId: automation.userId, attempt: 1 },
    automation: { id: automation.id, name: automation.name, version: automation.version },
    idempotencyKey: `test-${startedAt.getTime()}:${nodeId}`,
    ports: context.ports,
    clock: context.clock,
    signal,
    logger: context.logger,
    dryRun,
  };
  try {
    const outcome = await definition.execute(ctx);
    return result({
      status: 'success',
      output: outcome.output,
      ...(outcome.branch !== undefined ? { branch: outcome.branch } : {}),
      ...(outcome.waitUntil ? { waitUntil: outcome.waitUntil } : {}),
    });
  } catch (error) {
    return result({ error: error instanceof Error ? error.message : String(error) });
  }
}
