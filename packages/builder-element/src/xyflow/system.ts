import {
  adoptUserNodes,
  ConnectionMode,
  getBezierPath,
  getBoundsOfRects,
  getEdgePosition,
  getInternalNodesBounds,
  infiniteExtent,
  isInputDOMNode,
  panBy as systemPanBy,
  PanOnScrollMode,
  pointToRendererPoint,
  Position,
  XYDrag,
  XYHandle,
  XYMinimap,
  XYPanZoom,
  type ConnectionState,
  type FinalConnectionState,
  type InternalNodeBase,
  type NodeBase,
  type NodeDragItem,
  type PanZoomInstance,
  type Rect,
  type Transform,
  type Viewport,
  type XYDragInstance,
  type XYMinimapInstance,
} from '@xyflow/system';
import type { FlowEdge, FlowNode } from '../model/flow-graph';

/** Class prefix `@xyflow/system` looks for: `swigs-flow__node`, `swigs-flow__handle`... */
export const LIB = 'swigs';
/** Zoom limits of the canvas. */
export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 2;

/** Types of `@xyflow/system` the rest of the element may name. */
export type {
  ConnectionState,
  FinalConnectionState,
  PanZoomInstance,
  Rect,
  Transform,
  Viewport,
  XYDragInstance,
  XYMinimapInstance,
};
/** A node as `@xyflow/system` keeps it (with measured size, absolute position, handle bounds). */
export type InternalFlowNode = InternalNodeBase<NodeBase<FlowNode['data']>>;
/** Internal nodes by id. */
export type NodeLookup = Map<string, InternalFlowNode>;
/** What XYDrag reports per dragged node. */
export type DragItems = Map<string, Pick<NodeDragItem, 'id' | 'position' | 'internals'>>;

/** The connection being drawn, in flow coordinates. */
export interface ConnectionDraft {
  from: { x: number; y: number };
  to: { x: number; y: number };
  isValid: boolean | null;
}

const userNodes = new WeakMap<FlowNode, NodeBase<FlowNode['data']>>();

/** Rebuilds the internal lookup from drawn nodes; unchanged nodes keep their internal entry. */
export function adoptNodes(nodes: readonly FlowNode[], lookup: NodeLookup): NodeBase<FlowNode['data']>[] {
  const bases = nodes.map(toNodeBase);
  adoptUserNodes(bases, lookup, new Map(), { checkEquality: true, nodeExtent: infiniteExtent });
  return bases;
}

/** Moves internal nodes in place while a drag is in progress (no re-adoption needed). */
export function applyDragPositions(items: DragItems, lookup: NodeLookup): void {
  for (const [id, item] of items) {
    const node = lookup.get(id);
    if (!node) continue;
    node.position = item.position;
    node.internals = { ...node.internals, positionAbsolute: item.internals.positionAbsolute };
  }
}

/** SVG path and label point of an edge, or `null` while an end is missing. */
export function edgeGeometry(
  edge: FlowEdge,
  lookup: NodeLookup,
): { path: string; labelX: number; labelY: number } | null {
  const sourceNode = lookup.get(edge.source);
  const targetNode = lookup.get(edge.target);
  if (!sourceNode || !targetNode) return null;
  const position = getEdgePosition({
    id: edge.id,
    sourceNode,
    targetNode,
    sourceHandle: edge.sourceHandle,
    targetHandle: null,
    connectionMode: ConnectionMode.Strict,
  });
  if (!position) return null;
  const [path, labelX, labelY] = getBezierPath(position);
  return { path, labelX, labelY };
}

/** Path of the connection line being drawn. */
export function draftPath(draft: ConnectionDraft): string {
  return getBezierPath({
    sourceX: draft.from.x,
    sourceY: draft.from.y,
    sourcePosition: Position.Right,
    targetX: draft.to.x,
    targetY: draft.to.y,
    targetPosition: Position.Left,
  })[0];
}

/** Converts a connection state from XYHandle (target in screen space) to flow coordinates. */
export function toDraft(state: ConnectionState, transform: Transform): ConnectionDraft | null {
  if (!state.inProgress) return null;
  return { from: state.from, to: pointToRendererPoint(state.to, transform), isValid: state.isValid };
}

/** What pan/zoom reports to, and asks of, the element. */
export interface PanZoomCallbacks {
  onTransformChange: (transform: Transform) => void;
  isConnecting: () => boolean;
}

/** Creates pan/zoom on the pane. */
export function createPanZoom(domNode: Element, viewport: Viewport, callbacks: PanZoomCallbacks): PanZoomInstance {
  const panZoom = XYPanZoom({
    domNode,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    translateExtent: infiniteExtent,
    viewport,
    onDraggingChange: () => undefined,
  });
  updatePanZoom(panZoom, callbacks);
  return panZoom;
}

/** Re-applies the pan/zoom options (call when a connection starts or ends). */
export function updatePanZoom(panZoom: PanZoomInstance, callbacks: PanZoomCallbacks): void {
  panZoom.update({
    noWheelClassName: 'nowheel',
    noPanClassName: 'nopan',
    preventScrolling: true,
    panOnScroll: false,
    panOnDrag: true,
    panOnScrollMode: PanOnScrollMode.Free,
    panOnScrollSpeed: 0.5,
    userSelectionActive: false,
    zoomOnPinch: true,
    zoomOnScroll: true,
    zoomOnDoubleClick: false,
    zoomActivationKeyPressed: false,
    lib: LIB,
    onTransformChange: callbacks.onTransformChange,
    connectionInProgress: callbacks.isConnecting(),
    paneClickDistance: 1,
  });
}

/** Pans by a screen delta (auto-pan during drags and connections). */
export function panByDelta(
  panZoom: PanZoomInstance | undefined,
  transform: Transform,
  width: number,
  height: number,
  delta: { x: number; y: number },
): Promise<boolean> {
  return systemPanBy({ delta, panZoom: panZoom ?? null, transform, translateExtent: infiniteExtent, width, height });
}

/** What node dragging reads from the element on every pointer event. */
export interface DragStore {
  nodes: () => NodeBase<FlowNode['data']>[];
  lookup: NodeLookup;
  container: () => Element | null;
  transform: () => Transform;
  snapToGrid: () => boolean;
  gridSize: number;
  draggable: () => boolean;
  panBy: (delta: { x: number; y: number }) => Promise<boolean>;
  unselectAll: () => void;
  onNodeMouseDown: (id: string) => void;
  updatePositions: (items: DragItems, dragging?: boolean) => void;
}

/** Creates the drag behaviour of one node element. */
export function createNodeDrag(store: DragStore, element: Element, nodeId: string): XYDragInstance {
  const drag = XYDrag({
    onNodeMouseDown: store.onNodeMouseDown,
    getStoreItems: () => ({
      nodes: store.nodes(),
      nodeLookup: store.lookup,
      edges: [],
      nodeExtent: infiniteExtent,
      snapGrid: [store.gridSize, store.gridSize],
      snapToGrid: store.snapToGrid(),
      nodeOrigin: [0, 0],
      multiSelectionActive: false,
      domNode: store.container(),
      transform: store.transform(),
      autoPanOnNodeDrag: true,
      nodesDraggable: store.draggable(),
      selectNodesOnDrag: true,
      nodeDragThreshold: 1,
      panBy: store.panBy,
      unselectNodesAndEdges: store.unselectAll,
      updateNodePositions: store.updatePositions,
    }),
  });
  drag.update({ domNode: element, nodeId, isSelectable: true, noDragClassName: 'nodrag', nodeClickDistance: 1 });
  return drag;
}

/** Options of `startConnection`. */
export interface ConnectOptions {
  container: HTMLDivElement;
  lookup: NodeLookup;
  nodeId: string;
  handleId: string | null;
  isTarget: boolean;
  transform: () => Transform;
  panBy: (delta: { x: number; y: number }) => Promise<boolean>;
  isValid: (connection: { source: string; target: string; sourceHandle: string | null }) => boolean;
  onChange: (state: ConnectionState | null) => void;
  onConnect: (connection: { source: string; target: string; sourceHandle: string | null }) => void;
  onEnd: (event: MouseEvent | TouchEvent, state: FinalConnectionState) => void;
}

/** Starts drawing a connection from a handle (mousedown/touchstart on it). */
export function startConnection(event: MouseEvent | TouchEvent, handle: Element, options: ConnectOptions): void {
  let current: ConnectionState | null = null;
  XYHandle.onPointerDown(event, {
    autoPanOnConnect: true,
    connectionMode: ConnectionMode.Strict,
    connectionRadius: 24,
    domNode: options.container,
    handleId: options.handleId,
    nodeId: options.nodeId,
    isTarget: options.isTarget,
    nodeLookup: options.lookup,
    lib: LIB,
    flowId: LIB,
    panBy: options.panBy,
    updateConnection: (state) => {
      current = state;
      options.onChange(state);
    },
    cancelConnection: () => {
      current = null;
      options.onChange(null);
    },
    onConnect: (connection) => options.onConnect(connection),
    onConnectEnd: (evt, state) => options.onEnd(evt, state),
    isValidConnection: (edge) =>
      options.isValid({ source: edge.source, target: edge.target, sourceHandle: edge.sourceHandle ?? null }),
    getTransform: options.transform,
    getFromHandle: () =>
      (current?.inProgress ? current.fromHandle : null) ?? {
        id: options.handleId,
        nodeId: options.nodeId,
        type: options.isTarget ? 'target' : 'source',
        position: Position.Right,
        x: 0,
        y: 0,
        width: 1,
        height: 1,
      },
    dragThreshold: 1,
    handleDomNode: handle,
  });
}

/** The `data-id` XYHandle looks handles up by. */
export function handleDataId(nodeId: string, handleId: string | null, type: 'source' | 'target'): string {
  return `${LIB}-${nodeId}-${handleId ?? 'null'}-${type}`;
}

/** The smallest zoom a fit goes to: below it card labels are no longer legible. */
export const LEGIBLE_ZOOM = 0.85;
/** The largest zoom a fit goes to (a one-step automation is not blown up). */
const FIT_MAX_ZOOM = 1.25;
/** Margin around the fitted graph, in screen pixels (a share of the pane wastes a wide screen). */
const FIT_PADDING = 32;

/**
 * Fits every node into the pane, but never below `LEGIBLE_ZOOM`: a graph too large for that is shown at the
 * legible zoom from its start (the trigger side, vertically centred when it fits), and the user pans to the rest.
 */
export function fitView(
  panZoom: PanZoomInstance,
  lookup: NodeLookup,
  width: number,
  height: number,
  duration = 0,
): Promise<boolean> {
  return panZoom.setViewport(viewportToFit(lookup, width, height), { duration }).then(() => true);
}

/** The viewport `fitView` goes to; also the first paint's, before pan/zoom exists. */
export function viewportToFit(lookup: NodeLookup, width: number, height: number): Viewport {
  const bounds = getInternalNodesBounds(lookup);
  const room = { width: Math.max(width - 2 * FIT_PADDING, 1), height: Math.max(height - 2 * FIT_PADDING, 1) };
  const fitted = Math.min(room.width / (bounds.width || 1), room.height / (bounds.height || 1), FIT_MAX_ZOOM);
  const zoom = Math.max(fitted, LEGIBLE_ZOOM);
  const centre = (size: number, extent: number, start: number): number => (size - extent * zoom) / 2 - start * zoom;
  const fitsWidth = bounds.width * zoom <= room.width;
  const fitsHeight = bounds.height * zoom <= room.height;
  return {
    zoom,
    x: fitsWidth ? centre(width, bounds.width, bounds.x) : FIT_PADDING - bounds.x * zoom,
    y: fitsHeight ? centre(height, bounds.height, bounds.y) : FIT_PADDING - bounds.y * zoom,
  };
}

/**
 * Fits like `fitView`, then pans until the nodes `ids` lie inside the pane: a graph wider than the pane at the legible
 * zoom is shown from its start, which would leave a step just added at its end out of sight.
 */
export function revealNodes(
  panZoom: PanZoomInstance,
  lookup: NodeLookup,
  ids: Iterable<string>,
  width: number,
  height: number,
  duration = 0,
): Promise<boolean> {
  return panZoom.setViewport(viewportToReveal(lookup, ids, width, height), { duration }).then(() => true);
}

/** The viewport `revealNodes` goes to. */
export function viewportToReveal(lookup: NodeLookup, ids: Iterable<string>, width: number, height: number): Viewport {
  const fitted = viewportToFit(lookup, width, height);
  const shown: NodeLookup = new Map();
  for (const id of ids) {
    const node = lookup.get(id);
    if (node) shown.set(id, node);
  }
  if (!shown.size) return fitted;
  const bounds = getInternalNodesBounds(shown);
  const { zoom } = fitted;
  // Moves the viewport along one axis just enough to bring [start, start + extent] (flow units) inside the pane;
  // the start wins when the nodes are larger than the pane.
  const into = (offset: number, start: number, extent: number, size: number): number => {
    const end = (start + extent) * zoom + offset;
    const shifted = end > size - FIT_PADDING ? offset - (end - (size - FIT_PADDING)) : offset;
    const begin = start * zoom + shifted;
    return begin < FIT_PADDING ? shifted + (FIT_PADDING - begin) : shifted;
  };
  return {
    zoom,
    x: into(fitted.x, bounds.x, bounds.width, width),
    y: into(fitted.y, bounds.y, bounds.height, height),
  };
}

/** Converts a client point to flow coordinates, optionally snapped. */
export function screenToFlow(
  point: { x: number; y: number },
  container: Element,
  transform: Transform,
  snap: number | false,
): { x: number; y: number } {
  const bounds = container.getBoundingClientRect();
  return pointToRendererPoint(
    { x: point.x - bounds.left, y: point.y - bounds.top },
    transform,
    snap !== false,
    snap === false ? [1, 1] : [snap, snap],
  );
}

/** Bounds of all nodes united with the visible area (the minimap's view box). */
export function minimapBounds(lookup: NodeLookup, transform: Transform, width: number, height: number): Rect {
  const view: Rect = {
    x: -transform[0] / transform[2],
    y: -transform[1] / transform[2],
    width: width / transform[2],
    height: height / transform[2],
  };
  return lookup.size ? getBoundsOfRects(getInternalNodesBounds(lookup), view) : view;
}

/** Makes the minimap svg pan and zoom the canvas. */
export function createMinimap(
  svg: Element,
  panZoom: PanZoomInstance,
  getTransform: () => Transform,
  getViewScale: () => number,
  size: { width: number; height: number },
): XYMinimapInstance {
  const minimap = XYMinimap({ domNode: svg, panZoom, getTransform, getViewScale });
  minimap.update({
    translateExtent: infiniteExtent,
    width: size.width,
    height: size.height,
    pannable: true,
    zoomable: true,
  });
  return minimap;
}

function toNodeBase(node: FlowNode): NodeBase<FlowNode['data']> {
  const cached = userNodes.get(node);
  if (cached) return cached;
  const base: NodeBase<FlowNode['data']> = {
    id: node.id,
    position: node.position,
    data: node.data,
    width: node.width,
    height: node.height,
    measured: node.measured,
    selected: node.selected ?? false,
    handles: node.handles.map((handle) => ({
      id: handle.id,
      type: handle.type,
      position: handle.side === 'left' ? Position.Left : Position.Right,
      x: handle.x,
      y: handle.y,
      width: handle.width,
      height: handle.height,
    })),
  };
  userNodes.set(node, base);
  return base;
}

/** Whether a keyboard event comes from a text field (shadow-safe), where shortcuts must not fire. */
export function isTypingTarget(event: KeyboardEvent): boolean {
  return isInputDOMNode(event);
}
