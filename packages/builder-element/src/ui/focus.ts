import type { BuilderView } from './builder-view';

/** What the focus helpers read. */
export type FocusHost = Pick<BuilderView, 'renderRoot' | 'updateComplete' | 'store'>;

/** Moves focus to the canvas pane. */
export function focusPane(host: FocusHost): void {
  (host.renderRoot.querySelector('.swigs-flow__pane') as HTMLElement | null)?.focus();
}

/** Moves focus to a node once rendered. */
export function focusNode(host: FocusHost, id: string): void {
  void host.updateComplete.then(() => {
    const el = host.renderRoot.querySelector(`.swigs-flow__node[data-id="${CSS.escape(id)}"]`) as HTMLElement | null;
    el?.focus({ preventScroll: true });
  });
}

/** Moves focus to the selected node, else the pane. */
export function focusSelection(host: FocusHost): void {
  const id = host.store.selectedNode;
  if (id) focusNode(host, id);
  else focusPane(host);
}

/** Moves focus into the selected node's form. */
export function focusPanel(host: FocusHost): void {
  void host.updateComplete.then(() => {
    const first = host.renderRoot.querySelector(
      '[data-testid="node-config"] input, [data-testid="node-config"] select, [data-testid="node-config"] textarea',
    ) as HTMLElement | null;
    (first ?? (host.renderRoot.querySelector('.panel') as HTMLElement | null))?.focus();
  });
}
