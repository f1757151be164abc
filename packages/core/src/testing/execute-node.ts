import type { NodeContext, NodeDefinition, NodeResult, Ports, RunData } from '../node/types';
import { createFakeClock, type Clock } from '../ports/clock';
import { withStoreDefaults } from '../ports/default-ports';
import { silentLogger } from '../ports/logger';
import { createMemoryStore } from '../store/memory-store';

/** What `executeNode` may change of the context it builds. */
export interface ExecuteNodeOptions {
  data?: Partial<RunData>;
  /**
   * Default: `documents` is a fresh memory store and `templates` its `emailtemplates` collection (as the engine does
   * with a full store); nothing else.
   */
  ports?: Partial<Ports>;
  /** Default: a fake clock at 2026-03-02T09:00:00Z. */
  clock?: Clock;
  dryRun?: boolean;
  /** Default `user-1`. */
  userId?: string;
  /** Default `n1`; the idempotency key is `run-1:<nodeId>`. */
  nodeId?: string;
  signal?: AbortSignal;
}

/**
 * Parses `config` with the node's schema and runs its `execute` once, as the engine would for one attempt
 * (no retry, no timeout): for testing a node plugin on its own.
 * @example
 * const result = await executeNode(webhook, { url: 'https://hooks.example.ch' }, { ports: { http } });
 */
export async function executeNode(
  node: NodeDefinition,
  config: unknown,
  options: ExecuteNodeOptions = {},
): Promise<NodeResult> {
  const parsed = node.configSchema.parse(config);
  const nodeId = options.nodeId ?? 'n1';
  const ctx: NodeContext = {
    config: parsed,
    data: { trigger: options.data?.trigger ?? {}, nodes: options.data?.nodes ?? {} },
    node: { id: nodeId, type: node.type },
    run: { id: 'run-1', automationId: 'auto-1', userId: options.userId ?? 'user-1', attempt: 1 },
    automation: { id: 'auto-1', name: 'Test', version: 1 },
    idempotencyKey: `run-1:${nodeId}`,
    ports: withStoreDefaults({ ...options.ports }, options.ports?.documents ? undefined : createMemoryStore()),
    clock: options.clock ?? createFakeClock('2026-03-02T09:00:00Z'),
    signal: options.signal ?? new AbortController().signal,
    logger: silentLogger,
    dryRun: options.dryRun ?? false,
  };
  if (!node.execute) throw new Error(`${node.type} has no execute`);
  return node.execute(ctx);
}
