import { GRID_SIZE, TRIGGER_ID } from '../model/geometry';
import { isTypingTarget } from '../xyflow/index';
import type { BuilderView } from './builder-view';
import { parseClipboard } from '../model/clipboard';
import { focusPane, focusPanel } from './focus';
import { closeQuickAdd, openQuickAddNear, type QuickAddHost } from './quick-add';

/** What the shortcuts read and call. */
export type KeyboardHost = Pick<
  BuilderView,
  'isReadonly' | 'store' | 'ui' | 'clipboard' | 'save' | 'undo' | 'redo' | 'deleteSelection' | 'autoLayout' | 'fitView'
> &
  QuickAddHost;

/**
 * Shortcuts, bound on the host so they only fire while focus is inside the element, and never while typing
 * (except Ctrl/Cmd+S and Escape).
 */
export function handleKeydown(host: KeyboardHost, event: KeyboardEvent): void {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 's') {
    event.preventDefault();
    if (!host.isReadonly) host.save();
    return;
  }
  if (event.key === 'Escape') {
    if (host.ui.quickAdd) closeQuickAdd(host);
    else if (host.store.selection.size || host.store.selectedEdge) host.store.select([]);
    focusPane(host);
    return;
  }
  if (isTypingTarget(event) || event.defaultPrevented) return;
  // Enter and Space on a focused button, link or option press it: no shortcut may take them.
  if ((event.key === 'Enter' || event.key === ' ') && pressable(event)) return;
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
    copySelection(host);
    return;
  }
  if (mod && key === 'x' && editable) {
    copySelection(host, true);
    return;
  }
  if (mod && key === 'v' && editable) {
    event.preventDefault();
    void pasteClipboard(host);
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
    focusPane(host);
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
    openQuickAddNear(host, from, output ? { id: from as string, output } : undefined, 'add');
    return;
  }
  if (key === 'c' && editable && store.selectedNode) {
    event.preventDefault();
    const from = store.selectedNode;
    const output = store.freeOutput(from);
    if (output) openQuickAddNear(host, from, { id: from, output }, 'connect');
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
    focusPanel(host);
    return;
  }
  if (key === 't' && !store.selection.size) store.select([TRIGGER_ID]);
}

/** Whether the key event comes from an element Enter activates by itself. */
function pressable(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return (
    target instanceof Element &&
    target.closest('button, a[href], summary, select, [role="button"], [role="tab"], [role="option"]') !== null
  );
}

/** Copies (or cuts) the selected steps to the system clipboard and an in-memory copy. */
export function copySelection(host: KeyboardHost, cut = false): void {
  const payload = host.store.copy();
  if (!payload.nodes.length) return;
  host.clipboard = payload;
  const text = JSON.stringify(payload);
  void navigator.clipboard?.writeText?.(text).catch(() => undefined);
  if (cut) host.deleteSelection();
}

/** Pastes steps from the system clipboard, else the in-memory copy. */
export async function pasteClipboard(host: KeyboardHost): Promise<void> {
  if (host.isReadonly) return;
  let payload = host.clipboard;
  try {
    const text = await navigator.clipboard?.readText?.();
    const parsed = text ? parseClipboard(text) : undefined;
    if (parsed) payload = parsed;
  } catch {
    // Clipboard read needs a permission; the in-memory copy is the fallback.
  }
  if (payload) host.store.paste(payload);
}
