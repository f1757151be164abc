import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createNodeDrag, type DragStore, type XYDragInstance } from '../xyflow/index';

/** Owns one `XYDrag` per node element; all destroyed on disconnect, re-attached by the `ref` callbacks. */
export class NodeDragController implements ReactiveController {
  private readonly drags = new Map<string, { element: Element; drag: XYDragInstance }>();
  private readonly callbacks = new Map<string, (element: Element | undefined) => void>();

  constructor(
    host: ReactiveControllerHost,
    private readonly store: DragStore,
  ) {
    host.addController(this);
  }

  /** A stable `ref` callback for a node's element. */
  refFor(id: string): (element: Element | undefined) => void {
    let callback = this.callbacks.get(id);
    if (!callback) {
      callback = (element) => this.attach(id, element);
      this.callbacks.set(id, callback);
    }
    return callback;
  }

  hostDisconnected(): void {
    for (const { drag } of this.drags.values()) drag.destroy();
    this.drags.clear();
  }

  private attach(id: string, element: Element | undefined): void {
    const current = this.drags.get(id);
    if (current && current.element === element) return;
    current?.drag.destroy();
    this.drags.delete(id);
    if (!element) {
      this.callbacks.delete(id);
      return;
    }
    this.drags.set(id, { element, drag: createNodeDrag(this.store, element, id) });
  }
}
