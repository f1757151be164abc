import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BuilderStore } from '../editor/builder-store';
import type { Messages } from '../i18n/messages';
import type { BuilderUiState, QuickAddState } from '../ui/ui-state';
import { startConnection, toDraft, type NodeLookup, type Transform } from '../xyflow/index';

/** What the connection controller reads of its host: no more than this. */
export interface ConnectionHost extends ReactiveControllerHost {
  readonly isReadonly: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly ui: Pick<BuilderUiState, 'connection' | 'quickAdd'>;
  readonly store: Pick<BuilderStore, 'canConnect' | 'connect'>;
  readonly nodeLookup: NodeLookup;
  readonly panZoom: { readonly transform: Transform };
  readonly msg: Pick<Messages, 'connected'>;
  containerElement(): HTMLDivElement | null;
  panBy(delta: { x: number; y: number }): Promise<boolean>;
  announce(text: string): void;
  flowPoint(clientX: number, clientY: number): { x: number; y: number };
}

/** Opens the step picker where a connection was dropped on empty canvas, wired from its handle. */
export type DropOnPane = (state: Omit<QuickAddState, 'query' | 'active'>) => void;

/**
 * Draws connections from handles with `XYHandle`. A connection dropped on empty canvas opens the quick-add popup
 * there, wired from the handle it started at.
 */
export class ConnectionController implements ReactiveController {
  private release: (() => void) | undefined;

  constructor(
    private readonly host: ConnectionHost,
    private readonly dropOnPane: DropOnPane,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.release?.();
    this.release = undefined;
    this.host.ui.connection = null;
  }

  /** Handle `mousedown`/`touchstart`. */
  start(event: MouseEvent | TouchEvent, nodeId: string, handleId: string | null, isTarget: boolean): void {
    const host = this.host;
    if (host.isReadonly || ('button' in event && event.button !== 0)) return;
    const container = host.containerElement();
    if (!container) return;
    event.stopPropagation();
    // No text selection and no native drag-and-drop from a handle: with canvas text selected (the edges' « + »), the
    // browser dragged the selection instead, which ends the mouse events, so the link never ended (seen under load).
    if (!('touches' in event)) event.preventDefault();
    host.ui.quickAdd = null;
    this.release?.();
    this.release = this.forwardOutsideMouseup();
    const sourceHandle = (handle: string | null) => (handle ?? 'default') as 'default';
    startConnection(event, event.currentTarget as Element, {
      container,
      lookup: host.nodeLookup,
      nodeId,
      handleId,
      isTarget,
      transform: () => host.panZoom.transform,
      panBy: (delta) => host.panBy(delta),
      isValid: (c) =>
        host.store.canConnect({ source: c.source, target: c.target, sourceHandle: sourceHandle(c.sourceHandle) }),
      onChange: (state) => {
        host.ui.connection = state ? toDraft(state, host.panZoom.transform) : null;
        host.requestUpdate();
      },
      onConnect: (c) => {
        if (host.store.connect({ source: c.source, target: c.target, sourceHandle: sourceHandle(c.sourceHandle) })) {
          host.announce(host.msg.connected(c.source, c.target));
        }
      },
      onEnd: (evt, state) => {
        this.release?.();
        this.release = undefined;
        if (state.toNode || isTarget) return;
        const point = 'changedTouches' in evt ? evt.changedTouches[0] : (evt as MouseEvent);
        if (!point) return;
        const bounds = container.getBoundingClientRect();
        this.dropOnPane({
          mode: 'add',
          left: point.clientX - bounds.left,
          top: point.clientY - bounds.top,
          position: host.flowPoint(point.clientX, point.clientY - 32),
          wireFrom: { id: nodeId, output: handleId ?? 'default' },
        });
      },
    });
  }

  /** XYHandle listens for mouseup on the shadow root only; forward a mouseup released outside the element. */
  private forwardOutsideMouseup(): () => void {
    const root = this.host.renderRoot;
    const listener = (event: MouseEvent) => {
      if (event.composedPath().includes(root)) return;
      root.dispatchEvent(
        new MouseEvent('mouseup', { clientX: event.clientX, clientY: event.clientY, bubbles: true, composed: false }),
      );
    };
    window.addEventListener('mouseup', listener, { capture: true });
    return () => window.removeEventListener('mouseup', listener, { capture: true });
  }
}
