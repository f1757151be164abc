import { ErrorCode, SwigsError, isSwigsError } from '../errors/swigs-error';
import type { AutomationRun, ExecutionLogEntry } from '../model/run';
import type { NodeResult, NodeRetryPolicy, Ports } from '../node/types';
import type { AnalyzedNode } from '../validation/analyze-automation';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { EngineEvents, EngineLimits } from './types';
import { toLogPayload } from './log-payload';
import type { ExecutionPlan } from './plan';
import type { RunAbort } from './run-abort';
import type { ContextBase } from './node-context';
import { runNode } from './run-node';
import type { RunWrites } from './run-writer';

/** What every run of one engine (or one dry run) shares: ports, limits, events, a timeline for dry runs. */
export interface RunHost {
  clock: Clock;
  logger: Logger;
  ports: Ports;
  dryRun: boolean;
  limits: Required<EngineLimits>;
  retry: Required<NodeRetryPolicy>;
  /** Whether `event` has listeners, so payloads are only built when someone listens. */
  listening(event: keyof EngineEvents): boolean;
  emit<E extends keyof EngineEvents>(event: E, payload: Parameters<EngineEvents[E]>[0]): void;
  /** Called once the node's checkpoint is written. */
  onNode?(entry: ExecutionLogEntry, result: NodeResult | undefined): void;
}

/**
 * Executes `run` from its durable cursor (`queue` + `outputs`) until it completes, parks in a wait or fails; `writes`
 * stores it (the run writer's rule: one write per node with side effects, one per outcome).
 * A node runs at most once per run; a wait parks the whole run, including parallel branches still queued.
 */
export async function executeRun(
  host: RunHost,
  run: AutomationRun,
  plan: ExecutionPlan,
  abort: RunAbort,
  writes: RunWrites,
): Promise<AutomationRun> {
  const base: ContextBase = {
    config: undefined,
    data: { trigger: run.triggerData, nodes: run.outputs },
    node: { id: '', type: '' },
    run: { id: run.id, automationId: run.automationId, userId: run.userId, attempt: run.attempt },
    automation: plan.automation,
    idempotencyKey: '',
    ports: host.ports,
    clock: host.clock,
    logger: host.logger,
    dryRun: host.dryRun,
  };

  for (;;) {
    const nodeId = run.queue[0];
    if (nodeId === undefined) {
      finish(run, host.clock.now(), 'completed');
      if (await save(host, run, abort, writes)) settle(host, run);
      return run;
    }
    if (run.steps >= host.limits.maxStepsPerRun) {
      fail(
        run,
        host.clock.now(),
        `run exceeded the limit of ${host.limits.maxStepsPerRun} steps`,
        ErrorCode.LimitExceeded,
        nodeId,
      );
      if (await save(host, run, abort, writes)) settle(host, run);
      return run;
    }
    const node = plan.nodes.get(nodeId);
    const definition = node?.definition;
    if (!node || !definition?.execute || node.config === undefined) {
      const message = `node "${nodeId}" cannot run in version ${plan.automation.version} of automation "${plan.automation.name}"`;
      fail(run, host.clock.now(), message, ErrorCode.GraphInvalid, nodeId);
      if (await save(host, run, abort, writes)) settle(host, run);
      return run;
    }

    if (definition.sideEffects !== false && !writes.written && !(await prepare(host, run, abort, writes))) return run;
    run.currentNodeId = nodeId;
    if (host.listening('node.started')) host.emit('node.started', { run, nodeId, nodeType: node.type });
    const startedAt = host.clock.now();
    base.config = node.config;
    base.node = { id: nodeId, type: node.type };
    base.idempotencyKey = `${run.id}:${nodeId}`;
    const pending = runNode({
      definition,
      base,
      retry: resolveRetry(host.retry, definition.retry),
      timeoutMs: definition.timeoutMs ?? host.limits.nodeTimeoutMs,
      clock: host.clock,
      abort,
    });
    const outcome = pending instanceof Promise ? await pending : pending;
    if (!outcome.ok && outcome.aborted) {
      await writes.handBack(run, abort.reason);
      return run;
    }
    const completedAt = host.clock.now();
    const entry: ExecutionLogEntry = {
      nodeId,
      nodeType: node.type,
      startedAt,
      completedAt,
      status: 'success',
      input: logInput(node, host.limits.maxLogBytesPerNode),
      output: undefined,
      error: null,
      attempts: outcome.attempts,
    };
    run.steps += 1;
    run.updatedAt = completedAt;

    let error = outcome.ok ? undefined : outcome.error;
    const result = outcome.ok ? outcome.result : undefined;
    let waitUntil: Date | undefined;
    if (result && definition.kind === 'wait' && result.waitUntil) {
      const waitMs = result.waitUntil.getTime() - completedAt.getTime();
      if (waitMs > host.limits.maxWaitMs) {
        error = new SwigsError(
          ErrorCode.LimitExceeded,
          `wait of ${formatDuration(waitMs)} exceeds the limit of ${formatDuration(host.limits.maxWaitMs)}`,
        );
      } else if (waitMs > 0) waitUntil = result.waitUntil;
    }

    if (error || !result) {
      const failure = error ?? new Error('node failed');
      entry.status = 'failed';
      entry.error = failure.message;
      run.executionLog.push(entry);
      const retries = outcome.attempts > 1 ? ` after ${outcome.attempts} attempts` : '';
      const code = isSwigsError(failure) ? failure.code : ErrorCode.NodeFailed;
      fail(run, completedAt, `node "${nodeId}" (${node.type}) failed${retries}: ${failure.message}`, code, nodeId);
      if (!(await save(host, run, abort, writes))) return run;
      host.onNode?.(entry, result);
      if (host.listening('node.failed'))
        host.emit('node.failed', { run, nodeId, nodeType: node.type, error: failure.message });
      settle(host, run);
      return run;
    }

    entry.output = toLogPayload(result.output, host.limits.maxLogBytesPerNode);
    if (result.branch !== undefined) entry.branch = result.branch;
    run.executionLog.push(entry);
    if (result.output !== undefined) run.outputs[nodeId] = result.output;
    run.queue.shift();
    const targets = node.next.get(definition.kind === 'condition' ? (result.branch as string) : 'default');
    if (targets) {
      for (const target of targets) if (!run.queue.includes(target) && !succeeded(run, target)) run.queue.push(target);
    }
    run.currentNodeId = run.queue[0] ?? null;
    if (waitUntil) {
      run.status = 'waiting';
      run.scheduledAt = waitUntil;
      run.leaseOwner = null;
      run.leaseUntil = null;
    } else if (run.queue.length === 0) {
      finish(run, completedAt, 'completed');
    }
    // A node without side effects that leaves the run going is saved with the next checkpoint.
    const deferSave = definition.sideEffects === false && !waitUntil && run.status !== 'completed';
    if (!deferSave && !(await save(host, run, abort, writes))) return run;
    host.onNode?.(entry, result);
    if (host.listening('node.completed'))
      host.emit('node.completed', { run, nodeId, nodeType: node.type, output: result.output });
    if (waitUntil) {
      host.emit('run.waiting', { run, until: waitUntil });
      return run;
    }
    if (run.status === 'completed') {
      settle(host, run);
      return run;
    }
  }
}

/** Config log payloads per plan node and size limit: the config of a version never changes. */
const inputPayloads = new WeakMap<object, { max: number; payload: unknown }>();

function logInput(node: AnalyzedNode, max: number): unknown {
  const cached = inputPayloads.get(node);
  if (cached?.max === max) return cached.payload;
  const payload = toLogPayload(node.config, max);
  inputPayloads.set(node, { max, payload });
  return payload;
}

/** Whether `nodeId` already ran in this run: a node runs at most once, even where branches join. */
function succeeded(run: AutomationRun, nodeId: string): boolean {
  const log = run.executionLog;
  for (let index = log.length - 1; index >= 0; index--) {
    const entry = log[index] as ExecutionLogEntry;
    if (entry.nodeId === nodeId && entry.status === 'success') return true;
  }
  return false;
}

function finish(run: AutomationRun, at: Date, status: 'completed'): void {
  run.status = status;
  close(run, at, null);
}

/** Marks the run failed; the failed node stays at the head of `queue` so a retry resumes there. */
export function fail(run: AutomationRun, at: Date, message: string, code: string, nodeId: string | null): void {
  run.status = 'failed';
  run.error = message;
  run.errorCode = code;
  close(run, at, nodeId);
}

/** What every end of a run clears: its schedule and its lease. */
function close(run: AutomationRun, at: Date, currentNodeId: string | null): void {
  run.currentNodeId = currentNodeId;
  run.completedAt = at;
  run.updatedAt = at;
  run.scheduledAt = null;
  run.leaseOwner = null;
  run.leaseUntil = null;
}

/** Writes the run after a node (`writes.save`). */
function save(host: RunHost, run: AutomationRun, abort: RunAbort, writes: RunWrites): Promise<boolean> {
  return write(host, run, abort, writes, false);
}

/** Writes the run before a node with side effects, when it was not written yet (`writes.beforeEffects`). */
function prepare(host: RunHost, run: AutomationRun, abort: RunAbort, writes: RunWrites): Promise<boolean> {
  return write(host, run, abort, writes, true);
}

/** False, with the run abandoned by this worker, when the write was refused (lease lost, cancelled) or failed. */
async function write(
  host: RunHost,
  run: AutomationRun,
  abort: RunAbort,
  writes: RunWrites,
  beforeEffects: boolean,
): Promise<boolean> {
  try {
    if (await (beforeEffects ? writes.beforeEffects(run) : writes.save(run))) return true;
  } catch (error) {
    host.logger.error('could not write the run; it stays leased until its lease expires', {
      runId: run.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  abort.lost = true;
  return false;
}

function settle(host: RunHost, run: AutomationRun): void {
  if (run.status === 'completed') host.emit('run.completed', { run });
  else if (run.status === 'failed') host.emit('run.failed', { run, error: run.error ?? 'failed' });
}

function resolveRetry(
  engine: Required<NodeRetryPolicy>,
  node: NodeRetryPolicy | false | undefined,
): Required<NodeRetryPolicy> {
  if (node === false) return { ...engine, retries: 0 };
  if (!node) return engine;
  return {
    retries: node.retries ?? engine.retries,
    minTimeoutMs: node.minTimeoutMs ?? engine.minTimeoutMs,
    maxTimeoutMs: node.maxTimeoutMs ?? engine.maxTimeoutMs,
    factor: node.factor ?? engine.factor,
  };
}

function formatDuration(ms: number): string {
  const days = ms / 86_400_000;
  if (days >= 1) return `${Number(days.toFixed(1))} days`;
  const hours = ms / 3_600_000;
  if (hours >= 1) return `${Number(hours.toFixed(1))} hours`;
  return `${Math.round(ms / 1000)} s`;
}
