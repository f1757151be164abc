import dagre from '@dagrejs/dagre';
import type { Automation } from '@swigs/automation-core';
import { moveNodes } from './graph-ops';
import { toFlow, type DescriptorLookup } from './flow-graph';
import { GRID_SIZE, NODE_HEIGHT, NODE_WIDTH } from './geometry';

/** Top-left positions from a left-to-right dagre layout, snapped to the grid. */
export function layoutPositions(
  automation: Automation,
  descriptors: DescriptorLookup,
): Map<string, { x: number; y: number }> {
  const flow = toFlow(automation, descriptors);
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of flow.nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of flow.edges) {
    if (graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of flow.nodes) {
    const laid = graph.node(node.id) as { x: number; y: number } | undefined;
    if (!laid) continue;
    // dagre gives centres; nodes are placed by their top-left corner.
    positions.set(node.id, {
      x: Math.round((laid.x - NODE_WIDTH / 2) / GRID_SIZE) * GRID_SIZE,
      y: Math.round((laid.y - NODE_HEIGHT / 2) / GRID_SIZE) * GRID_SIZE,
    });
  }
  return positions;
}

/** Applies `layoutPositions` to the automation. */
export function autoLayout(automation: Automation, descriptors: DescriptorLookup): Automation {
  return moveNodes(automation, layoutPositions(automation, descriptors));
}
