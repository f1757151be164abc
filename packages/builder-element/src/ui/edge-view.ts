import { type noChange, nothing, type TemplateResult } from 'lit';
import { AsyncDirective, directive, type DirectiveResult } from 'lit/async-directive.js';
import type { FlowEdge } from '../model/flow-graph';
import { edgeGeometry } from '../xyflow/index';
import type { CanvasGraphHost } from './canvas-graph';

/** Draws one part of an edge (its line, or its « + » button) from the edge's current geometry. */
export type EdgeDraw = (
  host: CanvasGraphHost,
  edge: FlowEdge,
  geometry: NonNullable<ReturnType<typeof edgeGeometry>>,
) => TemplateResult;

/**
 * An edge part that follows its two ends: drawn with the canvas graph, then drawn again on each drag frame that
 * moves its source or target (and only then), so a drag redraws the dragged card's links and no other.
 */
class EdgeDirective extends AsyncDirective {
  private args: [CanvasGraphHost, FlowEdge, EdgeDraw] | undefined;
  private stop: (() => void) | undefined;

  render(host: CanvasGraphHost, edge: FlowEdge, draw: EdgeDraw): TemplateResult | typeof nothing | typeof noChange {
    const previous = this.args;
    this.args = [host, edge, draw];
    if (!previous || previous[0] !== host || previous[1].source !== edge.source || previous[1].target !== edge.target)
      this.listen();
    return this.draw();
  }

  protected override disconnected(): void {
    this.stop?.();
    this.stop = undefined;
  }

  protected override reconnected(): void {
    this.listen();
  }

  private draw(): TemplateResult | typeof nothing {
    if (!this.args) return nothing;
    const [host, edge, draw] = this.args;
    const geometry = edgeGeometry(edge, host.nodeLookup);
    return geometry ? draw(host, edge, geometry) : nothing;
  }

  private listen(): void {
    this.stop?.();
    this.stop = undefined;
    if (!this.args || !this.isConnected) return;
    const [host, edge] = this.args;
    const redraw = () => this.setValue(this.draw());
    const offSource = host.moves.on(edge.source, redraw);
    const offTarget = host.moves.on(edge.target, redraw);
    this.stop = () => {
      offSource();
      offTarget();
    };
  }
}

/** `${edgeView(host, edge, drawLine)}`: an edge part redrawn when its ends move. */
export const edgeView: (
  host: CanvasGraphHost,
  edge: FlowEdge,
  draw: EdgeDraw,
) => DirectiveResult<typeof EdgeDirective> = directive(EdgeDirective);
