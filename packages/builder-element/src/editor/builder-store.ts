import type { Automation, NodeTypeDescriptor, ValidationProblem } from '@swigs/automation-core';
import type { ChangeReason } from '../events';
import { copyNodes, pasteNodes, type ClipboardPayload } from '../model/clipboard';
import { spliceEdge } from '../model/edge-splice';
import { normalizeAutomation, toFlow, type FlowEdge, type FlowGraph } from '../model/flow-graph';
import { GRID_SIZE, NODE_WIDTH, TRIGGER_ID } from '../model/geometry';
import {
  addNode,
  canConnect,
  connect,
  connectionsOf,
  createNodeId,
  moveNodes,
  removeElements,
  setNodeConfig,
  setNodeLabel,
  setTriggerType,
  typeOf,
  type EdgeRef,
} from '../model/graph-ops';
import { createHistory } from '../model/history';
import { autoLayout } from '../model/layout';
import { defaultValue, type JsonSchema } from '../model/schema-form';
import { reconfiguredSteps } from '../model/reconfigured-steps';
import {
  createDescriptorRegistry,
  problemNodeId,
  serverOnly,
  validateForBuilder,
  withServerProblems,
  type ValidationReport,
} from '../model/validation';

/** Called after every committed edit (to re-render and emit `swigs-change`). */
export type StoreListener = (reason: ChangeReason | 'select' | 'load') => void;

/** The builder's editing state and every edit, independent of the DOM. */
export class BuilderStore {
  automation: Automation;
  descriptors: readonly NodeTypeDescriptor[] = [];
  lookup = new Map<string, NodeTypeDescriptor>();
  selection = new Set<string>();
  selectedEdge: string | null = null;
  report: ValidationReport = { problems: [], byNode: new Map(), valid: true };
  flow: FlowGraph = { nodes: [], edges: [] };
  /** Bumped on every change of the automation, selection, problems or catalogue: a view that shows them re-renders when it moves. */
  revision = 0;
  private readonly history = createHistory<Automation>(100);
  private registry = createDescriptorRegistry([]);
  private lastConfigEdit: { id: string; at: number } | undefined;
  /** What only the server's last full check found (node hooks), merged into `report`. */
  private serverProblems: ValidationProblem[] = [];
  /** The browser's own check of `automation`. */
  private localProblems: ValidationProblem[] = [];

  constructor(
    automation: Automation,
    private readonly listener: StoreListener = () => undefined,
  ) {
    this.automation = normalizeAutomation(automation);
    this.refresh();
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** Replaces the automation (a new document from outside): history starts over. */
  load(automation: Automation): void {
    this.automation = normalizeAutomation(automation);
    this.history.clear();
    this.serverProblems = [];
    this.selection = new Set(
      [...this.selection].filter((id) => id === TRIGGER_ID || this.automation.nodes.some((n) => n.id === id)),
    );
    this.refresh();
    this.listener('load');
  }

  setDescriptors(descriptors: readonly NodeTypeDescriptor[]): void {
    this.descriptors = descriptors;
    this.lookup = new Map(descriptors.map((d) => [d.type, d]));
    this.registry = createDescriptorRegistry(descriptors);
    this.refresh();
    this.listener('load');
  }

  /**
   * The server's full check of `automation`; false (ignored) when the automation has changed since it was sent, or
   * when the answer finds what the last one found: nothing redraws for it (it often lands mid-pan or mid-drag).
   */
  applyServerProblems(automation: Automation, problems: ValidationProblem[]): boolean {
    if (automation !== this.automation) return false;
    const found = serverOnly(this.localProblems, problems);
    if (JSON.stringify(found) === JSON.stringify(this.serverProblems)) return false;
    this.serverProblems = found;
    this.refresh();
    return true;
  }

  /** Applies an edit as one undo step. */
  commit(next: Automation, reason: ChangeReason, coalesce = false): void {
    if (next === this.automation) return;
    if (!coalesce) this.history.push(this.automation);
    this.forgetServerFindings(this.automation, next);
    this.automation = next;
    this.refresh();
    this.listener(reason);
  }

  undo(): boolean {
    const previous = this.history.undo(this.automation);
    if (!previous) return false;
    this.forgetServerFindings(this.automation, previous);
    this.automation = previous;
    this.dropStaleSelection();
    this.refresh();
    this.listener('undo');
    return true;
  }

  redo(): boolean {
    const next = this.history.redo(this.automation);
    if (!next) return false;
    this.forgetServerFindings(this.automation, next);
    this.automation = next;
    this.dropStaleSelection();
    this.refresh();
    this.listener('redo');
    return true;
  }

  select(ids: Iterable<string>, additive = false): void {
    const next = additive ? new Set([...this.selection, ...ids]) : new Set(ids);
    this.selection = next;
    this.selectedEdge = null;
    this.refresh(false);
    this.listener('select');
  }

  selectEdge(id: string | null): void {
    this.selection = new Set();
    this.selectedEdge = id;
    this.refresh(false);
    this.listener('select');
  }

  /** The only selected node, if exactly one is. */
  get selectedNode(): string | undefined {
    return this.selection.size === 1 ? [...this.selection][0] : undefined;
  }

  /**
   * Adds a node of `type` (a trigger type replaces the trigger). With `wireFrom`, connects it from that
   * node's output; without a position it goes right of the wired node or below the others.
   */
  addNodeOfType(
    type: string,
    options: { position?: { x: number; y: number }; wireFrom?: { id: string; output: string } } = {},
  ): string | undefined {
    const descriptor = this.lookup.get(type);
    if (!descriptor) return undefined;
    const config = defaultConfig(descriptor);
    if (descriptor.kind === 'trigger') {
      this.commit(setTriggerType(this.automation, type, config), 'trigger');
      this.select([TRIGGER_ID]);
      return TRIGGER_ID;
    }
    const id = createNodeId(this.automation, type);
    const position = snap(options.position ?? this.placeAfter(options.wireFrom?.id));
    let next = addNode(this.automation, { id, type, position, config });
    if (options.wireFrom)
      next = connect(next, {
        source: options.wireFrom.id,
        sourceHandle: options.wireFrom.output as EdgeRef['sourceHandle'],
        target: id,
      });
    this.commit(next, 'add');
    this.select([id]);
    return id;
  }

  /** The first output of `id` that has no connection yet (else its first output). */
  freeOutput(id: string): string | undefined {
    const type = typeOf(this.automation, id);
    if (!type) return undefined;
    const outputs = this.outputsOf(type);
    const used = new Set<string>((connectionsOf(this.automation, id) ?? []).map((c) => c.condition ?? 'default'));
    return outputs.find((o) => !used.has(o)) ?? outputs[0];
  }

  outputsOf(type: string): readonly string[] {
    const descriptor = this.lookup.get(type);
    if (descriptor?.outputs.length) return descriptor.outputs;
    return descriptor?.kind === 'condition' ? ['true', 'false'] : ['default'];
  }

  connect(ref: EdgeRef): boolean {
    if (!canConnect(this.automation, ref)) return false;
    this.commit(connect(this.automation, ref), 'connect');
    return true;
  }

  canConnect(ref: EdgeRef): boolean {
    return canConnect(this.automation, ref);
  }

  /** Deletes the selected nodes (never the trigger) or the selected edge. */
  deleteSelection(): number {
    const edge = this.selectedEdge ? this.flow.edges.find((e) => e.id === this.selectedEdge) : undefined;
    const nodes = [...this.selection].filter((id) => id !== TRIGGER_ID);
    if (!nodes.length && !edge) return 0;
    this.commit(removeElements(this.automation, nodes, edge ? [edgeRef(edge)] : []), 'delete');
    this.selection = new Set();
    this.selectedEdge = null;
    this.refresh();
    this.listener('select');
    return nodes.length + (edge ? 1 : 0);
  }

  move(positions: ReadonlyMap<string, { x: number; y: number }>): void {
    this.commit(moveNodes(this.automation, positions), 'move');
  }

  /** Sets a node's config; consecutive edits of one node within 1 s form one undo step. */
  setConfig(id: string, config: Record<string, unknown>, now = Date.now()): void {
    const coalesce = this.lastConfigEdit?.id === id && now - this.lastConfigEdit.at < 1000;
    this.lastConfigEdit = { id, at: now };
    this.commit(setNodeConfig(this.automation, id, config), 'config', coalesce);
  }

  setLabel(id: string, label: string): void {
    this.commit(setNodeLabel(this.automation, id, label), 'label');
  }

  setActive(active: boolean): void {
    this.commit({ ...this.automation, isActive: active && this.report.valid }, 'active');
  }

  /** The automation's sample data (what every step's input starts from), as one undo step. */
  setSampleData(sampleData: unknown): void {
    this.commit({ ...this.automation, sampleData }, 'sample');
  }

  layout(): void {
    this.commit(autoLayout(this.automation, this.lookup), 'layout');
  }

  copy(): ClipboardPayload {
    return copyNodes(this.automation, this.selection);
  }

  paste(payload: ClipboardPayload, offset = { x: 40, y: 40 }): string[] {
    if (!payload.nodes.length) return [];
    const { automation, ids } = pasteNodes(this.automation, payload, offset);
    this.commit(automation, 'paste');
    this.select(ids);
    return ids;
  }

  duplicate(): string[] {
    return this.paste(this.copy());
  }

  /** Inserts a node of `type` on an edge (one undo step). */
  insertOnEdge(edgeId: string, type: string): string | undefined {
    const edge = this.flow.edges.find((e) => e.id === edgeId);
    const descriptor = this.lookup.get(type);
    if (!edge || !descriptor || descriptor.kind === 'trigger') return undefined;
    const source = this.flow.nodes.find((n) => n.id === edge.source);
    const target = this.flow.nodes.find((n) => n.id === edge.target);
    const position = snap({
      x: ((source?.position.x ?? 0) + (target?.position.x ?? 0)) / 2,
      y: ((source?.position.y ?? 0) + (target?.position.y ?? 0)) / 2 + 80,
    });
    const id = createNodeId(this.automation, type);
    const output = (this.outputsOf(type)[0] ?? 'default') as 'default' | 'true' | 'false';
    this.commit(
      spliceEdge(this.automation, edgeRef(edge), { id, type, position, config: defaultConfig(descriptor) }, output),
      'insert',
    );
    this.select([id]);
    return id;
  }

  private placeAfter(id: string | undefined): { x: number; y: number } {
    const from = id ? this.flow.nodes.find((n) => n.id === id) : undefined;
    if (from) {
      const siblings = (connectionsOf(this.automation, from.id) ?? []).length;
      return { x: from.position.x + NODE_WIDTH + 80, y: from.position.y + siblings * 100 };
    }
    const maxY = this.flow.nodes.reduce((max, n) => Math.max(max, n.position.y), -Infinity);
    const minX = this.flow.nodes.reduce((min, n) => Math.min(min, n.position.x), Infinity);
    return Number.isFinite(maxY) ? { x: minX, y: maxY + 120 } : { x: 0, y: 0 };
  }

  /**
   * A step whose configuration changed loses what only the server found on it: that finding was about the old
   * configuration, and the server's next answer (300 ms after the edit) says whether it still holds.
   */
  private forgetServerFindings(before: Automation, after: Automation): void {
    if (!this.serverProblems.length) return;
    const changed = reconfiguredSteps(before, after);
    if (changed.size) this.serverProblems = this.serverProblems.filter((p) => !changed.has(problemNodeId(p) ?? ''));
  }

  private dropStaleSelection(): void {
    const ids = new Set([TRIGGER_ID, ...this.automation.nodes.map((n) => n.id)]);
    this.selection = new Set([...this.selection].filter((id) => ids.has(id)));
  }

  /** Redraws the flow; `validate` is false when only the selection changed. */
  private refresh(validate = true): void {
    this.revision += 1;
    const flow = toFlow(this.automation, this.lookup);
    for (const node of flow.nodes) if (this.selection.has(node.id)) node.selected = true;
    this.flow = flow;
    if (!validate) return;
    try {
      this.localProblems = validateForBuilder(this.automation, this.registry).problems;
      this.report = withServerProblems(
        this.localProblems,
        this.serverProblems,
        new Set(this.automation.nodes.map((n) => n.id)),
      );
    } catch (error) {
      this.localProblems = [];
      this.report = {
        problems: [{ code: 'validation_unavailable', message: String((error as Error).message ?? error), path: [] }],
        byNode: new Map(),
        valid: false,
      };
    }
  }
}

/** The edge reference of a drawn edge. */
export function edgeRef(edge: FlowEdge): EdgeRef {
  return { source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target };
}

function defaultConfig(descriptor: NodeTypeDescriptor): Record<string, unknown> {
  const value = defaultValue(descriptor.configJsonSchema as JsonSchema);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function snap(position: { x: number; y: number }): { x: number; y: number } {
  return { x: Math.round(position.x / GRID_SIZE) * GRID_SIZE, y: Math.round(position.y / GRID_SIZE) * GRID_SIZE };
}
