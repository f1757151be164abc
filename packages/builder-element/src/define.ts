import { SwigsAutomationBuilder } from './swigs-automation-builder';

/** Registers `<swigs-automation-builder>` once (safe to import twice). */
export function defineSwigsAutomationBuilder(tagName = 'swigs-automation-builder'): void {
  if (!customElements.get(tagName))
    customElements.define(
      tagName,
      tagName === 'swigs-automation-builder' ? SwigsAutomationBuilder : class extends SwigsAutomationBuilder {},
    );
}

defineSwigsAutomationBuilder();

export { SwigsAutomationBuilder };
