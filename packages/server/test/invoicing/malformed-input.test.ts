import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT, startHarness, type Harness } from './harness';

const U = 'tenant-fuzz';
let h: Harness;
let ids: Record<string, string>;

beforeAll(async () => {
  h = await startHarness();
  const project = (await h.call(U, 'POST', '/api/projects', { name: 'P', client: CLIENT, hourlyRate: 100 })).body;
  const event = (
    await h.call(U, 'POST', `/api/projects/${project.id}/events`, {
      type: 'hours',
      description: 'x',
      date: '2026-03-01',
      hours: 1,
    })
  ).body;
  const quote = (
    await h.call(U, 'POST', `/api/projects/${project.id}/quotes`, {
      title: 'Q',
      lines: [{ description: 'x', quantity: 1, unitPrice: 1 }],
    })
  ).body;
  const invoice = (await h.call(U, 'POST', `/api/projects/${project.id}/invoices`, { eventIds: [event.id] })).body;
  ids = { project: project.id, event: event.id, quote: quote.id, invoice: invoice.id };
});
afterAll(async () => {
  await h.close();
});

const BODIES: unknown[] = [
  null,
  [],
  'texte',
  42,
  true,
  {},
  { invoiceType: 'custom', customLines: [null] },
  { invoiceType: 'custom', customLines: [{ description: 'x', quantity: 1e300, unitPrice: 1 }] },
  { invoiceType: 'custom', customLines: [{ description: 'x', quantity: 1, unitPrice: 1e15 }] },
  { invoiceType: 'custom', customLines: [{ description: 'x', quantity: 0.00001, unitPrice: 1 }] },
  { invoiceType: 'other', eventIds: 'x' },
  { eventIds: [1, 2], quoteIds: [{}] },
  { eventIds: ['x'.repeat(5000)] },
  { type: 'hours', description: 'x', date: '2026-13-01', hours: 1 },
  { type: 'expense', description: 'x', date: '2026-01-01', amount: 'dix' },
  { name: 'x'.repeat(10_000) },
  { status: null, client: { name: 'x' } },
  { title: 'T', lines: [] },
  { lines: [{ description: 'x', quantity: 1, unitPrice: Number.MAX_SAFE_INTEGER }] },
  { customLines: [], issueDate: '2026-02-30' },
  { vatCategory: 'luxe' },
  { customLines: [{ description: 'x', quantity: 1, unitPrice: 1, serviceEndDate: '2026-01-01' }] },
  { companyName: 'x', address: { street: 'a', postalCode: '1000', town: 'L', country: 'Suisse' }, iban: 'nope' },
  { signedBy: 123 },
];

describe('malformed input', () => {
  it('never answers 500 to odd bodies on any invoicing write route', async () => {
    const routes: [string, string][] = [
      ['POST', '/api/projects'],
      ['PATCH', `/api/projects/${ids.project}`],
      ['POST', `/api/projects/${ids.project}/events`],
      ['PATCH', `/api/events/${ids.event}`],
      ['POST', `/api/projects/${ids.project}/quotes`],
      ['PATCH', `/api/quotes/${ids.quote}`],
      ['POST', `/api/quotes/${ids.quote}/sign`],
      ['POST', `/api/projects/${ids.project}/invoices`],
      ['PATCH', `/api/invoices/${ids.invoice}`],
      ['POST', '/api/invoices/preview'],
      ['PUT', '/api/settings/invoicing'],
    ];
    const statuses = new Set<number>();
    for (const [method, path] of routes) {
      for (const body of BODIES) {
        const res = await h.call(U, method, path, body);
        expect(res.status, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`).toBeLessThan(500);
        statuses.add(res.status);
      }
    }
    expect([...statuses].every((s) => [200, 201, 400, 404, 409].includes(s))).toBe(true);
    for (const query of ['?limit=-1', '?limit=abc', '?offset=1e9', '?status[]=x', '?projectId=']) {
      expect((await h.call(U, 'GET', `/api/invoices${query}`)).status).toBeLessThan(500);
    }
    const huge = await h.call(U, 'POST', `/api/projects/${ids.project}/invoices`, {
      invoiceType: 'custom',
      customLines: [{ description: 'x', quantity: 1_000_000, unitPrice: 999_999_999.99 }],
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error).toBe('Le total de la facture dépasse 999 999 999.99 CHF');
    // The invoice was not changed by any of it except through valid edits.
    expect((await h.call(U, 'GET', `/api/invoices/${ids.invoice}`)).body.events).toHaveLength(1);
  });
});
