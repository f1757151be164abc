import { describe, expect, it } from 'vitest';
import { lookup, sampleAutomation } from '../../test/fixtures';
import { findKnownField, knownFields } from './known-fields';

describe('knownFields', () => {
  it('lists the leaves a step can read, with labels, examples and known values from the output schemas', () => {
    const fields = knownFields(sampleAutomation(), 'condition-1', lookup);
    const status = findKnownField(fields, 'trigger.status');
    expect(status?.label).toEqual({ fr: 'Statut de la commande', en: 'Order status' });
    expect(status?.example).toBe('paid');
    expect(status?.values?.find((v) => v.value === 'paid')?.label.fr).toBe('payée');
    expect(findKnownField(fields, 'trigger.total')?.type).toBe('number');
    expect(findKnownField(fields, 'trigger.customer.email')?.source).toBe('trigger');
    // Arrays are not offered as a whole, and nothing downstream of the step is.
    expect(findKnownField(fields, 'trigger.items')).toBeUndefined();
    expect(fields.some((f) => f.path.startsWith('nodes.send-email-1'))).toBe(false);
  });
});
