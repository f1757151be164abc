import { describe, expect, it } from 'vitest';
import { templateHelperDocs } from './helper-docs';
import { templateHelperNames } from './helpers';
import { createTemplateRenderer } from './renderer';

describe('template helper docs', () => {
  it('document every SWIGS helper, in French and English', () => {
    const documented = templateHelperDocs.map((doc) => doc.name);
    for (const name of templateHelperNames) expect(documented).toContain(name);
    for (const doc of templateHelperDocs) {
      expect(doc.description.fr.length, doc.name).toBeGreaterThan(10);
      expect(doc.description.en.length, doc.name).toBeGreaterThan(10);
    }
  });

  it('give examples that render with their data', () => {
    const renderer = createTemplateRenderer();
    const rendered = Object.fromEntries(
      templateHelperDocs.map((doc) => [doc.name, renderer.render(doc.example, doc.exampleData, 'text')]),
    );
    expect(rendered.currency).toBe("CHF 1'234.50 / CHF 1'234.50");
    expect(rendered.eq).toBe('Payée');
    expect(rendered.pluralize).toBe('3 articles');
    expect(rendered.default).toBe('Bonjour Léa');
    expect(rendered.each).toBe('[vip][newsletter]');
  });
});
