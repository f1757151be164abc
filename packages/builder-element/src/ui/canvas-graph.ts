import { html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import type { StepStatsEntry, TestResult } from '../client';
import type { ValidationReport } from '../model/validation';
import type { DescriptorLookup, FlowEdge, FlowGraph, FlowNode } from '../model/flow-graph';
import { TRIGGER_ID } from '../model/geometry';
import type { Automation, AutomationRun } from '@swigs/automation-core/graph';
import type { BuilderView } from './builder-view';
import { edgeView, type EdgeDraw } from './edge-view';
import { openQuickAdd, type QuickAddHost } from './quick-add';
import { executedEdge, timelineByNode } from './run-data';
import { CARD_TAG, SwigsStepCard, type StepCardHost } from './step-card';

/** What the graph layer reads and calls besides its properties. */
export type CanvasGraphHost = StepCardHost & Pick<BuilderView, 'drags'> & QuickAddHost;

/** The tag of the canvas's graph layer (links and cards). */
export const GRAPH_TAG = 'swigs-canvas-graph';

const NO_PROBLEMS: readonly never[] = Object.freeze([]);

/**
 * The links and cards inside the canvas's viewport, as an element: its properties are the editor state they show,
 * so a pan or zoom frame (the viewport's transform) renders none of it, and a drag frame only the moved card and
 * its links (through `NodeMoves`). Each card is a `<swigs-step-card>`, rendered when its own properties change.
 */
export class SwigsCanvasGraph extends LitElement {
  static override properties = {
    host: { attribute: false },
    flow: { attribute: false },
    report: { attribute: false },
    selectedEdge: { attribute: false },
    run: { attribute: false },
    shownRun: { attribute: false },
    testResult: { attribute: false },
    stats: { attribute: false },
    templates: { attribute: false },
    automation: { attribute: false },
    descriptors: { attribute: false },
    lang: { attribute: false },
    readonly: { attribute: false },
  };

  declare host: CanvasGraphHost;
  declare flow: FlowGraph;
  declare report: ValidationReport;
  declare selectedEdge: string | null;
  /** The run on display (`run` property of the builder): its path is drawn as executed. */
  declare run: AutomationRun | undefined;
  /** The run whose statuses the cards show: the run on display, else the chosen past run's data. */
  declare shownRun: AutomationRun | undefined;
  declare testResult: TestResult | null;
  declare stats: Map<string, StepStatsEntry> | null | undefined;
  declare templates: readonly { id: string; name: string }[] | null;
  declare automation: Automation;
  declare descriptors: DescriptorLookup;
  declare lang: 'fr' | 'en';
  declare readonly: boolean;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Done once the cards this render changed have rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const cards = this.querySelectorAll(CARD_TAG);
    await Promise.all(Array.from(cards, (card) => (card.isUpdatePending ? card.updateComplete : undefined)));
    return done;
  }

  protected override render(): TemplateResult | typeof nothing {
    const host = this.host;
    if (!host || !this.flow) return nothing;
    const timeline = timelineByNode(this.testResult);
    const configs = configsOf(this.automation);
    const names = new Map(this.flow.nodes.map((node) => [node.id, node]));
    const nameOf = (id: string) => {
      const node = names.get(id);
      return node?.data.label ?? (node?.data.type ? host.titleOf(node.data.type) : id);
    };
    const drawButton: EdgeDraw = (_, edge, geometry) => renderEdgeButton(host, edge, geometry, nameOf);
    return html`
      <svg class="swigs-flow__edges" aria-hidden="true">
        ${repeat(
          this.flow.edges,
          (edge) => edge.id,
          (edge) => edgeView(host, edge, (_, e, geometry) => this.renderEdge(e, geometry)),
        )}
      </svg>
      ${
        this.readonly
          ? nothing
          : html`<div class="swigs-flow__edgelabels">
            ${repeat(
              this.flow.edges,
              (edge) => edge.id,
              (edge) => edgeView(host, edge, drawButton),
            )}
          </div>`
      }
      ${repeat(
        this.flow.nodes,
        (node) => node.id,
        (node) => this.renderCard(node, timeline, configs),
      )}
    `;
  }

  private renderCard(
    node: FlowNode,
    timeline: ReturnType<typeof timelineByNode>,
    configs: ReadonlyMap<string, unknown>,
  ): TemplateResult {
    const position = this.host.nodeLookup.get(node.id)?.internals.positionAbsolute ?? node.position;
    return html`<swigs-step-card
      ${ref(this.host.drags.refFor(node.id))}
      .host=${this.host}
      .nodeId=${node.id}
      .type=${node.data.type}
      .kind=${node.data.kind}
      .label=${node.data.label}
      .outputs=${node.data.outputs}
      .selected=${node.selected ?? false}
      .x=${position.x}
      .y=${position.y}
      .problems=${this.report.byNode.get(node.id) ?? NO_PROBLEMS}
      .config=${configs.get(node.id)}
      .run=${this.shownRun}
      .timeline=${timeline.get(node.id)}
      .stats=${this.stats?.get(node.id)}
      .templates=${this.templates}
      .automation=${node.data.kind === 'condition' ? this.automation : undefined}
      .descriptors=${this.descriptors}
      .lang=${this.lang}
    ></swigs-step-card>`;
  }

  private renderEdge(edge: FlowEdge, geometry: { path: string }): TemplateResult {
    const selected = this.selectedEdge === edge.id;
    const executed = this.run ? executedEdge(this.run, edge) : false;
    return svg`
      <g class="swigs-flow__edge nopan ${selected ? 'selected' : ''} ${executed ? 'executed' : ''}" data-id=${edge.id} data-testid="edge"
         data-source=${edge.source} data-target=${edge.target} data-handle=${edge.sourceHandle}>
        <path class="hit" d=${geometry.path} @click=${() => this.host.store.selectEdge(edge.id)}></path>
        <path class="line" d=${geometry.path}></path>
      </g>`;
  }
}

/** Every step's stored config by id (the trigger's under `trigger`), for one pass instead of a search per card. */
function configsOf(automation: Automation): Map<string, unknown> {
  const configs = new Map<string, unknown>([[TRIGGER_ID, automation.trigger.config]]);
  for (const node of automation.nodes) configs.set(node.id, node.config);
  return configs;
}

function renderEdgeButton(
  host: CanvasGraphHost,
  edge: FlowEdge,
  geometry: { labelX: number; labelY: number },
  nameOf: (id: string) => string,
): TemplateResult {
  const m = host.msg;
  const label = `${m.insertOnEdge}. ${m.edgeAria(nameOf(edge.source), nameOf(edge.target), m.outputs[edge.sourceHandle] ?? edge.sourceHandle)}`;
  return html`<button
    class="swigs-flow__edgelabel nodrag nopan"
    part="edge-button"
    data-testid="edge-insert"
    data-edge-id=${edge.id}
    style="left:${geometry.labelX}px;top:${geometry.labelY}px"
    aria-label=${label}
    title=${m.insertOnEdge}
    @focus=${() => {
      if (host.store.selectedEdge !== edge.id) host.store.selectEdge(edge.id);
    }}
    @click=${(e: MouseEvent) => {
      const container = host.containerElement();
      const bounds = container?.getBoundingClientRect();
      const target = (e.currentTarget as HTMLElement).getBoundingClientRect();
      openQuickAdd(host, {
        mode: 'add',
        left: target.left - (bounds?.left ?? 0) + 16,
        top: target.top - (bounds?.top ?? 0) + 16,
        edgeId: edge.id,
      });
    }}
  >
    +
  </button>`;
}

/** Registers the graph layer's and the cards' tags once (the builder does it before its first render). */
export function defineCanvasGraph(): void {
  if (!customElements.get(CARD_TAG)) customElements.define(CARD_TAG, SwigsStepCard);
  if (!customElements.get(GRAPH_TAG)) customElements.define(GRAPH_TAG, SwigsCanvasGraph);
}

declare global {
  interface HTMLElementTagNameMap {
    'swigs-canvas-graph': SwigsCanvasGraph;
  }
}
