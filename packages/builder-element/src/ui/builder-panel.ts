import { ContextConsumer } from '@lit/context';
import { LitElement, nothing, type TemplateResult } from 'lit';
import { PanelTasks } from '../controllers/panel-tasks';
import { builderViewContext } from './builder-view';
import { renderSidePanel } from './side-panel';

/** The tag of the side panel inside the builder's shadow root. */
export const PANEL_TAG = 'swigs-builder-panel';

/**
 * The side panel as its own element, so Lit decides when it renders: its properties are the editor's state objects
 * (each replaced, never mutated, when it changes), and a drag frame, a pan or a zoom changes none of them. It reads
 * the builder's view through `@lit/context` and renders into itself, inside the builder's shadow root (its styles
 * and `::part(panel)` apply as before). It hosts the `@lit/task`s of what only it shows (`PanelTasks`).
 */
export class SwigsBuilderPanel extends LitElement {
  static override properties = {
    revision: { attribute: false },
    ui: { attribute: false },
    runData: { attribute: false },
    listen: { attribute: false },
    run: { attribute: false },
    serverRevision: { attribute: false },
    locale: {},
    readonly: { type: Boolean },
  };

  /** The store's revision: moves with the automation, the selection, the problems and the catalogue. */
  declare revision: number;
  /** The builder's UI state object. */
  declare ui: unknown;
  /** The state of "use a run's data". */
  declare runData: unknown;
  /** The state of "listen for the next event". */
  declare listen: unknown;
  /** The run on display, if any. */
  declare run: unknown;
  /** Moves when the builder's server tasks it shows (the templates, the dry run) change state. */
  declare serverRevision: number;
  /** The builder's `lang` (not the panel's own `lang` attribute). */
  declare locale: string;
  declare readonly: boolean;

  private readonly view = new ContextConsumer(this, { context: builderViewContext });
  /** The panel's own questions to the server (preview, template save, step tests): their state renders it alone. */
  private readonly tasks = new PanelTasks(this, () => this.view.value);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    const view = this.view.value;
    return view ? renderSidePanel(view, this.tasks) : nothing;
  }
}

/** Registers the panel's tag once (the builder does it before its first render). */
export function definePanel(): void {
  if (!customElements.get(PANEL_TAG)) customElements.define(PANEL_TAG, SwigsBuilderPanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'swigs-builder-panel': SwigsBuilderPanel;
  }
}
