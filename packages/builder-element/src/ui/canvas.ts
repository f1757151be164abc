import { html, nothing, svg, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import type { FlowEdge, FlowNode } from '../model/flow-graph';
import { GRID_SIZE, TRIGGER_ID } from '../model/geometry';
import { draftPath, edgeGeometry, handleDataId, minimapBounds } from '../xyflow/index';
import type { BuilderView } from './builder-view';
import { closeQuickAdd, openQuickAdd, type QuickAddHost } from './quick-add';
import { executedEdge, formatZurich, runStatusOf, timelineByNode } from './run-data';
import type { StepStatsEntry } from '../client';
import { stepSummary } from '../model/step-summary';
import { icon, stepIconName } from './icons';
import { knownFields } from '../model/known-fields';
import { stepName } from './step-name';

/** What the canvas reads and calls. */
export type CanvasHost = Pick<
  BuilderView,
  | 'msg'
  | 'ui'
  | 'store'
  | 'run'
  | 'lang'
  | 'langCode'
  | 'isReadonly'
  | 'nodeLookup'
  | 'panZoom'
  | 'drags'
  | 'connections'
  | 'runData'
  | 'stepStats'
  | 'paneSize'
  | 'titleOf'
  | 'addNode'
  | 'flowPoint'
> &
  QuickAddHost;

/** The canvas: pane (pan/zoom), viewport with edges and nodes, connection line, minimap and quick-add popup. */
export function renderCanvas(host: CanvasHost): TemplateResult {
  const [tx, ty, zoom] = host.panZoom.transform;
  const store = host.store;
  const readonly = host.isReadonly;
  const timeline = timelineByNode(host.ui.testResult);
  const grid = GRID_SIZE * zoom;
  return html`
    <div
      class="swigs-flow"
      part="canvas"
      data-testid="canvas"
      @scroll=${keepUnscrolled}
      @dragover=${(e: DragEvent) => {
        if (!readonly && e.dataTransfer?.types.includes('application/x-swigs-node')) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      @drop=${(e: DragEvent) => {
        const type = e.dataTransfer?.getData('application/x-swigs-node');
        if (!type || readonly) return;
        e.preventDefault();
        host.store.select([]);
        host.addNode(type, host.flowPoint(e.clientX - 20, e.clientY - 20));
      }}
    >
      <div
        class="swigs-flow__pane"
        tabindex="0"
        role="group"
        aria-label=${host.msg.canvas}
        aria-describedby="shortcuts"
        data-testid="pane"
        @scroll=${keepUnscrolled}
        style="--_grid-size:${grid}px;--_grid-x:${tx}px;--_grid-y:${ty}px"
        @pointerdown=${() => {
          host.ui.ignorePaneClick = false;
        }}
        @click=${(e: Event) => {
          if (e.target === e.currentTarget) {
            if (host.ui.ignorePaneClick) {
              host.ui.ignorePaneClick = false;
              return;
            }
            closeQuickAdd(host);
            if (store.selection.size || store.selectedEdge) store.select([]);
          }
        }}
      >
        <div class="swigs-flow__viewport xyflow__viewport" style="transform: translate(${tx}px, ${ty}px) scale(${zoom})">
          <svg class="swigs-flow__edges" aria-hidden="true">
            ${repeat(
              store.flow.edges,
              (edge) => edge.id,
              (edge) => guard(edgeDeps(host, edge), () => renderEdge(host, edge)),
            )}
            ${
              host.ui.connection
                ? svg`<path class="swigs-flow__connectionline" data-testid="connection-line" d=${draftPath(host.ui.connection)}></path>`
                : nothing
            }
          </svg>
          ${
            readonly
              ? nothing
              : html`<div class="swigs-flow__edgelabels">
                ${repeat(
                  store.flow.edges,
                  (edge) => edge.id,
                  (edge) => guard(edgeDeps(host, edge), () => renderEdgeButton(host, edge)),
                )}
              </div>`
          }
          ${repeat(
            store.flow.nodes,
            (node) => node.id,
            (node) => guard(nodeDeps(host, node, timeline), () => renderNode(host, node, timeline)),
          )}
        </div>
      </div>
      ${host.ui.showMinimap ? renderMinimap(host) : nothing}
      <swigs-builder-quick-add .state=${host.ui.quickAdd} .revision=${host.store.revision} .locale=${host.lang}></swigs-builder-quick-add>
      <p id="shortcuts" class="sr-only">${host.msg.shortcuts}</p>
    </div>
  `;
}

const NO_PROBLEMS: readonly unknown[] = [];

/** What a drawn edge depends on: unchanged while another node is dragged, so its template is skipped. */
function edgeDeps(host: CanvasHost, edge: FlowEdge): unknown[] {
  return [
    edge,
    host.nodeLookup.get(edge.source)?.internals,
    host.nodeLookup.get(edge.target)?.internals,
    host.store.selectedEdge === edge.id,
    host.run,
    host.lang,
  ];
}

/**
 * Focusing a card outside the pane (a click, Tab, a programmatic focus) makes the browser scroll the clipped
 * canvas, which shifts every card by the scrolled amount behind the viewport transform: pan/zoom alone moves it.
 */
function keepUnscrolled(event: Event): void {
  const el = event.currentTarget as HTMLElement;
  if (el.scrollLeft || el.scrollTop) el.scrollTo(0, 0);
}

function nodeDeps(host: CanvasHost, node: FlowNode, timeline: ReturnType<typeof timelineByNode>): unknown[] {
  return [
    node,
    host.nodeLookup.get(node.id)?.internals,
    host.store.report.byNode.get(node.id) ?? NO_PROBLEMS,
    host.run,
    host.runData.state.run,
    timeline.get(node.id),
    host.lang,
    configOf(host, node.id),
    host.ui.templates,
    host.stepStats?.get(node.id),
    // A condition's summary names its field from the trigger's and upstream steps' schemas.
    node.data.kind === 'condition' ? host.store.automation : undefined,
    host.store.descriptors,
  ];
}

/** The stored config of a step (the trigger's for the trigger node). */
function configOf(host: CanvasHost, id: string): unknown {
  const automation = host.store.automation;
  if (id === TRIGGER_ID) return automation.trigger.config;
  return automation.nodes.find((n) => n.id === id)?.config;
}

function templateName(host: CanvasHost, id: string): string | undefined {
  return host.ui.templates?.find((t) => t.id === id)?.name;
}

/** The step's figures over the chosen period, under its card. */
function renderStats(host: CanvasHost, stats: StepStatsEntry, type: string): TemplateResult {
  const m = host.msg;
  const sent = stats.sent !== undefined && (type === 'send_email' || type === 'send_sms');
  return html`<div class="stats" role="group" data-testid="node-stats" aria-label=${m.statsAria(stats.reached, stats.waiting, stats.succeeded, stats.failed)}>
    <span data-stat="reached" title=${m.statsReached}>${icon('reached')} ${stats.reached}</span>
    ${stats.waiting ? html`<span data-stat="waiting" title=${m.statsWaiting}>${icon('pause')} ${stats.waiting}</span>` : nothing}
    <span data-stat="succeeded" class="ok" title=${m.statsSucceeded}>${icon('check')} ${stats.succeeded}</span>
    ${stats.failed ? html`<span data-stat="failed" class="error-text" title=${m.statsFailed}>${icon('cross')} ${stats.failed}</span>` : nothing}
    ${sent ? html`<span data-stat="sent" title=${m.statsSent}>${icon('mail')} ${stats.sent}</span>` : nothing}
  </div>`;
}

function renderEdge(host: CanvasHost, edge: FlowEdge): TemplateResult {
  const geometry = edgeGeometry(edge, host.nodeLookup);
  if (!geometry) return svg``;
  const selected = host.store.selectedEdge === edge.id;
  const executed = host.run ? executedEdge(host.run, edge) : false;
  return svg`
    <g class="swigs-flow__edge nopan ${selected ? 'selected' : ''} ${executed ? 'executed' : ''}" data-id=${edge.id} data-testid="edge"
       data-source=${edge.source} data-target=${edge.target} data-handle=${edge.sourceHandle}>
      <path class="hit" d=${geometry.path} @click=${() => host.store.selectEdge(edge.id)}></path>
      <path class="line" d=${geometry.path}></path>
    </g>`;
}

function renderEdgeButton(host: CanvasHost, edge: FlowEdge): TemplateResult | typeof nothing {
  const geometry = edgeGeometry(edge, host.nodeLookup);
  if (!geometry) return nothing;
  const m = host.msg;
  const label = `${m.insertOnEdge}. ${m.edgeAria(stepName(host, edge.source), stepName(host, edge.target), m.outputs[edge.sourceHandle] ?? edge.sourceHandle)}`;
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

function renderNode(host: CanvasHost, node: FlowNode, timeline: ReturnType<typeof timelineByNode>): TemplateResult {
  const internal = host.nodeLookup.get(node.id);
  const { x, y } = internal?.internals.positionAbsolute ?? node.position;
  const store = host.store;
  const m = host.msg;
  const problems = store.report.byNode.get(node.id) ?? [];
  const title = node.data.type ? host.titleOf(node.data.type) : m.chooseTrigger;
  const label = node.data.label ?? title;
  const entry = timeline.get(node.id);
  // A dry run's failed step is marked failed like a real run's.
  const shownRun = host.run ?? host.runData.state.run ?? undefined;
  const status = shownRun ? runStatusOf(shownRun, node.id) : entry?.status === 'failed' ? 'failed' : undefined;
  const failed = entry?.status === 'failed' ? (entry.error ?? m.stepFailed) : '';
  const config = configOf(host, node.id);
  const summary = stepSummary(node.data.type, config, {
    lang: host.langCode,
    templateName: (id) => templateName(host, id),
    ...(node.data.kind === 'condition' ? { fields: knownFields(store.automation, node.id, store.lookup) } : {}),
  });
  const subtitle =
    node.id === TRIGGER_ID ? (host.langCode === 'fr' ? 'Déclencheur' : 'Trigger') : node.data.label ? title : node.id;
  const stats = host.stepStats?.get(node.id);
  const classes = [
    'swigs-flow__node',
    'nopan',
    `kind-${node.data.kind}`,
    node.selected ? 'selected' : '',
    problems.length ? 'invalid' : '',
    status ? `run-${status}` : '',
  ].join(' ');
  return html`
    <div
      class=${classes}
      part="node"
      data-id=${node.id}
      data-type=${node.data.type}
      data-testid="node"
      data-status=${status ?? nothing}
      data-selected=${node.selected ? 'true' : 'false'}
      style="transform: translate(${x}px, ${y}px)"
      tabindex="0"
      role="group"
      aria-roledescription=${host.langCode === 'fr' ? 'étape' : 'step'}
      aria-label=${m.nodeAria(label, node.id, problems.length, summary || undefined)}
      aria-invalid=${problems.length ? 'true' : 'false'}
      @focus=${(e: FocusEvent) => {
        // Keyboard focus selects; a mouse press is handled by click (which knows about Shift).
        if ((e.currentTarget as HTMLElement).matches(':focus-visible') && !store.selection.has(node.id))
          store.select([node.id]);
      }}
      @click=${(e: MouseEvent) => {
        if (e.shiftKey || e.ctrlKey || e.metaKey) store.select([node.id], true);
        else if (store.selection.size !== 1 || !store.selection.has(node.id)) store.select([node.id]);
      }}
      ${ref(host.drags.refFor(node.id))}
    >
      <div class="head">
        <span class="icon" data-testid="node-icon">${icon(stepIconName(node.data.type, node.data.kind))}</span>
        <span class="title">${label}</span>
        ${failed ? html`<span class="state failed" data-testid="node-failed" title=${failed}>${icon('cross')}<span class="sr-only">${m.stepFailed}</span></span>` : nothing}
      </div>
      <div class="summary" data-testid="node-summary" title=${summary || subtitle}>${summary || subtitle}</div>
      ${problems.length ? html`<span class="marker" data-testid="problem-marker" title=${problems.map((p) => p.message).join('\n')}>${problems.length}</span>` : nothing}
      ${entry ? html`<span class="badge ${entry.status}" data-testid="timeline-badge" title=${entry.error ?? ''}>${entry.status === 'failed' ? (entry.error ?? m.stepFailed) : formatZurich(entry.at, host.langCode)}</span>` : nothing}
      ${stats ? renderStats(host, stats, node.data.type) : nothing}
      ${node.handles.map(
        (handle) => html`<div
          class="swigs-flow__handle nodrag nopan ${handle.type} ${handle.id ?? ''} connectable connectablestart connectableend"
          style="left:${handle.x}px;top:${handle.y}px"
          data-id=${handleDataId(node.id, handle.id, handle.type)}
          data-nodeid=${node.id}
          data-handleid=${handle.id ?? nothing}
          data-handlepos=${handle.side}
          data-testid=${handle.type === 'target' ? 'handle-input' : `handle-${handle.id}`}
          title=${m.handleAria(handle.type === 'target' ? 'input' : 'output', m.outputs[handle.id ?? ''] ?? handle.id ?? '')}
          @mousedown=${(e: MouseEvent) => host.connections.start(e, node.id, handle.id, handle.type === 'target')}
          @touchstart=${(e: TouchEvent) => host.connections.start(e, node.id, handle.id, handle.type === 'target')}
        >
          ${handle.type === 'source' && node.data.outputs.length > 1 ? html`<span class="hlabel">${m.outputs[handle.id ?? ''] ?? handle.id}</span>` : nothing}
        </div>`,
      )}
    </div>
  `;
}

function renderMinimap(host: CanvasHost): TemplateResult {
  const { width, height } = host.paneSize;
  const transform = host.panZoom.transform;
  const bounds = minimapBounds(host.nodeLookup, transform, width || 1, height || 1);
  const pad = 5 * Math.max(bounds.width / 200, bounds.height / 140);
  const x = bounds.x - pad;
  const y = bounds.y - pad;
  const w = bounds.width + pad * 2;
  const h = bounds.height + pad * 2;
  const view = {
    x: -transform[0] / transform[2],
    y: -transform[1] / transform[2],
    w: (width || 1) / transform[2],
    h: (height || 1) / transform[2],
  };
  const mask = `M${x - pad},${y - pad}h${w + pad * 2}v${h + pad * 2}h${-w - pad * 2}z M${view.x},${view.y}h${view.w}v${view.h}h${-view.w}z`;
  return html`<svg class="minimap nopan" part="minimap" data-testid="minimap" viewBox="${x} ${y} ${w} ${h}" role="img" aria-label=${host.msg.minimap}>
    ${[...host.nodeLookup.values()].map(
      (node) =>
        svg`<rect class="node" x=${node.internals.positionAbsolute.x} y=${node.internals.positionAbsolute.y} width=${node.measured.width ?? 0} height=${node.measured.height ?? 0} rx="6"></rect>`,
    )}
    <path class="mask" d=${mask}></path>
  </svg>`;
}
