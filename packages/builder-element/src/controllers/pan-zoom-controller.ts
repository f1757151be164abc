import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  createPanZoom,
  fitView,
  revealNodes,
  updatePanZoom,
  type NodeLookup,
  type PanZoomInstance,
  type Transform,
} from '../xyflow/index';

/** What the pan/zoom controller needs from its host. */
export interface PanZoomHost extends ReactiveControllerHost {
  paneElement(): Element | null;
  isConnecting(): boolean;
}

/** Owns the `XYPanZoom` instance: created once the pane is rendered, destroyed on disconnect. */
export class PanZoomController implements ReactiveController {
  instance: PanZoomInstance | undefined;
  transform: Transform = [0, 0, 1];
  private connecting = false;

  constructor(
    private readonly host: PanZoomHost,
    private readonly onCreated: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.instance) this.host.requestUpdate();
  }

  hostUpdated(): void {
    const pane = this.host.paneElement();
    if (!this.instance && pane) {
      this.instance = createPanZoom(
        pane,
        { x: this.transform[0], y: this.transform[1], zoom: this.transform[2] },
        this.callbacks,
      );
      this.onCreated();
    }
    const connecting = this.host.isConnecting();
    if (this.instance && connecting !== this.connecting) {
      this.connecting = connecting;
      updatePanZoom(this.instance, this.callbacks);
    }
  }

  hostDisconnected(): void {
    this.instance?.destroy();
    this.instance = undefined;
  }

  /** Fits all nodes; resolves false when pan/zoom is not ready or the pane has no size. */
  async fit(lookup: NodeLookup, duration = 0): Promise<boolean> {
    const pane = this.host.paneElement();
    if (!this.instance || !pane || lookup.size === 0) return false;
    const { width, height } = pane.getBoundingClientRect();
    if (!width || !height) return false;
    return fitView(this.instance, lookup, width, height, duration);
  }

  /** Fits all nodes, panned so that the nodes `ids` are in view; resolves false like `fit`. */
  async reveal(lookup: NodeLookup, ids: Iterable<string>, duration = 0): Promise<boolean> {
    const pane = this.host.paneElement();
    if (!this.instance || !pane || lookup.size === 0) return false;
    const { width, height } = pane.getBoundingClientRect();
    if (!width || !height) return false;
    return revealNodes(this.instance, lookup, ids, width, height, duration);
  }

  zoomBy(factor: number): void {
    void this.instance?.scaleBy(factor, { duration: 150 });
  }

  private readonly callbacks = {
    onTransformChange: (transform: Transform) => {
      this.transform = transform;
      this.host.requestUpdate();
    },
    isConnecting: () => this.host.isConnecting(),
  };
}
