import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT, QR_IBAN_SETTINGS, startHarness, type Harness } from './harness';

const A = 'tenant-a';
const B = 'tenant-b';
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('invoicing tenancy', () => {
  it('hides projects, events, quotes and invoices of one tenant from another (404, empty lists)', async () => {
    await h.call(A, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    await h.call(B, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const project = (await h.call(A, 'POST', '/api/projects', { name: 'Secret', client: CLIENT, hourlyRate: 100 }))
      .body;
    const event = (
      await h.call(A, 'POST', `/api/projects/${project.id}/events`, {
        type: 'hours',
        description: 'x',
        date: '2026-03-01',
        hours: 1,
      })
    ).body;
    const quote = (
      await h.call(A, 'POST', `/api/projects/${project.id}/quotes`, {
        title: 'Q',
        lines: [{ description: 'x', quantity: 1, unitPrice: 10 }],
      })
    ).body;
    const invoice = (await h.call(A, 'POST', `/api/projects/${project.id}/invoices`, { eventIds: [event.id] })).body;
    expect(invoice.number).toBe('2026-0001');

    const reads = [
      ['GET', `/api/projects/${project.id}`],
      ['GET', `/api/projects/${project.id}/events`],
      ['GET', `/api/projects/${project.id}/quotes`],
      ['GET', `/api/projects/${project.id}/invoices`],
      ['GET', `/api/events/${event.id}`],
      ['GET', `/api/quotes/${quote.id}`],
      ['GET', `/api/invoices/${invoice.id}`],
      ['GET', `/api/invoices/${invoice.id}/pdf`],
    ] as const;
    for (const [method, path] of reads) {
      expect((await h.call(B, method, path)).status, path).toBe(404);
      expect((await h.call(A, method, path)).status, path).toBe(200);
    }
    const writes: [string, string, unknown][] = [
      ['PATCH', `/api/projects/${project.id}`, { status: 'archived' }],
      ['DELETE', `/api/projects/${project.id}`, undefined],
      [
        'POST',
        `/api/projects/${project.id}/events`,
        { type: 'expense', description: 'x', date: '2026-03-01', amount: 1 },
      ],
      [
        'POST',
        `/api/projects/${project.id}/quotes`,
        { title: 'Q', lines: [{ description: 'x', quantity: 1, unitPrice: 10 }] },
      ],
      [
        'POST',
        `/api/projects/${project.id}/invoices`,
        { invoiceType: 'custom', customLines: [{ description: 'x', quantity: 1, unitPrice: 1 }] },
      ],
      ['PATCH', `/api/events/${event.id}`, { description: 'y' }],
      ['DELETE', `/api/events/${event.id}`, undefined],
      ['PATCH', `/api/quotes/${quote.id}`, { title: 'y' }],
      ['POST', `/api/quotes/${quote.id}/sign`, {}],
      ['DELETE', `/api/quotes/${quote.id}`, undefined],
      ['PATCH', `/api/invoices/${invoice.id}`, { notes: 'y' }],
      ['POST', `/api/invoices/${invoice.id}/send`, undefined],
      ['POST', `/api/invoices/${invoice.id}/paid`, undefined],
      ['POST', `/api/invoices/${invoice.id}/cancel`, undefined],
    ];
    for (const [method, path, body] of writes) {
      expect((await h.call(B, method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    // Tenant B cannot bill A's event from a project of its own either.
    const own = (await h.call(B, 'POST', '/api/projects', { name: 'Mien' })).body;
    expect((await h.call(B, 'POST', `/api/projects/${own.id}/invoices`, { eventIds: [event.id] })).status).toBe(404);

    for (const path of ['/api/projects', '/api/invoices']) {
      const list = await h.call(B, 'GET', path);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(project.id);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(invoice.id);
    }
    expect((await h.call(B, 'GET', '/api/invoices')).body.total).toBe(0);

    // Nothing of A changed, and B's numbering is its own.
    expect((await h.call(A, 'GET', `/api/projects/${project.id}`)).body).toMatchObject({
      status: 'active',
      name: 'Secret',
    });
    expect((await h.call(A, 'GET', `/api/invoices/${invoice.id}`)).body).toMatchObject({ status: 'draft', notes: '' });
    expect((await h.call(A, 'GET', `/api/events/${event.id}`)).body).toMatchObject({ billed: true, description: 'x' });
    const theirs = await h.call(B, 'POST', `/api/projects/${own.id}/invoices`, {
      invoiceType: 'custom',
      customLines: [{ description: 'x', quantity: 1, unitPrice: 1 }],
    });
    expect(theirs.body.number).toBe('2026-0001');
  });

  it('keeps invoicing settings per tenant', async () => {
    await h.call(A, 'PUT', '/api/settings/invoicing', { ...QR_IBAN_SETTINGS, defaultVatCategory: 'reduced' });
    expect((await h.call(B, 'GET', '/api/settings/invoicing')).body).toMatchObject({
      defaultVatCategory: 'standard',
      companyName: '',
    });
    expect((await h.call(A, 'GET', '/api/settings/invoicing')).body).toMatchObject({ defaultVatCategory: 'reduced' });
  });
});
