import {
  createFakeClock,
  createMemoryStore,
  silentLogger,
  type Clock,
  type NodeContext,
  type NodeDefinition,
  type NodeResult,
  type Ports,
  type RunData,
} from '@swigs/automation-core';

export interface RunNodeOptions {
  data?: Partial<RunData>;
  ports?: Partial<Ports>;
  clock?: Clock;
  dryRun?: boolean;
  userId?: string;
  nodeId?: string;
  signal?: AbortSignal;
}

/** Parses `config` with the node's schema and runs its `execute` as the engine would for one attempt. */
export async function runNode(node: NodeDefinition, config: unknown, options: RunNodeOptions = {}): Promise<NodeResult> {
  const parsed = node.configSchema.parse(config);
  const nodeId = options.nodeId ?? 'n1';
  const ctx: NodeContext = {
    config: parsed,
    data: { trigger: options.data?.trigger ?? {}, nodes: options.data?.nodes ?? {} },
    node: { id: nodeId, type: node.type },
    run: { id: 'run-1', automationId: 'auto-1', userId: options.userId ?? 'user-1', attempt: 1 },
    automation: { id: 'auto-1', name: 'Test', version: 1 },
    idempotencyKey: `run-1:${nodeId}`,
    ports: { store: options.ports?.store ?? createMemoryStore(), ...options.ports } as Ports,
    clock: options.clock ?? createFakeClock('2026-03-02T09:00:00Z'),
    signal: options.signal ?? new AbortController().signal,
    logger: silentLogger,
    dryRun: options.dryRun ?? false,
  };
  if (!node.execute) throw new Error(`${node.type} has no execute`);
  return node.execute(ctx);
}
