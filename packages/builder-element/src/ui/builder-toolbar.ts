import type { TemplateResult } from 'lit';
import type { BuilderView } from './builder-view';
import { renderToolbar, type ToolbarShown } from './toolbar';
import type { BuilderUiState } from './ui-state';
import { BuilderViewElement, defineView } from './view-element';

/** The tag of the toolbar inside the builder's shadow root. */
export const TOOLBAR_TAG = 'swigs-builder-toolbar';

/**
 * The toolbar as its own element: it renders when one of its properties changes (the store's revision moves with
 * the name, the problems, the history and the selection), never on a pan, zoom or drag frame.
 */
export class SwigsBuilderToolbar extends BuilderViewElement implements ToolbarShown {
  static override properties = {
    revision: { attribute: false },
    locale: {},
    drawer: { attribute: false },
    paletteOpen: { attribute: false },
    showMinimap: { attribute: false },
    snap: { attribute: false },
    statsPeriod: { attribute: false },
    stats: { attribute: false },
    readonly: { attribute: false },
    hideSave: { attribute: false },
    hideName: { attribute: false },
  };

  /** The store's revision: moves with the automation, the selection, the problems and the history. */
  declare revision: number;
  /** The builder's `lang` (not the toolbar's own `lang` attribute). */
  declare locale: string;
  declare drawer: BuilderUiState['drawer'];
  declare paletteOpen: boolean;
  declare showMinimap: boolean;
  declare snap: boolean;
  declare statsPeriod: BuilderUiState['statsPeriod'];
  declare stats: boolean;
  declare readonly: boolean;
  declare hideSave: boolean;
  declare hideName: boolean;

  protected override renderView(view: BuilderView): TemplateResult {
    return renderToolbar(view, this);
  }
}

/** Registers the toolbar's tag once. */
export function defineToolbar(): void {
  defineView(TOOLBAR_TAG, SwigsBuilderToolbar);
}

declare global {
  interface HTMLElementTagNameMap {
    'swigs-builder-toolbar': SwigsBuilderToolbar;
  }
}
