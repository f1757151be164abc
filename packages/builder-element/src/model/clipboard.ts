import type { Automation, AutomationNode } from '@swigs/automation-core';
import { createNodeId } from './graph-ops';
import { TRIGGER_ID } from './geometry';

/** What copy puts on the clipboard: the chosen steps and the connections between them. */
export interface ClipboardPayload {
  kind: 'swigs-automation-nodes';
  nodes: AutomationNode[];
}

/** MIME type of the clipboard payload. */
export const CLIPBOARD_MIME = 'application/x-swigs-nodes+json';

/** Copies the given steps (never the trigger), keeping only connections inside the copied set. */
export function copyNodes(automation: Automation, ids: Iterable<string>): ClipboardPayload {
  const chosen = new Set([...ids].filter((id) => id !== TRIGGER_ID));
  const nodes = automation.nodes
    .filter((node) => chosen.has(node.id))
    .map((node) => structuredClone({ ...node, connections: node.connections.filter((c) => chosen.has(c.targetId)) }));
  return { kind: 'swigs-automation-nodes', nodes };
}

/** Pastes with fresh ids (connections remapped) and an offset; returns the automation and the new ids. */
export function pasteNodes(
  automation: Automation,
  payload: ClipboardPayload,
  offset: { x: number; y: number } = { x: 40, y: 40 },
): { automation: Automation; ids: string[] } {
  const taken = new Set<string>();
  const remap = new Map<string, string>();
  for (const node of payload.nodes) {
    const id = createNodeId(automation, node.type, taken);
    taken.add(id);
    remap.set(node.id, id);
  }
  const pasted = payload.nodes.map((node) => ({
    ...structuredClone(node),
    id: remap.get(node.id) ?? node.id,
    position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    connections: node.connections
      .filter((c) => remap.has(c.targetId))
      .map((c) => ({ ...c, targetId: remap.get(c.targetId) ?? c.targetId })),
  }));
  return { automation: { ...automation, nodes: [...automation.nodes, ...pasted] }, ids: pasted.map((node) => node.id) };
}

/** Reads a clipboard payload from text; `undefined` when the text is not one. */
export function parseClipboard(text: string): ClipboardPayload | undefined {
  try {
    const value = JSON.parse(text) as Partial<ClipboardPayload>;
    if (value?.kind !== 'swigs-automation-nodes' || !Array.isArray(value.nodes)) return undefined;
    const valid = value.nodes.every(
      (node) =>
        typeof node?.id === 'string' &&
        typeof node.type === 'string' &&
        Array.isArray(node.connections) &&
        typeof node.position?.x === 'number',
    );
    return valid ? (value as ClipboardPayload) : undefined;
  } catch {
    return undefined;
  }
}
