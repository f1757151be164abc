import { GRID_SIZE, TRIGGER_ID } from '../model/geometry';
import { isTypingTarget } from '../xyflow/index';
import type { SwigsAutomationBuilder } from '../swigs-automation-builder';

/**
 * Shortcuts, bound on the host so they only fire while focus is inside the element, and never while typing
 * (except Ctrl/Cmd+S and Escape).
 */
export function handleKeydown(host: SwigsAutomationBuilder, event: KeyboardEvent): void {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 's') {
    event.preventDefault();
    if (!host.isReadonly) host.save();
    return;
  }
  if (event.key === 'Escape') {
    if (host.ui.quickAdd) host.closeQuickAdd();
    else if (host.store.selection.size || host.store.selectedEdge) host.store.select([]);
    host.focusPane();
    return;
  }
  if (isTypingTarget(event) || event.defaultPrevented) return;
  const store = host.store;
  const editable = !host.isReadonly;
  if (mod && key === 'z' && editable) {
    event.preventDefault();
    if (event.shiftKey) host.redo();
    else host.undo();
    return;
  }
  if (mod && key === 'y' && editable) {
    event.preventDefault();
    host.redo();
    return;
  }
  if (mod && key === 'c') {
    host.copySelection();
    return;
  }
  if (mod && key === 'x' && editable) {
    host.copySelection(true);
    return;
  }
  if (mod && key === 'v' && editable) {
    event.preventDefault();
    void host.pasteClipboard();
    return;
  }
  if (mod && key === 'd' && editable) {
    event.preventDefault();
    store.duplicate();
    return;
  }
  if (mod && key === 'a') {
    event.preventDefault();
    store.select(store.flow.nodes.map((n) => n.id));
    return;
  }
  if ((event.key === 'Delete' || event.key === 'Backspace') && editable) {
    event.preventDefault();
    host.deleteSelection();
    host.focusPane();
    return;
  }
  if (mod || event.altKey) return;
  if (event.key.startsWith('Arrow') && editable && store.selection.size) {
    event.preventDefault();
    const step = GRID_SIZE * (event.shiftKey ? 5 : 1);
    const dx = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0;
    const dy = event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0;
    const positions = new Map<string, { x: number; y: number }>();
    for (const node of store.flow.nodes) {
      if (store.selection.has(node.id)) positions.set(node.id, { x: node.position.x + dx, y: node.position.y + dy });
    }
    store.move(positions);
    return;
  }
  if ((key === 'a' || key === '/' || key === 'n') && editable) {
    event.preventDefault();
    const from = store.selectedNode;
    const output = from ? store.freeOutput(from) : undefined;
    host.openQuickAddNear(from, output ? { id: from as string, output } : undefined, 'add');
    return;
  }
  if (key === 'c' && editable && store.selectedNode) {
    event.preventDefault();
    const from = store.selectedNode;
    const output = store.freeOutput(from);
    if (output) host.openQuickAddNear(from, { id: from, output }, 'connect');
    return;
  }
  if (key === 'l' && event.shiftKey && editable) {
    host.autoLayout();
    return;
  }
  if (key === 'f') {
    void host.fitView();
    return;
  }
  if (key === 'enter' && store.selectedNode) {
    event.preventDefault();
    host.focusPanel();
    return;
  }
  if (key === 't' && !store.selection.size) store.select([TRIGGER_ID]);
}
