import { hasPoppler } from '@swigs/test-services/poppler';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT, QR_IBAN_SETTINGS, startHarness, type Harness } from './harness';
import { chf, net, onlyQrCharacters, rateOn, totalsOf, type OracleLine } from './oracle';
import { decodeQrFromPdf, pdfText, writePageImages } from './pdf-tools';

const U = 'tenant-documents';
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function pdfOf(path: string): Promise<Uint8Array> {
  const response = await h.fetch(path, { headers: h.auth(U) });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  return new Uint8Array(await response.arrayBuffer());
}

async function ok<T = any>(method: string, path: string, body?: unknown, status = 200): Promise<T> {
  const response = await h.call(U, method, path, body);
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return response.body as T;
}

async function customInvoice(lines: unknown[], client: unknown = CLIENT, extra: Record<string, unknown> = {}) {
  const project = await ok('POST', '/api/projects', { name: 'Site vitrine', client }, 201);
  return ok(
    'POST',
    `/api/projects/${project.id}/invoices`,
    { invoiceType: 'custom', customLines: lines, ...extra },
    201,
  );
}

/** 45 lines of hours and books (standard and reduced categories) supplied from November 2023 to February 2024. */
function fortyFiveLines(): { input: unknown[]; oracle: OracleLine[] } {
  const input: unknown[] = [];
  const oracle: OracleLine[] = [];
  for (let i = 0; i < 45; i++) {
    const day = new Date(Date.UTC(2023, 10, 3) + i * 2.5 * 86_400_000).toISOString().slice(0, 10);
    const category = i % 3 === 2 ? 'reduced' : 'standard';
    const quantity = category === 'standard' ? ['1.25', '2.5', '0.75', '3', '7.3333'][i % 5]! : String(1 + (i % 4));
    const unitPrice = category === 'standard' ? 14_250 + i * 5 : 3_490 + i;
    input.push({
      description: category === 'standard' ? `Développement, lot ${i + 1}` : `Ouvrage de référence n° ${i + 1}`,
      quantity: Number(quantity),
      unit: category === 'standard' ? 'h' : 'pce',
      unitPrice: unitPrice / 100,
      vatCategory: category,
      serviceDate: day,
    });
    oracle.push({ quantity, unitPrice, category, date: day });
  }
  return { input, oracle };
}

describe.skipIf(!hasPoppler)('invoice documents an accountant signs off', () => {
  it('prints a sent invoice from its snapshot: a settings change alters the draft, never the sent PDF', async () => {
    await ok('PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const sentOne = await customInvoice([{ description: 'Conception graphique', quantity: 1, unitPrice: 500 }]);
    const draft = await customInvoice([{ description: 'Maintenance', quantity: 2, unit: 'h', unitPrice: 120 }]);
    const sent = await ok('POST', `/api/invoices/${sentOne.id}/send`);
    const before = await pdfText(await pdfOf(`/api/invoices/${sentOne.id}/pdf`));
    const qrBefore = await decodeQrFromPdf(await pdfOf(`/api/invoices/${sentOne.id}/pdf`));

    await ok('PUT', '/api/settings/invoicing', {
      ...QR_IBAN_SETTINGS,
      companyName: 'Nouvelle Raison SA',
      address: { street: 'Quai du Mont-Blanc', buildingNumber: '1', postalCode: '1201', town: 'Genève', country: 'CH' },
      vatNumber: 'CHE-116.281.710 TVA',
      iban: 'CH93 0076 2011 6238 5295 7',
      paymentTermsDays: 10,
    });
    const after = await pdfText(await pdfOf(`/api/invoices/${sentOne.id}/pdf`));
    expect(after).toBe(before);
    expect(await decodeQrFromPdf(await pdfOf(`/api/invoices/${sentOne.id}/pdf`))).toBe(qrBefore);
    expect(before).toContain('SWIGS Sàrl');
    expect(before).toContain('CHE-123.456.788 TVA');
    expect(qrBefore!.split(/\r?\n/)).toContain(sent.reference);

    // The draft follows the settings (and gets no payment part yet).
    const draftText = await pdfText(await pdfOf(`/api/invoices/${draft.id}/pdf`));
    expect(draftText).toContain('Nouvelle Raison SA');
    expect(draftText).toContain('CHE-116.281.710 TVA');
    expect(draftText).not.toContain('SWIGS Sàrl');
  });

  it('bills 45 dated lines at the rate of each supply date, with a VAT summary per rate, over several pages', async () => {
    await ok('PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const { input, oracle } = fortyFiveLines();
    const expected = totalsOf(oracle);
    expect(expected.groups.map((g) => g.rate)).toEqual([810, 770, 260, 250]);

    const invoice = await customInvoice(input, CLIENT, { issueDate: '2026-03-05' });
    expect(invoice.customLines.map((l: any) => l.vatRate * 100)).toEqual(oracle.map((l) => rateOn(l.category, l.date)));
    expect(invoice.customLines.map((l: any) => Math.round(l.total * 100))).toEqual(oracle.map(net));
    expect(invoice.vatBreakdown).toEqual(
      expected.groups.map((g) => ({ rate: g.rate / 100, base: g.base / 100, vat: g.vat / 100 })),
    );
    expect(Math.round(invoice.subtotal * 100)).toBe(expected.subtotal);
    expect(Math.round(invoice.vatAmount * 100)).toBe(expected.vat);
    expect(Math.round(invoice.total * 100)).toBe(expected.total);
    expect(Math.round(invoice.payableTotal * 100)).toBe(expected.payable);

    await ok('POST', `/api/invoices/${invoice.id}/send`);
    const pdf = await pdfOf(`/api/invoices/${invoice.id}/pdf`);
    await writePageImages(pdf, 'multi-page-invoice');
    const pages = (await pdfText(pdf)).split('\f').filter((page) => page.trim());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      expect(page).toContain(`page ${index + 1} / ${pages.length}`);
      if (index > 0) expect(page).toContain(`Facture ${invoice.number}`);
      // Every page with lines has the column headings.
      if (/Développement, lot|Ouvrage de référence/.test(page)) {
        expect(page).toMatch(/Date\s+Description\s+Quantité\s+Prix unit\.\s+TVA\s+Montant CHF/);
      }
    });
    // Each page that continues carries its subtotal: « À reporter » at its foot, « Report » on the next.
    let running = 0;
    let line = 0;
    for (let index = 0; index < pages.length - 1; index++) {
      const page = pages[index]!;
      const count = [...page.matchAll(/(Développement, lot|Ouvrage de référence n°) \d+/g)].length;
      if (count === 0) continue;
      for (let i = 0; i < count; i++) running += net(oracle[line++]!);
      if (line === oracle.length) break;
      expect(page).toMatch(new RegExp(`À reporter\\s+${chf(running).replace('.', '\\.')}`));
      expect(pages[index + 1]).toMatch(new RegExp(`Report\\s+${chf(running).replace('.', '\\.')}`));
    }
    // The totals close the lines (the payment part may then need a page of its own).
    const last = pages.join('\n');
    for (const group of expected.groups) {
      expect(last).toMatch(
        new RegExp(
          `TVA ${group.rate / 100} % sur ${chf(group.base).replace('.', '\\.')}\\s+${chf(group.vat).replace('.', '\\.')}`,
        ),
      );
    }
    expect(last).toMatch(new RegExp(`Total TVA incluse\\s+${chf(expected.total).replace('.', '\\.')}`));
    expect(last).toContain('Récapitulatif TVA');
    // Quantities with their units and aligned decimals; service dates per line.
    expect(pages[0]).toMatch(/03\.11\.2023\s+Développement, lot 1\s+1\.25\s+h\s+142\.50\s+7\.7 %\s+178\.13/);
    expect(pages.join('\n')).toMatch(/Ouvrage de référence n° 45\s+1\.00\s+pce\s+35\.34\s+2\.6 %/);
    const qr = (await decodeQrFromPdf(pdf))!.split(/\r?\n/);
    expect(qr[18]).toBe((expected.payable / 100).toFixed(2));
  });

  it('takes partial payments (the QR asks for the balance) and credit notes, each total from the oracle', async () => {
    await ok('PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const lines: OracleLine[] = [
      { quantity: '12.5', unitPrice: 13_500, category: 'standard', date: '2026-02-10' },
      { quantity: '3', unitPrice: 4_990, category: 'reduced', date: '2026-02-12' },
      { quantity: '1', unitPrice: 38_000, category: 'standard', date: '2026-02-20' },
    ];
    const invoice = await customInvoice(
      lines.map((l, i) => ({
        description: ['Atelier', 'Manuels', 'Licence'][i],
        quantity: Number(l.quantity),
        unit: ['h', 'pce', 'forfait'][i],
        unitPrice: l.unitPrice / 100,
        vatCategory: l.category,
        serviceDate: l.date,
      })),
    );
    const expected = totalsOf(lines);
    expect(Math.round(invoice.payableTotal * 100)).toBe(expected.payable);
    await ok('POST', `/api/invoices/${invoice.id}/send`);

    const paid = await ok('POST', `/api/invoices/${invoice.id}/payments`, { amount: 500, date: '2026-03-20' });
    expect(paid.status).toBe('sent');
    expect(Math.round(paid.balance * 100)).toBe(expected.payable - 50_000);
    const qr = (await decodeQrFromPdf(await pdfOf(`/api/invoices/${invoice.id}/pdf`)))!.split(/\r?\n/);
    expect(qr[18]).toBe(((expected.payable - 50_000) / 100).toFixed(2));
    const over = await h.call(U, 'POST', `/api/invoices/${invoice.id}/payments`, { amount: 999_999 });
    expect(over.status).toBe(400);
    expect(over.body.issues[0].path).toEqual(['amount']);

    // Credit 2 of the 3 books and the whole licence: VAT corrected per rate, at the original rates.
    const creditLines: OracleLine[] = [{ ...lines[1]!, quantity: '2' }, lines[2]!];
    const credit = totalsOf(creditLines);
    const issued = await ok(
      'POST',
      `/api/invoices/${invoice.id}/credit-notes`,
      {
        reason: 'Retour de deux manuels, licence non utilisée',
        lines: [{ lineIndex: 1, quantity: 2 }, { lineIndex: 2 }],
      },
      201,
    );
    expect(issued.creditNote.number).toBe('NC-2026-0001');
    expect(issued.creditNote.vatBreakdown).toEqual(
      credit.groups.map((g) => ({ rate: g.rate / 100, base: g.base / 100, vat: g.vat / 100 })),
    );
    expect(Math.round(issued.creditNote.payableTotal * 100)).toBe(credit.payable);
    expect(Math.round(issued.invoice.balance * 100)).toBe(expected.payable - 50_000 - credit.payable);
    const tooMuch = await h.call(U, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
      reason: 'encore',
      lines: [{ lineIndex: 1, quantity: 2 }],
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.issues[0].path).toEqual(['lines', 0, 'quantity']);

    const creditPdf = await pdfOf(`/api/credit-notes/${issued.creditNote.id}/pdf`);
    const creditText = await pdfText(creditPdf);
    expect(creditText).toContain('Note de crédit NC-2026-0001');
    expect(creditText).toContain(`facture ${invoice.number} du 05.03.2026`);
    expect(creditText).toMatch(new RegExp(`Montant crédité CHF\\s+${chf(credit.payable).replace('.', '\\.')}`));
    expect(await decodeQrFromPdf(creditPdf)).toBeNull();
    await writePageImages(creditPdf, 'credit-note');

    // The rest is paid: the invoice is settled; its PDF shows what was paid and credited, without a payment part.
    const rest = expected.payable - 50_000 - credit.payable;
    const settled = await ok('POST', `/api/invoices/${invoice.id}/payments`, { amount: rest / 100 });
    expect(settled.status).toBe('paid');
    expect(settled.balance).toBe(0);
    const text = await pdfText(await pdfOf(`/api/invoices/${invoice.id}/pdf`));
    expect(text).toMatch(/Déjà payé\s+-/);
    expect(text).toContain('Crédité (NC-2026-0001)');
  });

  it('cancels a sent invoice only through a credit note for all of it', async () => {
    await ok('PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const invoice = await customInvoice([{ description: 'Audit', quantity: 4, unit: 'jour', unitPrice: 950 }]);
    await ok('POST', `/api/invoices/${invoice.id}/send`);
    const bare = await h.call(U, 'POST', `/api/invoices/${invoice.id}/cancel`);
    expect(bare.status).toBe(400);
    expect(bare.body.issues[0].path).toEqual(['reason']);
    const cancelled = await ok('POST', `/api/invoices/${invoice.id}/cancel`, { reason: 'Commande annulée' });
    expect(cancelled.status).toBe('cancelled');
    const notes = await ok('GET', `/api/invoices/${invoice.id}/credit-notes`);
    expect(notes.total).toBe(1);
    expect(notes.items[0].payableTotal).toBe(invoice.payableTotal);
    expect(await pdfText(await pdfOf(`/api/invoices/${invoice.id}/pdf`))).toContain(
      `Annulée par ${notes.items[0].number}`,
    );
  });

  it('encodes « Miloš Đukić, Rue de l’Industrie 3 » in the QR payload with the IG 2.3 characters only', async () => {
    await ok('PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const client = {
      name: 'Miloš Đukić',
      street: 'Rue de l’Industrie',
      buildingNumber: '3',
      postalCode: 'CH-1950',
      town: 'Sion',
      country: 'CH',
      email: null,
    };
    const invoice = await customInvoice([{ description: 'Traduction', quantity: 1, unitPrice: 420 }], client);
    expect(invoice.customer.postalCode).toBe('1950');
    await ok('POST', `/api/invoices/${invoice.id}/send`);
    const pdf = await pdfOf(`/api/invoices/${invoice.id}/pdf`);
    const payload = (await decodeQrFromPdf(pdf))!;
    expect(onlyQrCharacters(payload)).toBe(true);
    expect(payload.split(/\r?\n/).slice(20, 27)).toEqual([
      'S',
      'Miloš Đukić',
      "Rue de l'Industrie",
      '3',
      '1950',
      'Sion',
      'CH',
    ]);
    // The invoice itself prints the name as written, postcode without « CH- ».
    const text = await pdfText(pdf);
    expect(text).toContain('Rue de l’Industrie 3');
    expect(text).toMatch(/^\s*1950 Sion/m);
    expect(text).not.toContain('CH-1950');
  });

  it('embeds a Unicode font: Latin Extended-A names, Ș ș Ț ț and € print intact', async () => {
    await ok('PUT', '/api/settings/invoicing', { ...QR_IBAN_SETTINGS, companyName: 'Ștefan Țurcanu & Dvořák Sàrl' });
    const client = { ...CLIENT, name: 'Miloš Đukić & Dvořák Sàrl', street: 'Łódzka', town: 'Ostrava-Poruba' };
    const invoice = await customInvoice(
      [{ description: 'Frais Œuvre « Ősz » : 12 € (Škoda, Ærø, Ĳssel, ș ț)', quantity: 1, unitPrice: 12 }],
      client,
    );
    // Collapsed whitespace: a long description wraps inside its column.
    const text = (await pdfText(await pdfOf(`/api/invoices/${invoice.id}/pdf`))).replace(/\s+/g, ' ');
    for (const name of [
      'Miloš Đukić & Dvořák Sàrl',
      'Ștefan Țurcanu & Dvořák Sàrl',
      'Łódzka',
      'Œuvre « Ősz » : 12 €',
      'Škoda, Ærø',
      'Ĳssel, ș ț',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('refuses characters a QR-bill cannot carry with a 400 naming the field, and checks the UID', async () => {
    const project = await h.call(U, 'POST', '/api/projects', { name: 'X', client: { ...CLIENT, name: 'Café ☕ Zoé' } });
    expect(project.status).toBe(400);
    expect(project.body.issues[0].path).toEqual(['client', 'name']);
    expect(project.body.issues[0].message).toContain('☕');
    const settings = await h.call(U, 'PUT', '/api/settings/invoicing', {
      ...QR_IBAN_SETTINGS,
      vatNumber: 'CHE-123.456.789 TVA',
    });
    expect(settings.status).toBe(400);
    expect(settings.body.issues[0].path).toEqual(['vatNumber']);
    expect(settings.body.issues[0].message).toContain('modulo 11');
  });

  it('issues invoices without VAT when the company is not VAT-registered', async () => {
    await ok('PUT', '/api/settings/invoicing', { ...QR_IBAN_SETTINGS, vatRegistered: false, vatNumber: null });
    const invoice = await customInvoice([{ description: 'Cours', quantity: 3, unit: 'h', unitPrice: 80 }]);
    expect(invoice.vatRegistered).toBe(false);
    expect(invoice.vatBreakdown).toEqual([]);
    expect(invoice.payableTotal).toBe(240);
    const text = await pdfText(await pdfOf(`/api/invoices/${invoice.id}/pdf`));
    expect(text).not.toMatch(/TVA/);
    expect(text).toMatch(/Total\s+240\.00/);
  });

  it('marks a draft BROUILLON with a specimen payment part that carries no QR code', async () => {
    await ok('PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const invoice = await customInvoice([
      { description: 'Conception graphique', quantity: 1, unit: 'forfait', unitPrice: 500 },
      {
        description: 'Intégration',
        quantity: 3,
        unit: 'h',
        unitPrice: 150,
        serviceDate: '2026-02-02',
        serviceEndDate: '2026-02-27',
      },
      { description: 'Déplacements', quantity: 84, unit: 'km', unitPrice: 0.7 },
    ]);
    const pdf = await pdfOf(`/api/invoices/${invoice.id}/pdf`);
    const text = await pdfText(pdf);
    expect(text).toContain('BROUILLON');
    expect(text).toContain('SPÉCIMEN');
    expect(text).toContain('NE PAS UTILISER POUR LE PAIEMENT');
    expect(await decodeQrFromPdf(pdf)).toBeNull();
    await writePageImages(pdf, 'draft-invoice');

    await ok('POST', `/api/invoices/${invoice.id}/send`);
    const sent = await pdfOf(`/api/invoices/${invoice.id}/pdf`);
    expect(await pdfText(sent)).not.toContain('BROUILLON');
    expect(await decodeQrFromPdf(sent)).not.toBeNull();
    await writePageImages(sent, 'sent-invoice');
  });
});
