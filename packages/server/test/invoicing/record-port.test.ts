import { createFakeClock, createMemoryStore } from '@swigs/automation-core';
import { describe, expect, it } from 'vitest';
import { createInvoicingRecordPort } from '../../src/invoicing/index';
import { QR_IBAN_SETTINGS, startHarness } from './harness';

describe('invoicing record port (update_record)', () => {
  it('sets safe project and draft invoice fields, refuses the rest, and scopes to the tenant', async () => {
    const store = createMemoryStore();
    const h = await startHarness({ store });
    await h.call('u1', 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    try {
      const fired: unknown[] = [];
      const port = createInvoicingRecordPort(store, {
        clock: createFakeClock('2026-05-01T12:00:00Z'),
        engine: {
          fire: async (type, payload) => {
            fired.push({ type, payload });
            return [];
          },
        },
      });
      expect(port.types).toEqual(['project', 'invoice']);
      const project = (await h.call('u1', 'POST', '/api/projects', { name: 'P' })).body;
      const invoice = (
        await h.call('u1', 'POST', `/api/projects/${project.id}/invoices`, {
          invoiceType: 'custom',
          customLines: [{ description: 'x', quantity: 1, unitPrice: 100 }],
        })
      ).body;

      const updated = await port.update({
        userId: 'u1',
        type: 'project',
        id: project.id,
        fields: { status: 'completed' },
      });
      expect(updated).toMatchObject({ id: project.id, status: 'completed' });
      expect(fired).toEqual([
        {
          type: 'project.status_changed',
          payload: {
            projectId: project.id,
            name: 'P',
            from: 'active',
            to: 'completed',
            changedAt: '2026-05-01T12:00:00.000Z',
          },
        },
      ]);
      expect(
        await port.update({ userId: 'u1', type: 'invoice', id: invoice.id, fields: { notes: 'Relancé' } }),
      ).toMatchObject({ notes: 'Relancé' });

      await expect(
        port.update({ userId: 'u1', type: 'invoice', id: invoice.id, fields: { total: 0 } }),
      ).rejects.toMatchObject({ code: 'NON_RETRIABLE' });
      await expect(
        port.update({ userId: 'u1', type: 'project', id: project.id, fields: { status: 'bogus' } }),
      ).rejects.toMatchObject({ code: 'NON_RETRIABLE' });
      await expect(port.update({ userId: 'u1', type: 'client', id: 'x', fields: {} })).rejects.toMatchObject({
        code: 'NON_RETRIABLE',
      });
      expect(
        await port.update({ userId: 'u2', type: 'project', id: project.id, fields: { status: 'archived' } }),
      ).toBeNull();
      expect(
        await port.update({ userId: 'u2', type: 'invoice', id: invoice.id, fields: { notes: 'pirate' } }),
      ).toBeNull();

      await h.call('u1', 'POST', `/api/invoices/${invoice.id}/send`);
      await expect(
        port.update({ userId: 'u1', type: 'invoice', id: invoice.id, fields: { notes: 'après envoi' } }),
      ).rejects.toMatchObject({ code: 'NON_RETRIABLE' });
      expect((await h.call('u1', 'GET', `/api/invoices/${invoice.id}`)).body).toMatchObject({
        notes: 'Relancé',
        total: 108.1,
      });
      expect((await h.call('u1', 'GET', `/api/projects/${project.id}`)).body.status).toBe('completed');
    } finally {
      await h.close();
    }
  });
});
