import { calculateQRReferenceChecksum, isSCORReferenceValid } from 'swissqrbill/utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT, QR_IBAN_SETTINGS, startHarness, type Harness } from './harness';
import { hasPoppler } from '@swigs/test-services/poppler';
import { decodeQrFromPdf, pdfText } from './pdf-tools';

const U = 'tenant-pdf';
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function pdfOf(invoiceId: string): Promise<Uint8Array> {
  const response = await h.fetch(`/api/invoices/${invoiceId}/pdf`, { headers: h.auth(U) });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  return new Uint8Array(await response.arrayBuffer());
}

async function designInvoice(client: typeof CLIENT | null = CLIENT) {
  const project = await h.call(U, 'POST', '/api/projects', { name: 'Site vitrine', client });
  const invoice = await h.call(U, 'POST', `/api/projects/${project.body.id}/invoices`, {
    invoiceType: 'custom',
    customLines: [
      { description: 'Conception graphique', quantity: 1, unitPrice: 500 },
      { description: 'Intégration', quantity: 3, unitPrice: 150 },
    ],
  });
  expect(invoice.status).toBe(201);
  return invoice.body;
}

describe.skipIf(!hasPoppler)('invoice PDF with a Swiss QR-bill', () => {
  it('encodes a QR-IBAN bill with a QRR reference, the payable amount and structured addresses', async () => {
    await h.call(U, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const invoice = await designInvoice();
    const sent = await h.call(U, 'POST', `/api/invoices/${invoice.id}/send`);
    const payload = await decodeQrFromPdf(await pdfOf(invoice.id));
    expect(payload).not.toBeNull();
    const lines = payload!.split(/\r?\n/);

    const referenceBody = '00000000000000000020260001';
    const reference = referenceBody + calculateQRReferenceChecksum(referenceBody);
    expect(reference).toBe('000000000000000000202600013');
    expect(sent.body.reference).toBe(reference);
    expect(lines.slice(0, 31)).toEqual([
      'SPC',
      '0200',
      '1',
      'CH4431999123000889012',
      'S',
      'SWIGS Sàrl',
      'Rue de Bourg',
      '12',
      '1003',
      'Lausanne',
      'CH',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '1026.95',
      'CHF',
      'S',
      'Boulangerie Favre SA',
      'Avenue de la Gare',
      '5',
      '1950',
      'Sion',
      'CH',
      'QRR',
      reference,
      'Facture 2026-0001',
      'EPD',
    ]);
  });

  it('uses an RF creditor reference with a plain IBAN and the 0.05-rounded amount', async () => {
    await h.call(U, 'PUT', '/api/settings/invoicing', { ...QR_IBAN_SETTINGS, iban: 'CH93 0076 2011 6238 5295 7' });
    const project = await h.call(U, 'POST', '/api/projects', { name: 'Petit travail', client: null });
    const invoice = await h.call(U, 'POST', `/api/projects/${project.body.id}/invoices`, {
      invoiceType: 'custom',
      customLines: [
        { description: 'Hébergement', quantity: 1, unitPrice: 1 },
        { description: 'Domaine', quantity: 1, unitPrice: 1.78 },
      ],
    });
    // A draft's payment part is a specimen without a code; sending gives it its reference and code.
    expect(await decodeQrFromPdf(await pdfOf(invoice.body.id))).toBeNull();
    const sent = await h.call(U, 'POST', `/api/invoices/${invoice.body.id}/send`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const pdf = await pdfOf(invoice.body.id);
    const lines = (await decodeQrFromPdf(pdf))!.split(/\r?\n/);
    expect(lines[3]).toBe('CH9300762011623852957');
    expect(lines[18]).toBe('3.00');
    expect(lines[19]).toBe('CHF');
    // No debtor: its 7 fields are empty.
    expect(lines.slice(20, 27)).toEqual(['', '', '', '', '', '', '']);
    expect(lines[27]).toBe('SCOR');
    expect(lines[28]).toMatch(/^RF\d{2}20260001$/);
    expect(isSCORReferenceValid(lines[28]!)).toBe(true);

    const text = await pdfText(pdf);
    expect(text).toMatch(/Total TVA incluse\s+3\.01/);
    expect(text).toMatch(/Arrondi\s+-0\.01/);
    expect(text).toMatch(/Montant à payer CHF\s+3\.00/);
  });

  it('shows the totals, VAT number and dates in French in the PDF text', async () => {
    await h.call(U, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const invoice = await designInvoice();
    const text = await pdfText(await pdfOf(invoice.id));
    expect(text).toContain('Facture 2026-0001');
    expect(text).toContain('CHE-123.456.788 TVA');
    expect(text).toMatch(/Date de facture :\s+05\.03\.2026/);
    expect(text).toMatch(/Échéance :\s+04\.04\.2026/);
    expect(text).toMatch(/Conception graphique\s+1\.00\s+500\.00\s+8\.1 %\s+500\.00/);
    expect(text).toMatch(/Intégration\s+3\.00\s+150\.00\s+8\.1 %\s+450\.00/);
    expect(text).toMatch(/Sous-total\s+950\.00/);
    expect(text).toMatch(/TVA 8\.1 % sur 950\.00\s+76\.95/);
    expect(text).toMatch(/Total TVA incluse\s+1'026\.95/);
    expect(text).not.toContain('TTC');
    expect(text).toMatch(/Montant à payer CHF\s+1'026\.95/);
    expect(text).not.toContain('Arrondi');
    // The QR-bill's payment part is in French.
    expect(text).toContain('Section paiement');
    expect(text).toContain('Récépissé');
  });

  it('spreads a long invoice over several pages and still carries a readable QR-bill', async () => {
    await h.call(U, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const project = await h.call(U, 'POST', '/api/projects', { name: 'Gros projet', client: CLIENT });
    const customLines = Array.from({ length: 80 }, (_, i) => ({
      description: `Tâche ${i + 1} : développement et tests`,
      quantity: 0.25,
      unitPrice: 130,
    }));
    const invoice = await h.call(U, 'POST', `/api/projects/${project.body.id}/invoices`, {
      invoiceType: 'custom',
      customLines,
    });
    // 80 × 32.50 = 2600.00; VAT 210.60; total 2810.60
    expect(invoice.body).toMatchObject({ subtotal: 2600, vatAmount: 210.6, payableTotal: 2810.6 });
    await h.call(U, 'POST', `/api/invoices/${invoice.body.id}/send`);
    const pdf = await pdfOf(invoice.body.id);
    const text = await pdfText(pdf);
    expect(text).toContain('Tâche 80 : développement et tests');
    expect(text).toMatch(/Montant à payer CHF\s+2'810\.60/);
    expect(text.split('\f').filter((page) => page.trim()).length).toBeGreaterThan(1);
    const lines = (await decodeQrFromPdf(pdf))!.split(/\r?\n/);
    expect(lines[18]).toBe('2810.60');
  });

  it('drops the payment part once the invoice is paid or cancelled', async () => {
    await h.call(U, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const paid = await designInvoice();
    await h.call(U, 'POST', `/api/invoices/${paid.id}/send`);
    h.clock.set('2026-03-20T23:30:00Z');
    await h.call(U, 'POST', `/api/invoices/${paid.id}/paid`);
    const paidPdf = await pdfOf(paid.id);
    expect(await decodeQrFromPdf(paidPdf)).toBeNull();
    const paidText = await pdfText(paidPdf);
    // 23:30 UTC is already the 21st in Zurich (UTC+1 in March).
    expect(paidText).toContain('Payée le 21.03.2026');
    expect(paidText).not.toContain('Section paiement');

    const cancelled = await designInvoice();
    await h.call(U, 'POST', `/api/invoices/${cancelled.id}/cancel`);
    const cancelledPdf = await pdfOf(cancelled.id);
    expect(await decodeQrFromPdf(cancelledPdf)).toBeNull();
    expect(await pdfText(cancelledPdf)).toContain('Annulée');
  });

  it('answers 409 until the settings can fill a QR-bill, and 404 for an unknown invoice', async () => {
    const invoice = await designInvoice();
    const response = await h.fetch(`/api/invoices/${invoice.id}/pdf`, { headers: h.auth(U) });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: string }).error).toContain('IBAN');
    const missing = await h.fetch(`/api/invoices/nope/pdf`, { headers: h.auth(U) });
    expect(missing.status).toBe(404);
  });
});
