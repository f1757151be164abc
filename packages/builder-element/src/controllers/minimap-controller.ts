import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createMinimap, type PanZoomInstance, type Transform, type XYMinimapInstance } from '../xyflow/index';

/** What the minimap controller needs from its host. */
export interface MinimapHost extends ReactiveControllerHost {
  minimapSvg(): SVGSVGElement | null;
  panZoomInstance(): PanZoomInstance | undefined;
  currentTransform(): Transform;
  minimapViewScale(): number;
}

/** Owns the `XYMinimap` instance (pan and zoom by dragging or scrolling the minimap). */
export class MinimapController implements ReactiveController {
  private instance: XYMinimapInstance | undefined;
  private svg: SVGSVGElement | null = null;

  constructor(private readonly host: MinimapHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    const svg = this.host.minimapSvg();
    const panZoom = this.host.panZoomInstance();
    if (svg === this.svg && this.instance) return;
    this.instance?.destroy();
    this.instance = undefined;
    this.svg = svg;
    if (!svg || !panZoom) return;
    const { width, height } = svg.getBoundingClientRect();
    this.instance = createMinimap(
      svg,
      panZoom,
      () => this.host.currentTransform(),
      () => this.host.minimapViewScale(),
      { width, height },
    );
  }

  hostDisconnected(): void {
    this.instance?.destroy();
    this.instance = undefined;
    this.svg = null;
  }
}
