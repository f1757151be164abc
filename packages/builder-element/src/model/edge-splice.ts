import type { Automation } from '@swigs/automation-core';
import { addNode, mapConnections, type EdgeRef, type NewNode } from './graph-ops';
import { normalizeAutomation } from './flow-graph';

/**
 * Inserts `node` on the edge A→B in one step: A→N keeps the edge's output, N→B leaves from `nodeOutput`
 * (the new node's first output, `default` for most, `true` for conditions).
 */
export function spliceEdge(
  automation: Automation,
  edge: EdgeRef,
  node: NewNode,
  nodeOutput: 'default' | 'true' | 'false' = 'default',
): Automation {
  const withNode = addNode(normalizeAutomation(automation), node);
  const rewired = mapConnections(withNode, edge.source, (list) =>
    list.map((c) =>
      c.targetId === edge.target && c.condition === edge.sourceHandle
        ? { targetId: node.id, condition: c.condition }
        : c,
    ),
  );
  return mapConnections(rewired, node.id, (list) => [...list, { targetId: edge.target, condition: nodeOutput }]);
}
