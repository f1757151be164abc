import type { NodeTypeDescriptor } from '@swigs/automation-core';
import type { TemplateResult } from 'lit';
import type { BuilderView } from './builder-view';
import { renderPalette, type PaletteShown } from './palette';
import { BuilderViewElement, defineView } from './view-element';

/** The tag of the palette inside the builder's shadow root. */
export const PALETTE_TAG = 'swigs-builder-palette';

/**
 * The palette as its own element: it renders when the catalogue, the search or the language changes, and on
 * nothing else the editor does (edits, selection, pan, zoom, drag frames).
 */
export class SwigsBuilderPalette extends BuilderViewElement implements PaletteShown {
  static override properties = {
    descriptors: { attribute: false },
    query: { attribute: false },
    locale: {},
  };

  declare descriptors: readonly NodeTypeDescriptor[];
  declare query: string;
  /** The builder's `lang` (not the palette's own `lang` attribute). */
  declare locale: string;

  constructor() {
    super();
    this.descriptors = [];
    this.query = '';
  }

  protected override renderView(view: BuilderView): TemplateResult {
    return renderPalette(view, this);
  }
}

/** Registers the palette's tag once. */
export function definePalette(): void {
  defineView(PALETTE_TAG, SwigsBuilderPalette);
}

declare global {
  interface HTMLElementTagNameMap {
    'swigs-builder-palette': SwigsBuilderPalette;
  }
}
