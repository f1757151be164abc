import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookup, sampleAutomation } from '../../test/fixtures';
import { toFlow } from '../model/flow-graph';
import {
  adoptNodes,
  applyDragPositions,
  draftPath,
  edgeGeometry,
  handleDataId,
  minimapBounds,
  toDraft,
  viewportToFit,
  viewportToReveal,
  type NodeLookup,
} from './system';

function drawn() {
  const flow = toFlow(sampleAutomation(), lookup);
  const nodeLookup: NodeLookup = new Map();
  adoptNodes(flow.nodes, nodeLookup);
  return { flow, nodeLookup };
}

describe('@xyflow/system contract (the calls src/xyflow makes)', () => {
  it('is pinned to exactly 0.0.84', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies['@xyflow/system']).toBe('0.0.84');
  });

  it('adoptUserNodes keeps static sizes and handles, and reuses unchanged nodes', () => {
    const { flow, nodeLookup } = drawn();
    const wait = nodeLookup.get('wait-1');
    expect(wait?.measured).toEqual({ width: 240, height: 84 });
    expect(wait?.internals.positionAbsolute).toEqual({ x: 300, y: 0 });
    expect(wait?.internals.handleBounds?.source?.map((h) => h.id)).toEqual(['default']);
    expect(wait?.internals.handleBounds?.target).toHaveLength(1);
    adoptNodes(flow.nodes, nodeLookup);
    expect(nodeLookup.get('wait-1')).toBe(wait);
  });

  it('getEdgePosition + getBezierPath join the right side of the source handle to the left of the target', () => {
    const { flow, nodeLookup } = drawn();
    const edge = flow.edges.find((e) => e.source === 'condition-1');
    const geometry = edge ? edgeGeometry(edge, nodeLookup) : null;
    // From the outer side of the upper ("true") output to the outer side of the target's input handle.
    expect(geometry?.path.startsWith('M846,')).toBe(true);
    expect(geometry?.path).toMatch(/ 894,-18$/);
    expect(geometry?.labelX).toBe(870);
    expect(edgeGeometry({ ...flow.edges[0]!, target: 'missing' }, nodeLookup)).toBeNull();
  });

  it('moves dragged nodes in place and converts a connection in progress to flow coordinates', () => {
    const { nodeLookup } = drawn();
    applyDragPositions(
      new Map([
        ['wait-1', { id: 'wait-1', position: { x: 340, y: 20 }, internals: { positionAbsolute: { x: 340, y: 20 } } }],
      ]),
      nodeLookup,
    );
    expect(nodeLookup.get('wait-1')?.internals.positionAbsolute).toEqual({ x: 340, y: 20 });
    const draft = toDraft(
      {
        inProgress: true,
        isValid: null,
        from: { x: 10, y: 20 },
        to: { x: 200, y: 100 },
        pointer: { x: 200, y: 100 },
      } as never,
      [100, 0, 2],
    );
    expect(draft).toEqual({ from: { x: 10, y: 20 }, to: { x: 50, y: 50 }, isValid: null });
    expect(draftPath(draft!)).toMatch(/^M10,20 C/);
    expect(handleDataId('wait-1', null, 'target')).toBe('swigs-wait-1-null-target');
  });

  it('fits and bounds: the fit viewport shows every node, the minimap box contains nodes and view', () => {
    const { nodeLookup } = drawn();
    const viewport = viewportToFit(nodeLookup, 1400, 600);
    expect(viewport.zoom).toBeGreaterThan(0.2);
    expect(viewport.zoom).toBeLessThanOrEqual(1.25);
    const right = (900 + 240) * viewport.zoom + viewport.x;
    expect(right).toBeLessThanOrEqual(1400);
    expect(0 * viewport.zoom + viewport.x).toBeGreaterThanOrEqual(0);
    // Too wide to fit legibly: shown at the legible zoom from its start instead.
    expect(viewportToFit(nodeLookup, 600, 600)).toMatchObject({ zoom: 0.85, x: 32 });
    const bounds = minimapBounds(nodeLookup, [0, 0, 1], 400, 300);
    expect(bounds.x).toBeCloseTo(0);
    expect(bounds.y).toBe(-60);
    expect(bounds.width).toBe(1140);
  });

  it('reveals a step at the end of a graph too wide to fit: panned until its card is inside, at the fit zoom', () => {
    const { nodeLookup } = drawn();
    const last = [...nodeLookup.values()].reduce((a, b) =>
      b.internals.positionAbsolute.x > a.internals.positionAbsolute.x ? b : a,
    );
    const left = (v: { x: number; zoom: number }) => last.internals.positionAbsolute.x * v.zoom + v.x;
    const fitted = viewportToFit(nodeLookup, 600, 600);
    expect(left(fitted) + 240 * fitted.zoom).toBeGreaterThan(600);
    const revealed = viewportToReveal(nodeLookup, [last.id], 600, 600);
    expect(revealed.zoom).toBe(fitted.zoom);
    expect(left(revealed)).toBeGreaterThanOrEqual(32);
    expect(left(revealed) + 240 * revealed.zoom).toBeLessThanOrEqual(600 - 32);
    expect(revealed.y).toBe(fitted.y);
    // Already in view, or unknown: the fit itself.
    expect(viewportToReveal(nodeLookup, ['trigger'], 600, 600)).toEqual(fitted);
    expect(viewportToReveal(nodeLookup, ['missing'], 600, 600)).toEqual(fitted);
  });
});
