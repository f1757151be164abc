import type { Store } from '@swigs/automation-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT, QR_IBAN_SETTINGS, startHarness, type Harness } from './harness';

/**
 * The invoicing flows whose correctness depends on the store (conditional updates, counters, tenant scoping,
 * value round-trips), run against one store implementation.
 */
export function describeKeyFlows(label: string, createStore: () => Promise<Store>): void {
  describe(`invoicing key flows on ${label}`, () => {
    let h: Harness;
    let projectId: string;
    const U = 'tenant-a';

    beforeEach(async () => {
      h = await startHarness({ store: await createStore() });
      // VAT-registered, so the design's 8.1 % applies.
      await h.call(U, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
      projectId = (await h.call(U, 'POST', '/api/projects', { name: 'Site', client: CLIENT, hourlyRate: 120 })).body.id;
    });
    afterEach(async () => {
      await h.close();
    });

    it('stores the design custom invoice and reads it back exactly', async () => {
      const created = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
        invoiceType: 'custom',
        customLines: [
          { description: 'Conception', quantity: 1, unitPrice: 500 },
          { description: 'Intégration', quantity: 3, unitPrice: 150 },
        ],
      });
      expect(created.body).toMatchObject({
        number: '2026-0001',
        subtotal: 950,
        vatAmount: 76.95,
        total: 1026.95,
        payableTotal: 1026.95,
      });
      const read = await h.call(U, 'GET', `/api/invoices/${created.body.id}`);
      expect(read.body).toEqual(created.body);
      const second = await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
        invoiceType: 'custom',
        customLines: [{ description: 'x', quantity: 1, unitPrice: 1 }],
      });
      expect(second.body.number).toBe('2026-0002');
      expect((await h.call(U, 'GET', '/api/invoices')).body.total).toBe(2);
    });

    it('bills an event once when invoices race for it, and refuses the second with 409', async () => {
      const event = (
        await h.call(U, 'POST', `/api/projects/${projectId}/events`, {
          type: 'hours',
          description: 'Dev',
          date: '2026-03-02',
          hours: 2,
        })
      ).body;
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          h.call(U, 'POST', `/api/projects/${projectId}/invoices`, { eventIds: [event.id] }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const winner = results.find((r) => r.status === 201)!.body;
      expect(winner).toMatchObject({
        subtotal: 240,
        vatAmount: 19.44,
        total: 259.44,
        payableTotal: 259.45,
        roundingAmount: 0.01,
      });
      expect((await h.call(U, 'GET', `/api/events/${event.id}`)).body).toMatchObject({
        billed: true,
        invoiceId: winner.id,
      });
      expect((await h.call(U, 'GET', `/api/projects/${projectId}/events?billed=false`)).body.total).toBe(0);
    });

    it('locks a sent invoice (409) and moves it to paid once', async () => {
      await h.call(U, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
      const invoice = (
        await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
          invoiceType: 'custom',
          customLines: [{ description: 'Audit', quantity: 1, unitPrice: 500 }],
        })
      ).body;
      expect((await h.call(U, 'POST', `/api/invoices/${invoice.id}/send`)).body).toMatchObject({
        status: 'sent',
        reference: '000000000000000000202600013',
      });
      expect((await h.call(U, 'PATCH', `/api/invoices/${invoice.id}`, { notes: 'non' })).status).toBe(409);
      const paid = await Promise.all([
        h.call(U, 'POST', `/api/invoices/${invoice.id}/paid`),
        h.call(U, 'POST', `/api/invoices/${invoice.id}/paid`),
      ]);
      expect(paid.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(h.fired.filter((e) => e.type === 'invoice.paid')).toHaveLength(1);
    });

    it('keeps tenants apart', async () => {
      const invoice = (
        await h.call(U, 'POST', `/api/projects/${projectId}/invoices`, {
          invoiceType: 'custom',
          customLines: [{ description: 'x', quantity: 1, unitPrice: 1 }],
        })
      ).body;
      expect((await h.call('tenant-b', 'GET', `/api/invoices/${invoice.id}`)).status).toBe(404);
      expect((await h.call('tenant-b', 'GET', `/api/projects/${projectId}`)).status).toBe(404);
      expect((await h.call('tenant-b', 'GET', '/api/projects')).body.total).toBe(0);
      expect((await h.call('tenant-b', 'POST', `/api/invoices/${invoice.id}/cancel`)).status).toBe(404);
      expect((await h.call(U, 'GET', `/api/invoices/${invoice.id}`)).body.status).toBe('draft');
    });

    it('saves settings twice as one document per tenant', async () => {
      await h.call(U, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
      const again = await h.call(U, 'PUT', '/api/settings/invoicing', { ...QR_IBAN_SETTINGS, paymentTermsDays: 10 });
      expect(again.body).toMatchObject({ paymentTermsDays: 10, address: QR_IBAN_SETTINGS.address });
      expect((await h.call(U, 'GET', '/api/settings/invoicing')).body).toEqual(again.body);
    });
  });
}
