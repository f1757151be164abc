import { describe, expect, it } from 'vitest';
import { lookup, sampleAutomation } from '../../test/fixtures';
import { knownFields } from './known-fields';
import { fieldLabel, stepSummary, valueLabel } from './step-summary';

describe('stepSummary', () => {
  it('says what a wait, a condition and an e-mail do, in French and English', () => {
    expect(stepSummary('wait', { duration: 2, unit: 'days' }, { lang: 'fr' })).toBe('Attendre 2 jours');
    expect(stepSummary('wait', { duration: 1, unit: 'hours' }, { lang: 'en' })).toBe('Wait 1 hour');
    const paid = { combinator: 'all', conditions: [{ field: 'trigger.status', operator: 'equals', value: 'paid' }] };
    const fields = knownFields(sampleAutomation(), 'condition-1', lookup);
    expect(stepSummary('condition', paid, { lang: 'fr', fields })).toBe('Si statut de la commande = payée');
    expect(stepSummary('condition', paid, { lang: 'en', fields })).toBe('If order status = paid');
    // Without the catalogue: the path's last segment and the raw value.
    expect(stepSummary('condition', paid, { lang: 'fr' })).toBe('Si status = paid');
    const mail = { templateId: 'tpl-1', to: '{{client}}' };
    const names = { lang: 'fr' as const, templateName: (id: string) => (id === 'tpl-1' ? 'Merci' : undefined) };
    expect(stepSummary('send_email', mail, names)).toBe('E-mail « Merci » à {{client}}');
  });

  it('writes a field label in lower case inside the sentence, acronyms kept', () => {
    const email = { conditions: [{ field: 'trigger.customer.email', operator: 'contains', value: '@favre.ch' }] };
    const fields = knownFields(sampleAutomation(), 'condition-1', lookup);
    expect(stepSummary('condition', email, { lang: 'fr', fields })).toBe('Si e-mail du client contient @favre.ch');
    expect(fieldLabel('x.vat', 'fr', [{ path: 'x.vat', source: 'trigger', label: { fr: 'TVA', en: 'VAT' } }])).toBe(
      'TVA',
    );
  });

  it('labels known values and leaves others as they are', () => {
    const fields = knownFields(sampleAutomation(), 'condition-1', lookup);
    expect(valueLabel('trigger.status', 'shipped', 'fr', fields)).toBe('expédiée');
    expect(valueLabel('trigger.status', 'lost', 'fr', fields)).toBe('lost');
    expect(valueLabel('trigger.total', 100, 'fr', fields)).toBe('100');
  });
});
