import { html, type TemplateResult } from 'lit';
import type { BuilderView } from './builder-view';
import { icon } from './icons';
import type { BuilderUiState } from './ui-state';

/** What the toolbar reads and calls (the automation, its problems and history through `store`). */
export type ToolbarHost = Pick<
  BuilderView,
  | 'msg'
  | 'store'
  | 'ui'
  | 'narrow'
  | 'panZoom'
  | 'setUi'
  | 'requestFit'
  | 'undo'
  | 'redo'
  | 'autoLayout'
  | 'deleteSelection'
  | 'fitView'
  | 'save'
  | 'showStats'
>;

/** The settings the toolbar shows: `<swigs-builder-toolbar>`'s reactive properties. */
export interface ToolbarShown {
  readonly drawer: BuilderUiState['drawer'];
  readonly paletteOpen: boolean;
  readonly showMinimap: boolean;
  readonly snap: boolean;
  readonly statsPeriod: BuilderUiState['statsPeriod'];
  /** Whether the client can fetch per-step figures (the period picker). */
  readonly stats: boolean;
  readonly readonly: boolean;
  readonly hideSave: boolean;
  readonly hideName: boolean;
}

/** The toolbar: undo/redo, layout, delete, view controls, problem count, active toggle and save. */
export function renderToolbar(host: ToolbarHost, shown: ToolbarShown): TemplateResult {
  const m = host.msg;
  const count = host.store.report.problems.length;
  const edit = !shown.readonly;
  const paletteShown = shown.drawer === 'palette' || (shown.drawer === null && shown.paletteOpen);
  const name = host.store.automation.name;
  // Two groups: the tools scroll sideways when the width runs out (a phone), the save side never moves.
  return html`
    <div class="toolbar" part="toolbar" role="toolbar" aria-label=${m.toolbar}>
      <div class="tools">
        ${shown.hideName ? null : html`<span class="name" data-testid="automation-name" title=${name}>${name}</span>`}
        ${edit ? html`<button data-testid="open-palette" aria-expanded=${paletteShown ? 'true' : 'false'} title=${m.openPalette} @click=${() => togglePalette(host)}>${icon('steps')}<span class="label">${m.openPalette}</span></button>` : null}
        <button class="drawer-toggle" data-testid="open-panel" aria-expanded=${shown.drawer === 'panel' ? 'true' : 'false'} title=${m.openPanel} @click=${() => host.setUi({ drawer: host.ui.drawer === 'panel' ? null : 'panel' })}>${icon('panel')}<span class="label">${m.openPanel}</span></button>
        ${
          edit
            ? html`
              <button class="icon-button" data-testid="undo" aria-label=${m.undo} title="${m.undo} (Ctrl+Z)" ?disabled=${!host.store.canUndo} @click=${() => host.undo()}>${icon('undo')}</button>
              <button class="icon-button" data-testid="redo" aria-label=${m.redo} title="${m.redo} (Ctrl+Shift+Z)" ?disabled=${!host.store.canRedo} @click=${() => host.redo()}>${icon('redo')}</button>
              <button class="icon-button" data-testid="layout" aria-label=${m.autoLayout} title=${m.autoLayout} @click=${() => host.autoLayout()}>${icon('layout')}</button>
              <button class="icon-button" data-testid="delete" aria-label=${m.deleteSelection} title=${m.deleteSelection} ?disabled=${!host.store.selection.size && !host.store.selectedEdge} @click=${() => host.deleteSelection()}>${icon('trash')}</button>
            `
            : html`<span class="status">${m.readonly}</span>`
        }
        <button class="icon-button" data-testid="fit-view" aria-label=${m.fitView} title=${m.fitView} @click=${() => void host.fitView()}>${icon('fit')}</button>
        <button class="icon-button" data-testid="zoom-in" aria-label=${m.zoomIn} title=${m.zoomIn} @click=${() => host.panZoom.zoomBy(1.2)}>${icon('plus')}</button>
        <button class="icon-button" data-testid="zoom-out" aria-label=${m.zoomOut} title=${m.zoomOut} @click=${() => host.panZoom.zoomBy(1 / 1.2)}>${icon('minus')}</button>
        <label class="toggle minimap-toggle"><input type="checkbox" data-testid="toggle-minimap" .checked=${shown.showMinimap} @change=${(e: Event) => host.setUi({ showMinimap: (e.target as HTMLInputElement).checked })} />${m.minimap}</label>
        ${
          edit
            ? html`<label class="toggle"><input type="checkbox" data-testid="toggle-snap" .checked=${shown.snap} @change=${(e: Event) => host.setUi({ snap: (e.target as HTMLInputElement).checked })} />${m.snapToGrid}</label>`
            : null
        }
        ${shown.stats && host.store.automation.id !== 'new' ? renderStatsPicker(host, shown.statsPeriod) : null}
      </div>
      <div class="actions">
        <span class="status problem-count" data-testid="problem-count" title=${m.problemCount(count)}><span class="long">${m.problemCount(count)}</span><span class="short ${count ? 'error-text' : 'ok'}" aria-hidden="true">${icon(count ? 'cross' : 'check')} ${count}</span></span>
        ${
          edit
            ? html`
              <label class="toggle" title=${count ? m.activeDisabled : ''}>
                <input type="checkbox" data-testid="toggle-active" .checked=${host.store.automation.isActive} ?disabled=${count > 0} @change=${(e: Event) => host.store.setActive((e.target as HTMLInputElement).checked)} />${m.active}
              </label>
              ${shown.hideSave ? null : html`<button data-testid="save" class="primary" title=${count ? m.saveDraft : m.save} @click=${() => host.save()}><span class="long">${count ? m.saveDraft : m.save}</span><span class="short">${m.save}</span></button>`}
            `
            : null
        }
      </div>
    </div>
  `;
}

/** Shows or hides the palette: a column on a wide element, a drawer over the canvas on a narrow one. */
function togglePalette(host: ToolbarHost): void {
  if (host.narrow) {
    host.setUi({ drawer: host.ui.drawer === 'palette' ? null : 'palette' });
    return;
  }
  host.setUi({ paletteOpen: !host.ui.paletteOpen, drawer: null });
  host.requestFit();
}

/** The period of the per-step figures on the canvas (hidden, 7, 30 or 90 days). */
function renderStatsPicker(host: ToolbarHost, period: BuilderUiState['statsPeriod']): TemplateResult {
  const m = host.msg;
  return html`<label class="toggle">${m.stats}
    <select data-testid="stats-period" .value=${period ?? ''} @change=${(e: Event) => {
      const value = (e.target as HTMLSelectElement).value;
      void host.showStats(value === '7d' || value === '30d' || value === '90d' ? value : null);
    }}>
      <option value="" ?selected=${!period}>${m.statsOff}</option>
      ${(['7d', '30d', '90d'] as const).map((p) => html`<option value=${p} ?selected=${period === p}>${m.statsPeriod(Number.parseInt(p, 10))}</option>`)}
    </select>
  </label>`;
}
