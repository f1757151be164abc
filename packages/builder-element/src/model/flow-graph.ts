import type {
  Automation,
  AutomationNode,
  Connection,
  ConnectionCondition,
  NodeKind,
  NodeTypeDescriptor,
} from '@swigs/automation-core';
import { handleBoxes, NODE_HEIGHT, NODE_WIDTH, TRIGGER_ID, type HandleBox } from './geometry';

/** What a drawn node carries besides its geometry. */
export type FlowNodeData = {
  type: string;
  kind: NodeKind | 'unknown';
  outputs: readonly string[];
  label?: string;
};

/** A node in the shape `@xyflow/system` expects (static size and handles). */
export interface FlowNode {
  id: string;
  position: { x: number; y: number };
  data: FlowNodeData;
  width: number;
  height: number;
  measured: { width: number; height: number };
  handles: HandleBox[];
  selected?: boolean;
}

/** An edge: `sourceHandle` is the connection's condition (`default`, `true`, `false`). */
export interface FlowEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle: ConnectionCondition;
  targetHandle: null;
}

/** Nodes and edges as drawn. */
export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Node type descriptors by type. */
export type DescriptorLookup = ReadonlyMap<string, NodeTypeDescriptor>;

/** Stable id of the edge `source --handle--> target`. */
export function edgeId(source: string, handle: string, target: string): string {
  return `${source}--${handle}--${target}`;
}

/** Outputs of a node type: the descriptor's, or the kind's defaults when the type is unknown. */
export function outputsOf(type: string, descriptors: DescriptorLookup): readonly string[] {
  const descriptor = descriptors.get(type);
  if (descriptor?.outputs.length) return descriptor.outputs;
  return descriptor?.kind === 'condition' ? CONDITION_OUTPUTS : DEFAULT_OUTPUTS;
}

// Shared, so a redrawn card sees the same outputs as before and does not render again.
const CONDITION_OUTPUTS: readonly string[] = Object.freeze(['true', 'false']);
const DEFAULT_OUTPUTS: readonly string[] = Object.freeze(['default']);

/**
 * Makes implicit parts explicit: the trigger's edges (the first node follows the trigger when absent)
 * and its position (left of the leftmost node).
 */
export function normalizeAutomation(automation: Automation): Automation {
  const { trigger, nodes } = automation;
  if (trigger.connections && trigger.position) return automation;
  const first = nodes[0];
  const connections = trigger.connections ?? (first ? [{ targetId: first.id, condition: 'default' as const }] : []);
  const minX = nodes.reduce((min, node) => Math.min(min, node.position.x), first ? Infinity : 300);
  const position = trigger.position ?? { x: minX - 300, y: first?.position.y ?? 0 };
  return { ...automation, trigger: { ...trigger, connections, position } };
}

/** Draws an automation: the trigger becomes node `trigger`, each connection an edge. */
export function toFlow(input: Automation, descriptors: DescriptorLookup): FlowGraph {
  const automation = normalizeAutomation(input);
  const trigger = automation.trigger;
  const triggerOutputs = outputsOf(trigger.type, descriptors);
  const nodes: FlowNode[] = [
    flowNode(TRIGGER_ID, trigger.type, trigger.position ?? { x: 0, y: 0 }, descriptors, triggerOutputs, false),
  ];
  const edges: FlowEdge[] = [];
  addEdges(edges, TRIGGER_ID, trigger.connections ?? []);
  for (const node of automation.nodes) {
    nodes.push(
      flowNode(node.id, node.type, node.position, descriptors, outputsOf(node.type, descriptors), true, node.label),
    );
    addEdges(edges, node.id, node.connections);
  }
  return { nodes, edges };
}

/** Writes the flow's positions and edges back into the automation; config and labels come from `base`. */
export function fromFlow(base: Automation, flow: FlowGraph): Automation {
  const normalized = normalizeAutomation(base);
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  const outgoing = new Map<string, Connection[]>();
  for (const edge of flow.edges) {
    const list = outgoing.get(edge.source) ?? [];
    list.push({ targetId: edge.target, condition: edge.sourceHandle });
    outgoing.set(edge.source, list);
  }
  const triggerNode = byId.get(TRIGGER_ID);
  const nodes: AutomationNode[] = [];
  for (const node of normalized.nodes) {
    const drawn = byId.get(node.id);
    if (!drawn) continue;
    nodes.push({ ...node, position: { ...drawn.position }, connections: outgoing.get(node.id) ?? [] });
  }
  return {
    ...normalized,
    trigger: {
      ...normalized.trigger,
      position: triggerNode ? { ...triggerNode.position } : normalized.trigger.position,
      connections: outgoing.get(TRIGGER_ID) ?? [],
    },
    nodes,
  };
}

function flowNode(
  id: string,
  type: string,
  position: { x: number; y: number },
  descriptors: DescriptorLookup,
  outputs: readonly string[],
  hasInput: boolean,
  label?: string,
): FlowNode {
  const kind = descriptors.get(type)?.kind ?? 'unknown';
  return {
    id,
    position: { x: position.x, y: position.y },
    data: label === undefined ? { type, kind, outputs } : { type, kind, outputs, label },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
    handles: handleBoxes(outputs, hasInput),
  };
}

function addEdges(edges: FlowEdge[], source: string, connections: readonly Connection[]): void {
  for (const connection of connections) {
    const condition = connection.condition ?? 'default';
    edges.push({
      id: edgeId(source, condition, connection.targetId),
      source,
      target: connection.targetId,
      sourceHandle: condition,
      targetHandle: null,
    });
  }
}
