import type { Automation } from '@swigs/automation-core';
import { TRIGGER_ID } from './geometry';
import { normalizeAutomation, type DescriptorLookup } from './flow-graph';

/** One insertable variable: `trigger.order.total` with an example value. */
export interface VariableEntry {
  path: string;
  example: unknown;
}

/** Variables offered by one upstream source. */
export interface VariableGroup {
  /** `trigger` or the node id. */
  source: string;
  type: string;
  variables: VariableEntry[];
}

/** Every dot path in a sample value (objects and leaves; arrays through index 0), depth-limited. */
export function extractVariablePaths(sample: unknown, prefix: string, maxDepth = 6): VariableEntry[] {
  const entries: VariableEntry[] = [];
  const walk = (value: unknown, path: string, depth: number): void => {
    if (path !== prefix) entries.push({ path, example: value });
    if (depth >= maxDepth || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      if (value.length > 0) walk(value[0], `${path}.0`, depth + 1);
      return;
    }
    for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, depth + 1);
  };
  walk(sample, prefix, 0);
  return entries;
}

/** Ids of the nodes that can run before `nodeId` (the trigger first, then in breadth-first order). */
export function upstreamNodeIds(input: Automation, nodeId: string): string[] {
  const automation = normalizeAutomation(input);
  const incoming = new Map<string, string[]>();
  const link = (source: string, target: string) => incoming.set(target, [...(incoming.get(target) ?? []), source]);
  for (const c of automation.trigger.connections ?? []) link(TRIGGER_ID, c.targetId);
  for (const node of automation.nodes) for (const c of node.connections) link(node.id, c.targetId);
  const seen = new Set<string>([nodeId]);
  const order: string[] = [];
  const queue = [...(incoming.get(nodeId) ?? [])];
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    queue.push(...(incoming.get(id) ?? []));
  }
  return order.includes(TRIGGER_ID) || nodeId === TRIGGER_ID
    ? [TRIGGER_ID, ...order.filter((id) => id !== TRIGGER_ID)]
    : order;
}

/** Variables a node may use: the trigger's sampleOutput (`trigger.*`) and upstream nodes' (`nodes.<id>.*`). */
export function variablesFor(automation: Automation, nodeId: string, descriptors: DescriptorLookup): VariableGroup[] {
  const groups: VariableGroup[] = [];
  for (const id of upstreamNodeIds(automation, nodeId)) {
    if (id === nodeId) continue;
    const type = id === TRIGGER_ID ? automation.trigger.type : automation.nodes.find((node) => node.id === id)?.type;
    if (!type) continue;
    const sample = descriptors.get(type)?.sampleOutput;
    if (sample === undefined) continue;
    const prefix = id === TRIGGER_ID ? 'trigger' : `nodes.${id}`;
    groups.push({ source: id, type, variables: extractVariablePaths(sample, prefix) });
  }
  return groups;
}

/** Inserts `{{path}}` into `text` at the caret range, returning the new text and caret. */
export function insertVariable(
  text: string,
  path: string,
  start = text.length,
  end = start,
): { text: string; caret: number } {
  const token = `{{${path}}}`;
  // A caret inside an existing `{{...}}` would split it: insert after that expression instead.
  for (const match of text.matchAll(/\{\{[^{}]*\}\}/g)) {
    const from = match.index;
    const to = from + match[0].length;
    if (start > from && start < to && start === end) {
      start = to;
      end = to;
    }
  }
  return { text: text.slice(0, start) + token + text.slice(end), caret: start + token.length };
}
