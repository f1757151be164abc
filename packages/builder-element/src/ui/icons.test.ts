import { describe, expect, it } from 'vitest';
import { stepIconName } from './icons';

describe('stepIconName', () => {
  it('picks an icon by type, then by family, then by kind', () => {
    expect(stepIconName('send_email', 'action')).toBe('mail');
    expect(stepIconName('order.paid', 'trigger')).toBe('cart');
    expect(stepIconName('invoice.overdue', 'trigger')).toBe('receipt');
    expect(stepIconName('acme.custom', 'trigger')).toBe('zap');
    expect(stepIconName('acme.custom', 'action')).toBe('dot');
  });
});
