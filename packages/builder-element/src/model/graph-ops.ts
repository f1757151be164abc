import type { Automation, AutomationNode, ConnectionCondition } from '@swigs/automation-core';
import { TRIGGER_ID } from './geometry';
import { normalizeAutomation } from './flow-graph';

/** A node to add; `config` defaults to `{}`. */
export interface NewNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  config?: Record<string, unknown>;
  label?: string;
}

/** One connection, addressed by its ends and the source output. */
export interface EdgeRef {
  source: string;
  sourceHandle: ConnectionCondition;
  target: string;
}

/** A fresh node id for `type`, unique in the automation: `send-email-2`. */
export function createNodeId(automation: Automation, type: string, taken: ReadonlySet<string> = new Set()): string {
  const base =
    type
      .replace(/[^a-zA-Z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'node';
  const used = new Set([TRIGGER_ID, ...automation.nodes.map((node) => node.id), ...taken]);
  for (let n = 1; ; n += 1) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** Adds a step. */
export function addNode(automation: Automation, node: NewNode): Automation {
  const created: AutomationNode = {
    id: node.id,
    type: node.type,
    position: { ...node.position },
    config: node.config ?? {},
    connections: [],
    ...(node.label === undefined ? {} : { label: node.label }),
  };
  return { ...normalizeAutomation(automation), nodes: [...automation.nodes, created] };
}

/** Whether `ref` may be added: no self-loop, never into the trigger, no duplicate, both ends exist. */
export function canConnect(automation: Automation, ref: EdgeRef): boolean {
  if (ref.source === ref.target || ref.target === TRIGGER_ID) return false;
  if (!automation.nodes.some((node) => node.id === ref.target)) return false;
  const existing = connectionsOf(normalizeAutomation(automation), ref.source);
  if (!existing) return false;
  return !existing.some((c) => c.targetId === ref.target && (c.condition ?? 'default') === ref.sourceHandle);
}

/** Adds a connection; returns the automation unchanged when `canConnect` refuses it. */
export function connect(automation: Automation, ref: EdgeRef): Automation {
  if (!canConnect(automation, ref)) return automation;
  return mapConnections(normalizeAutomation(automation), ref.source, (list) => [
    ...list,
    { targetId: ref.target, condition: ref.sourceHandle },
  ]);
}

/** Removes nodes (never the trigger), their connections, and the given edges. */
export function removeElements(
  automation: Automation,
  nodeIds: Iterable<string>,
  edges: Iterable<EdgeRef> = [],
): Automation {
  const gone = new Set([...nodeIds].filter((id) => id !== TRIGGER_ID));
  const cut = [...edges];
  const keep = (source: string) => (c: { targetId: string; condition?: ConnectionCondition }) =>
    !gone.has(c.targetId) &&
    !cut.some((e) => e.source === source && e.target === c.targetId && e.sourceHandle === (c.condition ?? 'default'));
  const normalized = normalizeAutomation(automation);
  return {
    ...normalized,
    trigger: { ...normalized.trigger, connections: (normalized.trigger.connections ?? []).filter(keep(TRIGGER_ID)) },
    nodes: normalized.nodes
      .filter((node) => !gone.has(node.id))
      .map((node) => ({ ...node, connections: node.connections.filter(keep(node.id)) })),
  };
}

/** Moves nodes (the trigger included). */
export function moveNodes(
  automation: Automation,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): Automation {
  const normalized = normalizeAutomation(automation);
  const triggerPosition = positions.get(TRIGGER_ID);
  return {
    ...normalized,
    trigger: triggerPosition ? { ...normalized.trigger, position: { ...triggerPosition } } : normalized.trigger,
    nodes: normalized.nodes.map((node) => {
      const position = positions.get(node.id);
      return position ? { ...node, position: { ...position } } : node;
    }),
  };
}

/** Replaces one node's config (`trigger` addresses the trigger). */
export function setNodeConfig(automation: Automation, id: string, config: Record<string, unknown>): Automation {
  if (id === TRIGGER_ID) return { ...automation, trigger: { ...automation.trigger, config } };
  return { ...automation, nodes: automation.nodes.map((node) => (node.id === id ? { ...node, config } : node)) };
}

/** Sets or clears a node's display label. */
export function setNodeLabel(automation: Automation, id: string, label: string): Automation {
  return {
    ...automation,
    nodes: automation.nodes.map((node) => {
      if (node.id !== id) return node;
      const { label: _old, ...rest } = node;
      return label.trim() ? { ...rest, label } : rest;
    }),
  };
}

/** Replaces the trigger's type; its config starts over. */
export function setTriggerType(automation: Automation, type: string, config: Record<string, unknown> = {}): Automation {
  const normalized = normalizeAutomation(automation);
  return { ...normalized, trigger: { ...normalized.trigger, type, config } };
}

/** Outgoing connections of a node (or the trigger), `undefined` when it does not exist. */
export function connectionsOf(
  automation: Automation,
  id: string,
): readonly { targetId: string; condition?: ConnectionCondition }[] | undefined {
  if (id === TRIGGER_ID) return automation.trigger.connections ?? [];
  return automation.nodes.find((node) => node.id === id)?.connections;
}

/** Config of a node (or the trigger). */
export function configOf(automation: Automation, id: string): Record<string, unknown> | undefined {
  if (id === TRIGGER_ID) return automation.trigger.config;
  return automation.nodes.find((node) => node.id === id)?.config;
}

/** Type of a node (or the trigger). */
export function typeOf(automation: Automation, id: string): string | undefined {
  if (id === TRIGGER_ID) return automation.trigger.type;
  return automation.nodes.find((node) => node.id === id)?.type;
}

/** Rewrites the outgoing connections of one node (or the trigger). */
export function mapConnections(
  automation: Automation,
  id: string,
  update: (
    list: { targetId: string; condition: ConnectionCondition }[],
  ) => { targetId: string; condition: ConnectionCondition }[],
): Automation {
  const normalizeList = (list: readonly { targetId: string; condition?: ConnectionCondition }[]) =>
    list.map((c) => ({ targetId: c.targetId, condition: c.condition ?? 'default' }));
  if (id === TRIGGER_ID) {
    return {
      ...automation,
      trigger: { ...automation.trigger, connections: update(normalizeList(automation.trigger.connections ?? [])) },
    };
  }
  return {
    ...automation,
    nodes: automation.nodes.map((node) =>
      node.id === id ? { ...node, connections: update(normalizeList(node.connections)) } : node,
    ),
  };
}
