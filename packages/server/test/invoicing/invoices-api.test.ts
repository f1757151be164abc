import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT, QR_IBAN_SETTINGS, startHarness, type Harness } from './harness';

const U = 'tenant-a';
let h: Harness;
let projectId: string;

beforeEach(async () => {
  h = await startHarness();
  // A VAT-registered creditor: without a VAT number invoices carry no VAT.
  expect((await h.call(U, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS)).status).toBe(200);
  const project = await h.call(U, 'POST', '/api/projects', { name: 'Site vitrine', client: CLIENT, hourlyRate: 120 });
  expect(project.status).toBe(201);
  projectId = project.body.id;
});
afterEach(async () => {
  await h.close();
});

describe('custom invoices ("Facture libre")', () => {
  it('computes the design example: 1 × 500 and 3 × 150 give 950.00 + 76.95 VAT = 1,026.95 payable', async () => {
    const res = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
      invoiceType: 'custom',
      customLines: [
        { description: 'Conception graphique', quantity: 1, unitPrice: 500, total: 1 },
        { description: 'Intégration (heures)', quantity: 3, unitPrice: 150, total: 99_999 },
      ],
      notes: 'Merci pour votre confiance',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      invoiceType: 'custom',
      status: 'draft',
      number: '2026-0001',
      customLines: [
        { description: 'Conception graphique', quantity: 1, unitPrice: 500, total: 500, vatRate: 8.1 },
        { description: 'Intégration (heures)', quantity: 3, unitPrice: 150, total: 450, vatRate: 8.1 },
      ],
      events: [],
      quotes: [],
      subtotal: 950,
      vatCategory: 'standard',
      vatRegistered: true,
      vatBreakdown: [{ rate: 8.1, base: 950, vat: 76.95 }],
      vatAmount: 76.95,
      total: 1026.95,
      roundingAmount: 0,
      payableTotal: 1026.95,
      currency: 'CHF',
      issueDate: '2026-03-05',
      dueDate: '2026-04-04',
      notes: 'Merci pour votre confiance',
      customer: { name: CLIENT.name, town: 'Sion' },
    });
    const detail = await h.call(U, 'GET', `/api/invoices/${res.body.id}`);
    expect(detail.body).toEqual(res.body);
  });

  it('shows the 0.05 rounding as its own amount when the payable total changes', async () => {
    const res = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
      invoiceType: 'custom',
      customLines: [
        { description: 'Hébergement', quantity: 1, unitPrice: 1 },
        { description: 'Nom de domaine', quantity: 1, unitPrice: 1.78 },
      ],
    });
    expect(res.body).toMatchObject({
      subtotal: 2.78,
      vatAmount: 0.23,
      total: 3.01,
      roundingAmount: -0.01,
      payableTotal: 3,
    });
    const up = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
      invoiceType: 'custom',
      customLines: [{ description: 'Maintenance', quantity: 1, unitPrice: 25.34 }],
    });
    expect(up.body).toMatchObject({
      subtotal: 25.34,
      vatAmount: 2.05,
      total: 27.39,
      roundingAmount: 0.01,
      payableTotal: 27.4,
    });
  });

  it('answers 400 with the exact message when a custom invoice has no line', async () => {
    for (const body of [{ invoiceType: 'custom', customLines: [] }, { invoiceType: 'custom' }]) {
      const res = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('Ajoutez au moins une ligne à la facture');
      expect(res.body.issues[0]).toMatchObject({
        path: ['customLines'],
        message: 'Ajoutez au moins une ligne à la facture',
      });
    }
  });

  it('refuses bad lines with 400, never 500', async () => {
    const bad = [
      { invoiceType: 'custom', customLines: [{ description: 'x', quantity: 1, unitPrice: 0.1 + 0.2 }] },
      { invoiceType: 'custom', customLines: [{ description: 'x', quantity: -1, unitPrice: 10 }] },
      { invoiceType: 'custom', customLines: [{ description: '', quantity: 1, unitPrice: 10 }] },
      { invoiceType: 'custom', customLines: [{ description: 'x', quantity: 1, unitPrice: 10 }], dueDate: '2026-02-30' },
      {
        invoiceType: 'custom',
        customLines: [{ description: 'x', quantity: 1, unitPrice: 10 }],
        issueDate: '2026-05-01',
        dueDate: '2026-04-01',
      },
      { invoiceType: 'custom', customLines: [{ description: 'Rabais', quantity: 1, unitPrice: -10 }] },
      { invoiceType: 'custom', customLines: 'nope' },
    ];
    for (const body of bad) {
      const res = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toBeTruthy();
    }
    const notJson = await h.fetch(`/api/projects/${projectId}/invoices`, {
      method: 'POST',
      headers: { ...h.auth(U), 'content-type': 'application/json' },
      body: '{"invoiceType":',
    });
    expect(notJson.status).toBe(400);
  });

  it('uses the VAT category and payment terms from the settings, overridable per invoice', async () => {
    expect(
      (
        await h.call(U, 'PUT', '/api/settings/invoicing', {
          ...QR_IBAN_SETTINGS,
          defaultVatCategory: 'reduced',
          paymentTermsDays: 10,
        })
      ).status,
    ).toBe(200);
    const fromSettings = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
      invoiceType: 'custom',
      customLines: [{ description: 'Livre', quantity: 1, unitPrice: 100 }],
      issueDate: '2026-12-28',
    });
    expect(fromSettings.body).toMatchObject({
      vatCategory: 'reduced',
      vatBreakdown: [{ rate: 2.6, base: 100, vat: 2.6 }],
      vatAmount: 2.6,
      total: 102.6,
      dueDate: '2027-01-07',
      number: '2026-0001',
    });
    const overridden = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
      invoiceType: 'custom',
      customLines: [{ description: 'Conseil', quantity: 1, unitPrice: 100 }],
      vatCategory: 'exempt',
      issueDate: '2027-01-02',
      dueDate: '2027-03-31',
    });
    expect(overridden.body).toMatchObject({
      vatCategory: 'exempt',
      vatAmount: 0,
      total: 100,
      dueDate: '2027-03-31',
      number: '2027-0001',
    });
  });

  it('previews totals for the modal without storing anything', async () => {
    const res = await h.call(U, 'POST', '/api/invoices/preview', {
      customLines: [
        { description: 'A', quantity: 1, unitPrice: 500 },
        { description: 'B', quantity: 3, unitPrice: 150 },
      ],
    });
    expect(res.body).toMatchObject({
      subtotal: 950,
      vatBreakdown: [{ rate: 8.1, base: 950, vat: 76.95 }],
      vatAmount: 76.95,
      total: 1026.95,
      payableTotal: 1026.95,
    });
    expect(res.body.lines.map((l: { total: number }) => l.total)).toEqual([500, 450]);
    expect((await h.call(U, 'GET', '/api/invoices')).body.total).toBe(0);
  });
});

describe('standard invoices from events and quotes', () => {
  async function hours(hoursWorked: number, extra: Record<string, unknown> = {}) {
    const res = await h.call(U, 'POST', `/api/projects/${projectId}/events`, {
      type: 'hours',
      description: 'Développement',
      date: '2026-03-02',
      hours: hoursWorked,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('answers 400 with the exact message when nothing is selected', async () => {
    for (const body of [{ eventIds: [], quoteIds: [] }, {}, { notes: 'rien' }]) {
      const res = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('Sélectionnez au moins un événement ou un devis à facturer');
    }
  });

  it('bills hours, expenses and a signed quote, then refuses to bill an event twice (409)', async () => {
    const work = await hours(2.5);
    expect(work).toMatchObject({ hours: 2.5, hourlyRate: 120, amount: 300, billed: false });
    const expense = await h.call(U, 'POST', `/api/projects/${projectId}/events`, {
      type: 'expense',
      description: 'Licence de police',
      date: '2026-03-03',
      amount: 49.9,
    });
    const quote = await h.call(U, 'POST', `/api/projects/${projectId}/quotes`, {
      title: 'Refonte',
      lines: [
        { description: 'Maquettes', quantity: 2, unitPrice: 400 },
        { description: 'Gestion de projet', quantity: 1.5, unitPrice: 110 },
      ],
    });
    expect(quote.body).toMatchObject({ subtotal: 965, status: 'draft' });

    const unsigned = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, { quoteIds: [quote.body.id] });
    expect(unsigned.status).toBe(409);
    const signed = await h.call(U, 'POST', `/api/quotes/${quote.body.id}/sign`, { signedBy: 'M. Favre' });
    expect(signed.body).toMatchObject({ status: 'signed', signedBy: 'M. Favre' });
    expect((await h.call(U, 'PATCH', `/api/quotes/${quote.body.id}`, { title: 'Autre' })).status).toBe(409);

    const invoice = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
      eventIds: [work.id, expense.body.id],
      quoteIds: [quote.body.id],
      notes: 'Acompte',
    });
    expect(invoice.status).toBe(201);
    expect(invoice.body).toMatchObject({
      invoiceType: 'standard',
      events: [
        {
          eventId: work.id,
          type: 'hours',
          quantity: 2.5,
          unit: 'h',
          unitPrice: 120,
          total: 300,
          serviceDate: '2026-03-02',
        },
        { eventId: expense.body.id, type: 'expense', quantity: 1, unitPrice: 49.9, total: 49.9 },
      ],
      quotes: [
        {
          quoteId: quote.body.id,
          number: 'DEV-2026-0001',
          title: 'Refonte',
          total: 965,
          items: [
            { description: 'Maquettes', quantity: 2, unitPrice: 400, total: 800, vatRate: 8.1 },
            { description: 'Gestion de projet', quantity: 1.5, unitPrice: 110, total: 165, vatRate: 8.1 },
          ],
        },
      ],
      customLines: [],
      // 1314.90 × 8.1 % = 106.5069 → 106.51; 1421.41 → 1421.40
      subtotal: 1314.9,
      vatAmount: 106.51,
      total: 1421.41,
      roundingAmount: -0.01,
      payableTotal: 1421.4,
    });
    const billed = await h.call(U, 'GET', `/api/events/${work.id}`);
    expect(billed.body).toMatchObject({ billed: true, invoiceId: invoice.body.id });

    const again = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, { eventIds: [work.id] });
    expect(again.status).toBe(409);
    const quoteAgain = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, { quoteIds: [quote.body.id] });
    expect(quoteAgain.status).toBe(409);
    expect((await h.call(U, 'PATCH', `/api/events/${work.id}`, { hours: 3 })).status).toBe(409);
    expect((await h.call(U, 'DELETE', `/api/events/${work.id}`)).status).toBe(409);
  });

  it('bills an event exactly once when two invoices race for it', async () => {
    const work = await hours(1);
    const other = await hours(2);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.call(U, 'POST', `/api/projects/${projectId}/invoices`, { eventIds: [other.id, work.id] }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 201)!.body;
    for (const id of [work.id, other.id]) {
      expect((await h.call(U, 'GET', `/api/events/${id}`)).body).toMatchObject({ billed: true, invoiceId: winner.id });
    }
    expect((await h.call(U, 'GET', '/api/invoices')).body.total).toBe(1);
  });

  it('releases the events of a cancelled invoice so they can be billed again, with a new number', async () => {
    const work = await hours(1);
    const first = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, { eventIds: [work.id] });
    const cancelled = await h.call(U, 'POST', `/api/invoices/${first.body.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', number: '2026-0001' });
    expect((await h.call(U, 'GET', `/api/events/${work.id}`)).body).toMatchObject({ billed: false, invoiceId: null });
    const second = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, { eventIds: [work.id] });
    expect(second.body.number).toBe('2026-0002');
    expect((await h.call(U, 'POST', `/api/invoices/${first.body.id}/cancel`)).status).toBe(409);
  });

  it('refuses an event of another project with 400 and an unknown one with 404', async () => {
    const other = await h.call(U, 'POST', '/api/projects', { name: 'Autre', hourlyRate: 100 });
    const foreign = await h.call(U, 'POST', `/api/projects/${other.body.id}/events`, {
      type: 'hours',
      description: 'x',
      date: '2026-03-01',
      hours: 1,
    });
    expect(
      (await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, { eventIds: [foreign.body.id] })).status,
    ).toBe(400);
    expect((await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, { eventIds: ['nope'] })).status).toBe(404);
    expect((await h.call(U, 'GET', `/api/events/${foreign.body.id}`)).body.billed).toBe(false);
  });
});

describe('invoice lifecycle', () => {
  async function customInvoice() {
    const res = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
      invoiceType: 'custom',
      customLines: [{ description: 'Audit', quantity: 1, unitPrice: 500 }],
    });
    return res.body;
  }

  it('edits a draft with recomputed totals, then locks it once sent (409)', async () => {
    const invoice = await customInvoice();
    const edited = await h.call(U, 'PATCH', `/api/invoices/${invoice.id}`, {
      customLines: [
        { description: 'Audit', quantity: 1, unitPrice: 500 },
        { description: 'Rapport', quantity: 3, unitPrice: 150 },
      ],
      notes: 'Corrigée',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      subtotal: 950,
      vatAmount: 76.95,
      payableTotal: 1026.95,
      notes: 'Corrigée',
      number: invoice.number,
    });
    const otherYear = await h.call(U, 'PATCH', `/api/invoices/${invoice.id}`, {
      issueDate: '2027-01-05',
      dueDate: '2027-02-04',
    });
    expect(otherYear.status).toBe(400);
    expect(otherYear.body.issues[0].path).toEqual(['issueDate']);
    const moved = await h.call(U, 'PATCH', `/api/invoices/${invoice.id}`, {
      issueDate: '2026-03-10',
      vatCategory: 'reduced',
    });
    expect(moved.body).toMatchObject({
      issueDate: '2026-03-10',
      dueDate: '2026-04-04',
      vatCategory: 'reduced',
      vatBreakdown: [{ rate: 2.6, base: 950, vat: 24.7 }],
      vatAmount: 24.7,
      total: 974.7,
    });
    await h.call(U, 'PATCH', `/api/invoices/${invoice.id}`, { vatCategory: 'standard' });

    const sent = await h.call(U, 'POST', `/api/invoices/${invoice.id}/send`);
    expect(sent.body).toMatchObject({ status: 'sent' });
    expect(sent.body.sentAt).toBe('2026-03-05T09:00:00.000Z');

    const locked = await h.call(U, 'PATCH', `/api/invoices/${invoice.id}`, { notes: 'Trop tard' });
    expect(locked.status).toBe(409);
    expect(locked.body.error).toContain('2026-0001');
    expect((await h.call(U, 'POST', `/api/invoices/${invoice.id}/send`)).status).toBe(409);
    expect((await h.call(U, 'GET', `/api/invoices/${invoice.id}`)).body.notes).toBe('Corrigée');
  });

  it('marks a sent invoice paid and fires invoice.created then invoice.paid with the agreed payload', async () => {
    const invoice = await customInvoice();
    expect((await h.call(U, 'POST', `/api/invoices/${invoice.id}/paid`)).status).toBe(409);
    await h.call(U, 'POST', `/api/invoices/${invoice.id}/send`);
    h.clock.set('2026-03-20T10:00:00Z');
    const paid = await h.call(U, 'POST', `/api/invoices/${invoice.id}/paid`);
    expect(paid.body).toMatchObject({ status: 'paid', paidAt: '2026-03-20T10:00:00.000Z' });
    expect((await h.call(U, 'POST', `/api/invoices/${invoice.id}/cancel`)).status).toBe(409);

    const invoiceEvents = h.fired.filter((e) => e.type.startsWith('invoice.'));
    expect(invoiceEvents.map((e) => e.type)).toEqual(['invoice.created', 'invoice.sent', 'invoice.paid']);
    expect(invoiceEvents[2]).toEqual({
      type: 'invoice.paid',
      userId: U,
      payload: {
        invoiceId: invoice.id,
        number: '2026-0001',
        status: 'paid',
        total: 540.5,
        totalCentimes: 54_050,
        payableTotal: 540.5,
        payableTotalCentimes: 54_050,
        balance: 0,
        balanceCentimes: 0,
        state: 'paid',
        daysOverdue: 0,
        currency: 'CHF',
        customer: {
          name: CLIENT.name,
          email: CLIENT.email,
          street: 'Avenue de la Gare 5',
          postalCode: '1950',
          town: 'Sion',
          country: 'CH',
        },
        projectId,
        issueDate: '2026-03-05',
        dueDate: '2026-04-04',
        paidAt: '2026-03-20T10:00:00.000Z',
      },
    });
  });

  it('lists invoices by project and status', async () => {
    const a = await customInvoice();
    await customInvoice();
    await h.call(U, 'POST', `/api/invoices/${a.id}/send`);
    const sent = await h.call(U, 'GET', '/api/invoices?status=sent');
    expect(sent.body).toMatchObject({ total: 1, items: [{ id: a.id }] });
    expect((await h.call(U, 'GET', `/api/projects/${projectId}/invoices`)).body.total).toBe(2);
    expect((await h.call(U, 'GET', '/api/invoices?status=weird')).status).toBe(400);
  });
});

describe('projects', () => {
  it('fires project.status_changed with from and to on a status change only', async () => {
    await h.call(U, 'PATCH', `/api/projects/${projectId}`, { name: 'Site vitrine v2' });
    await h.call(U, 'PATCH', `/api/projects/${projectId}`, { status: 'active' });
    h.clock.set('2026-04-01T08:00:00Z');
    const done = await h.call(U, 'PATCH', `/api/projects/${projectId}`, { status: 'completed' });
    expect(done.body).toMatchObject({ status: 'completed', name: 'Site vitrine v2' });
    expect(h.fired.filter((e) => e.type === 'project.status_changed')).toEqual([
      {
        type: 'project.status_changed',
        userId: U,
        payload: {
          projectId,
          name: 'Site vitrine v2',
          from: 'active',
          to: 'completed',
          client: { name: CLIENT.name, email: CLIENT.email },
          changedAt: '2026-04-01T08:00:00.000Z',
        },
      },
    ]);
  });

  it('lists, filters and deletes projects, but not one that has invoices', async () => {
    const empty = await h.call(U, 'POST', '/api/projects', { name: 'Prospect', status: 'draft' });
    expect((await h.call(U, 'GET', '/api/projects?status=draft')).body).toMatchObject({
      total: 1,
      items: [{ id: empty.body.id }],
    });
    await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
      invoiceType: 'custom',
      customLines: [{ description: 'x', quantity: 1, unitPrice: 1 }],
    });
    expect((await h.call(U, 'DELETE', `/api/projects/${projectId}`)).status).toBe(409);
    expect((await h.call(U, 'DELETE', `/api/projects/${empty.body.id}`)).status).toBe(204);
    expect((await h.call(U, 'GET', `/api/projects/${empty.body.id}`)).status).toBe(404);
    expect((await h.call(U, 'POST', '/api/projects', { name: '' })).status).toBe(400);
    expect((await h.call(U, 'PATCH', `/api/projects/${projectId}`, { status: 'flying' })).status).toBe(400);
  });

  it('asks for an hourly rate when neither the event nor the project has one', async () => {
    const bare = await h.call(U, 'POST', '/api/projects', { name: 'Sans tarif' });
    const res = await h.call(U, 'POST', `/api/projects/${bare.body.id}/events`, {
      type: 'hours',
      description: 'x',
      date: '2026-03-01',
      hours: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toEqual(['hourlyRate']);
  });
});

describe('invoicing settings', () => {
  it('returns defaults, saves a full profile and refuses an invalid IBAN or VAT number', async () => {
    expect((await h.call('tenant-new', 'GET', '/api/settings/invoicing')).body).toMatchObject({
      vatRegistered: false,
      defaultVatCategory: 'standard',
      paymentTermsDays: 30,
      iban: null,
    });
    const saved = await h.call(U, 'PUT', '/api/settings/invoicing', { ...QR_IBAN_SETTINGS, vatNumber: 'che123456788' });
    expect(saved.body).toMatchObject({
      companyName: 'SWIGS Sàrl',
      iban: 'CH4431999123000889012',
      vatNumber: 'CHE-123.456.788 TVA',
      vatRegistered: true,
    });
    expect((await h.call(U, 'GET', '/api/settings/invoicing')).body).toEqual(saved.body);
    const badIban = await h.call(U, 'PUT', '/api/settings/invoicing', {
      ...QR_IBAN_SETTINGS,
      iban: 'CH44 3199 9123 0008 8901 3',
    });
    expect(badIban.status).toBe(400);
    expect(badIban.body.issues[0].path).toEqual(['iban']);
    expect((await h.call(U, 'PUT', '/api/settings/invoicing', { ...QR_IBAN_SETTINGS, vatNumber: '123' })).status).toBe(
      400,
    );
    expect(
      (await h.call(U, 'PUT', '/api/settings/invoicing', { ...QR_IBAN_SETTINGS, address: { street: 'x' } })).status,
    ).toBe(400);
    const blanks = await h.call(U, 'PUT', '/api/settings/invoicing', {
      ...QR_IBAN_SETTINGS,
      vatNumber: '',
      iban: ' ',
      email: '',
    });
    expect(blanks.body).toMatchObject({ vatNumber: null, vatRegistered: false, iban: null, email: null });
    const registeredWithout = await h.call(U, 'PUT', '/api/settings/invoicing', {
      ...QR_IBAN_SETTINGS,
      vatRegistered: true,
      vatNumber: '',
    });
    expect(registeredWithout.status).toBe(400);
    expect(registeredWithout.body.issues[0].path).toEqual(['vatNumber']);
  });
});

describe('languages', () => {
  it('answers the invoicing errors in English when the request prefers English', async () => {
    const english = async (path: string, body: unknown) => {
      const response = await h.fetch(path, {
        method: 'POST',
        headers: { ...h.auth(U), 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { error: string } };
    };
    expect(await english(`/api/projects/${projectId}/invoices`, {})).toEqual({
      status: 400,
      body: expect.objectContaining({ error: 'Select at least one event or quote to invoice' }),
    });
    expect(
      (await english(`/api/projects/${projectId}/invoices`, { invoiceType: 'custom', customLines: [] })).body.error,
    ).toBe('Add at least one line to the invoice');
    const invoice = (
      await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
        invoiceType: 'custom',
        customLines: [{ description: 'x', quantity: 1, unitPrice: 1 }],
      })
    ).body;
    await h.call(U, 'POST', `/api/invoices/${invoice.id}/send`);
    expect(await english(`/api/invoices/${invoice.id}/send`, {})).toEqual({
      status: 409,
      body: expect.objectContaining({ error: `Invoice ${invoice.number} is sent: action not possible` }),
    });
    // French stays the default.
    expect((await h.call(U, 'POST', `/api/invoices/${invoice.id}/send`)).body.error).toBe(
      `La facture ${invoice.number} est envoyée : action impossible`,
    );
  });
});
