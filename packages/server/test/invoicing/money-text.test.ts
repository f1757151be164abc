import { describe, expect, it } from 'vitest';
import { defaultTemplates, renderEmail } from '@swigs/automation-nodes';
import { formatChf as pdfAmount } from '../../src/invoicing/pdf/format';
import { formatCentimes as uiCentimes, formatChf as uiFrancs } from '../../ui/src/format';

// The fields the invoice templates read, as the server's invoice payload carries them.
const invoice = {
  invoiceId: 'i1',
  number: '2026-0042',
  status: 'sent',
  total: 1026.95,
  totalCentimes: 102695,
  balance: 1026.95,
  balanceCentimes: 102695,
  currency: 'CHF',
  customer: { name: 'Boulangerie Favre SA' },
  issueDate: '2026-03-02',
  dueDate: '2026-04-01',
};

describe('money text', () => {
  it("is the same in the invoice e-mail, the reminder, the PDF and the web UI: CHF 1'026.95", () => {
    const expected = "CHF 1'026.95";
    expect(`CHF ${pdfAmount(102695)}`).toBe(expected);
    // The web UI formats money the same way in French and in English: it takes no language.
    expect(uiCentimes(102695)).toBe(expected);
    expect(uiFrancs(1026.95)).toBe(expected);

    const sent = renderEmail(defaultTemplates['facture-envoyee'], { trigger: invoice, nodes: {} });
    expect(sent.subject).toBe(`Facture 2026-0042 – ${expected}`);
    expect(sent.html).toContain(`<strong>${expected}</strong>`);
    expect(sent.text).toContain(expected);
    const reminder = renderEmail(defaultTemplates['rappel-facture-2'], { trigger: invoice, nodes: {} });
    expect(reminder.preheader).toContain(expected);
    expect(reminder.html).toContain(`<strong>${expected}</strong>`);
  });

  it('agrees between the three for every amount, negative ones included', () => {
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const centimes = i % 2 === 0 ? seed % 99_999_999_999 : -(seed % 100_000);
      const email = renderEmail({ subject: '{{currency c unit="centimes"}}', body: '' }, { c: centimes }).subject;
      expect({ centimes, email, ui: uiCentimes(centimes) }).toEqual({
        centimes,
        email: `CHF ${pdfAmount(centimes)}`,
        ui: `CHF ${pdfAmount(centimes)}`,
      });
    }
  });
});
