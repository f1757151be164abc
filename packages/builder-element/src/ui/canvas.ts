import { html, nothing, svg, type TemplateResult } from 'lit';
import { GRID_SIZE } from '../model/geometry';
import { draftPath, minimapBounds } from '../xyflow/index';
import type { BuilderView } from './builder-view';
import type { CanvasGraphHost } from './canvas-graph';
import { closeQuickAdd } from './quick-add';

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
  | 'server'
  | 'paneSize'
  | 'titleOf'
  | 'addNode'
  | 'flowPoint'
> &
  CanvasGraphHost;

/** The canvas: pane (pan/zoom), viewport with edges and nodes, connection line, minimap and quick-add popup. */
export function renderCanvas(host: CanvasHost): TemplateResult {
  const [tx, ty, zoom] = host.panZoom.transform;
  const store = host.store;
  const readonly = host.isReadonly;
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
          <swigs-canvas-graph
            .host=${host}
            .flow=${store.flow}
            .report=${store.report}
            .selectedEdge=${store.selectedEdge}
            .run=${host.run}
            .shownRun=${host.run ?? host.runData.state.run ?? undefined}
            .testResult=${host.server.dryRunResult}
            .stats=${host.stepStats}
            .templates=${host.server.templateList ?? null}
            .automation=${store.automation}
            .descriptors=${store.lookup}
            .lang=${host.langCode}
            .readonly=${readonly}
          ></swigs-canvas-graph>
          ${
            host.ui.connection
              ? html`<svg class="swigs-flow__edges" aria-hidden="true"><path class="swigs-flow__connectionline" data-testid="connection-line" d=${draftPath(host.ui.connection)}></path></svg>`
              : nothing
          }
        </div>
      </div>
      ${host.ui.showMinimap ? renderMinimap(host) : nothing}
      <swigs-builder-quick-add .state=${host.ui.quickAdd} .revision=${host.store.revision} .locale=${host.lang}></swigs-builder-quick-add>
      <p id="shortcuts" class="sr-only">${host.msg.shortcuts}</p>
    </div>
  `;
}

/**
 * Focusing a card outside the pane (a click, Tab, a programmatic focus) makes the browser scroll the clipped
 * canvas, which shifts every card by the scrolled amount behind the viewport transform: pan/zoom alone moves it.
 */
function keepUnscrolled(event: Event): void {
  const el = event.currentTarget as HTMLElement;
  if (el.scrollLeft || el.scrollTop) el.scrollTo(0, 0);
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
