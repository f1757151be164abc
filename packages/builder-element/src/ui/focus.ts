import type { SwigsAutomationBuilder } from '../swigs-automation-builder';

/** Moves focus to the canvas pane. */
export function focusPane(host: SwigsAutomationBuilder): void {
  (host.paneElement() as HTMLElement | null)?.focus();
}

/** Moves focus to a node once rendered. */
export function focusNode(host: SwigsAutomationBuilder, id: string): void {
  void host.updateComplete.then(() => {
    const el = host.renderRoot.querySelector(`.swigs-flow__node[data-id="${CSS.escape(id)}"]`) as HTMLElement | null;
    el?.focus({ preventScroll: true });
  });
}

/** Moves focus to the selected node, else the pane. */
export function focusSelection(host: SwigsAutomationBuilder): void {
  const id = host.store.selectedNode;
  if (id) focusNode(host, id);
  else focusPane(host);
}

/** Moves focus into the selected node's form. */
export function focusPanel(host: SwigsAutomationBuilder): void {
  void host.updateComplete.then(() => {
    const first = host.renderRoot.querySelector(
      '[data-testid="node-config"] input, [data-testid="node-config"] select, [data-testid="node-config"] textarea',
    ) as HTMLElement | null;
    (first ?? (host.renderRoot.querySelector('.panel') as HTMLElement | null))?.focus();
  });
}
