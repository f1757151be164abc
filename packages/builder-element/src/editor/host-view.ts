import type { ReactiveControllerHost } from 'lit';

/**
 * A narrow host for a controller or a view: `members` (kept as written, getters stay live) plus the element's
 * `ReactiveControllerHost` calls. The element hands these out instead of itself, so its own members stay private.
 * @example
 * new PanZoomController(hostView(this, { paneElement: () => this.pane(), isConnecting: () => false }), onCreated);
 */
export function hostView<T extends object>(element: ReactiveControllerHost, members: T): T & ReactiveControllerHost {
  return Object.defineProperties(members, {
    addController: { value: element.addController.bind(element) },
    removeController: { value: element.removeController.bind(element) },
    requestUpdate: { value: () => element.requestUpdate() },
    updateComplete: { get: () => element.updateComplete },
  }) as T & ReactiveControllerHost;
}
