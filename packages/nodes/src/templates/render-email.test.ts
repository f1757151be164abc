import { describe, expect, it } from 'vitest';
import { renderEmail } from './render-email';
import { defaultTemplates } from './default-templates';
import { InvoicePayloadSchema, OrderPayloadSchema } from '../triggers/payloads';

const order = OrderPayloadSchema.parse({
  orderId: 'o1',
  orderNumber: '1042',
  status: 'shipped',
  customer: { id: 'c1', email: 'lea@example.ch', firstName: 'Léa', lastName: 'Müller' },
  total: 1234.5,
  currency: 'CHF',
  items: [{ sku: 'a', name: 'Lampe en chêne', quantity: 1, price: 1234.5 }],
  siteId: 's',
  updatedAt: '2026-03-02T09:20:00.000Z',
  shipping: { carrier: 'La Poste', trackingNumber: '99.00.1', trackingUrl: 'https://service.post.ch/track?n=99.00.1' },
});

describe('renderEmail', () => {
  it('renders a shipped template: subject, preheader, HTML in the layout and a text part', () => {
    const email = renderEmail(defaultTemplates['commande-expediee'], { trigger: order, nodes: {} });
    expect(email.subject).toBe('Votre commande n° 1042 est en route');
    expect(email.preheader).toBe('Bonne nouvelle : votre colis a quitté notre atelier.');
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain('<title>Votre commande n° 1042 est en route</title>');
    expect(email.html).toContain('mso-hide:all">Bonne nouvelle : votre colis a quitté notre atelier.</div>');
    expect(email.html).toContain(
      '<a href="https://service.post.ch/track?n&#x3D;99.00.1" style="color:#1d4ed8">99.00.1</a>',
    );
    expect(email.text).toContain('a été expédiée par La Poste.');
    expect(email.text).toContain("CHF 1'234.50");
    expect(email.text).not.toContain('<');
  });

  it('derives the preheader from the body when the template has none and uses a hand-written text part', () => {
    const email = renderEmail(
      { subject: 'S', body: '<h1>Bonjour Léa</h1><p>Votre facture est prête.</p>', text: 'Texte {{who}}' },
      { who: 'Léa' },
      { layout: null },
    );
    expect(email.html).toBe('<h1>Bonjour Léa</h1><p>Votre facture est prête.</p>');
    expect(email.text).toBe('Texte Léa');
    expect(renderEmail({ subject: 'S', body: '<p>Votre facture est prête.</p>' }, {}).preheader).toBe(
      'Votre facture est prête.',
    );
  });

  it('renders the invoice reminder with dates in Zurich and amounts in francs', () => {
    const invoice = InvoicePayloadSchema.parse({
      invoiceId: 'i1',
      number: '2026-014',
      status: 'sent',
      total: 2703.75,
      totalCentimes: 270375,
      currency: 'CHF',
      customer: { name: 'Boulangerie Favre SA' },
      issueDate: '2026-03-02T08:00:00.000Z',
      dueDate: '2026-03-31T22:30:00.000Z',
    });
    const email = renderEmail(
      defaultTemplates['rappel-facture'],
      { trigger: invoice, nodes: {} },
      { footer: 'SWIGS Sàrl, Rue du Lac 1, 1800 Vevey' },
    );
    expect(email.subject).toBe('Rappel : facture 2026-014 échue le 01.04.2026');
    expect(email.html).toContain("<strong>CHF 2'703.75</strong>, échue le 1 avril 2026");
    expect(email.html).toContain('SWIGS Sàrl, Rue du Lac 1, 1800 Vevey');
    expect(email.text.endsWith('--\nSWIGS Sàrl, Rue du Lac 1, 1800 Vevey')).toBe(true);
  });
});
