import { html, type TemplateResult } from 'lit';
import type { SwigsAutomationBuilder } from '../swigs-automation-builder';

/** The toolbar: undo/redo, layout, delete, view controls, problem count, active toggle and save. */
export function renderToolbar(host: SwigsAutomationBuilder): TemplateResult {
  const m = host.msg;
  const count = host.store.report.problems.length;
  const edit = !host.isReadonly;
  return html`
    <div class="toolbar" part="toolbar" role="toolbar" aria-label=${m.toolbar}>
      <span class="name" data-testid="automation-name">${host.store.automation.name}</span>
      ${edit
        ? html`
            <button data-testid="undo" aria-label=${m.undo} title="${m.undo} (Ctrl+Z)" ?disabled=${!host.store.canUndo} @click=${() => host.undo()}>↶</button>
            <button data-testid="redo" aria-label=${m.redo} title="${m.redo} (Ctrl+Shift+Z)" ?disabled=${!host.store.canRedo} @click=${() => host.redo()}>↷</button>
            <button data-testid="layout" @click=${() => host.autoLayout()}>${m.autoLayout}</button>
            <button data-testid="delete" aria-label=${m.deleteSelection} ?disabled=${!host.store.selection.size && !host.store.selectedEdge} @click=${() => host.deleteSelection()}>${m.deleteShort}</button>
          `
        : html`<span class="status">${m.readonly}</span>`}
      <button data-testid="fit-view" @click=${() => void host.fitView()}>${m.fitView}</button>
      <button data-testid="zoom-in" aria-label=${m.zoomIn} @click=${() => host.panZoom.zoomBy(1.2)}>+</button>
      <button data-testid="zoom-out" aria-label=${m.zoomOut} @click=${() => host.panZoom.zoomBy(1 / 1.2)}>−</button>
      <label class="toggle"><input type="checkbox" data-testid="toggle-minimap" .checked=${host.ui.showMinimap} @change=${(e: Event) => host.setUi({ showMinimap: (e.target as HTMLInputElement).checked })} />${m.minimap}</label>
      ${edit
        ? html`<label class="toggle"><input type="checkbox" data-testid="toggle-snap" .checked=${host.ui.snap} @change=${(e: Event) => host.setUi({ snap: (e.target as HTMLInputElement).checked })} />${m.snapToGrid}</label>`
        : null}
      <span class="spacer"></span>
      <span class="status" data-testid="problem-count">${m.problemCount(count)}</span>
      ${edit
        ? html`
            <label class="toggle" title=${count ? m.activeDisabled : ''}>
              <input type="checkbox" data-testid="toggle-active" .checked=${host.store.automation.isActive} ?disabled=${count > 0} @change=${(e: Event) => host.store.setActive((e.target as HTMLInputElement).checked)} />${m.active}
            </label>
            <button data-testid="save" class="primary" @click=${() => host.save()}>${count ? m.saveDraft : m.save}</button>
          `
        : null}
    </div>
  `;
}
