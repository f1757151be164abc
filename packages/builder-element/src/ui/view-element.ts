import { ContextConsumer } from '@lit/context';
import { LitElement, nothing, type TemplateResult } from 'lit';
import { builderViewContext, type BuilderView } from './builder-view';

/**
 * A child view of the builder (toolbar, palette): an element inside the builder's shadow root, so Lit decides when
 * it renders from its own reactive properties (what it shows), while it reads and calls the rest of the editor
 * through the view the builder provides with `@lit/context`. It renders into itself, not a shadow root of its own:
 * the builder's styles, test ids, ids for `<label for>` and `::part()` names apply as before.
 */
export abstract class BuilderViewElement extends LitElement {
  private readonly viewContext = new ContextConsumer(this, { context: builderViewContext });

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | null | typeof nothing {
    const view = this.viewContext.value;
    return view ? this.renderView(view) : nothing;
  }

  /** The view's template, from the builder's view and the element's own properties. */
  protected abstract renderView(view: BuilderView): TemplateResult | null;
}

/** Registers a child view's tag once (the builder does it before its first render). */
export function defineView(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
