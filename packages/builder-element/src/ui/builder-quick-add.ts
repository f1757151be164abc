import type { TemplateResult } from 'lit';
import type { BuilderView } from './builder-view';
import { renderQuickAdd } from './quick-add';
import type { QuickAddState } from './ui-state';
import { BuilderViewElement, defineView } from './view-element';

/** The tag of the add/connect popup inside the builder's canvas. */
export const QUICK_ADD_TAG = 'swigs-builder-quick-add';

/**
 * The add/connect popup as its own element: empty while closed, it renders when the popup opens, its search or
 * active option changes (each a new `state` object), or the steps it lists change; never on a pan, zoom or drag frame.
 */
export class SwigsBuilderQuickAdd extends BuilderViewElement {
  static override properties = {
    state: { attribute: false },
    revision: { attribute: false },
    locale: {},
  };

  /** The popup's state; null while it is closed. */
  declare state: QuickAddState | null;
  /** The store's revision: moves with the steps and links the popup offers. */
  declare revision: number;
  /** The builder's `lang` (not the popup's own `lang` attribute). */
  declare locale: string;

  constructor() {
    super();
    this.state = null;
  }

  protected override renderView(view: BuilderView): TemplateResult | null {
    return this.state ? renderQuickAdd(view, this.state) : null;
  }
}

/** Registers the popup's tag once. */
export function defineQuickAdd(): void {
  defineView(QUICK_ADD_TAG, SwigsBuilderQuickAdd);
}

declare global {
  interface HTMLElementTagNameMap {
    'swigs-builder-quick-add': SwigsBuilderQuickAdd;
  }
}
