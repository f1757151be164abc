import {
  createEngine,
  createFakeClock,
  createMemoryStore,
  type Automation,
  type Engine,
  type Store,
} from '@swigs/automation-core';
import { createOutboxMail, type OutboxMessage } from '@swigs/automation-adapters/outbox';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvoicingRecordPort } from '../../src/invoicing/index';
import { CLIENT, QR_IBAN_SETTINGS, startHarness, type Harness } from './harness';

const U = 'tenant-auto';
let store: Store;
let engine: Engine;
let h: Harness;

beforeEach(async () => {
  store = createMemoryStore();
  const clock = createFakeClock('2026-03-05T09:00:00Z');
  engine = createEngine({
    store,
    registry: createDefaultRegistry(),
    clock,
    ports: {
      mail: createOutboxMail({ store, clock }),
      email: { from: 'SWIGS Sàrl <facturation@swigs.ch>' },
      records: createInvoicingRecordPort(store, { clock }),
    },
  });
  h = await startHarness({ store, engine, clock });
  await h.call(U, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
});
afterEach(async () => {
  await h.close();
});

async function saveAutomation(
  automation: Omit<Automation, 'userId' | 'stats' | 'version' | 'description'>,
): Promise<void> {
  await store.automations.save({
    ...automation,
    userId: U,
    description: '',
    version: 1,
    stats: { totalRuns: 0, successfulRuns: 0, failedRuns: 0, lastRunAt: null, lastError: null },
  });
}

async function outbox(): Promise<OutboxMessage[]> {
  return (await store.collection<OutboxMessage>('outbox').find(U)).items;
}

describe('invoicing events drive automations', () => {
  it('sends a thank-you e-mail when an invoice is marked paid', async () => {
    await saveAutomation({
      id: 'merci-paiement',
      name: 'Merci pour le paiement',
      isActive: true,
      trigger: { type: 'invoice.paid', config: {} },
      nodes: [
        {
          id: 'merci',
          type: 'send_email',
          position: { x: 0, y: 0 },
          connections: [],
          config: {
            to: '{{trigger.customer.email}}',
            subject: 'Merci pour votre paiement de la facture {{trigger.number}}',
            body: '<p>Bonjour {{trigger.customer.name}},</p><p>Nous avons bien reçu votre paiement de CHF {{trigger.total}}. Merci !</p>',
            useLayout: false,
          },
        },
      ],
    });
    const project = (await h.call(U, 'POST', '/api/projects', { name: 'Site', client: CLIENT })).body;
    const invoice = (
      await h.call(U, 'POST', `/api/projects/${project.id}/invoices`, {
        invoiceType: 'custom',
        customLines: [
          { description: 'Conception', quantity: 1, unitPrice: 500 },
          { description: 'Intégration', quantity: 3, unitPrice: 150 },
        ],
      })
    ).body;
    await h.call(U, 'POST', `/api/invoices/${invoice.id}/send`);
    expect(await outbox()).toHaveLength(0);

    expect((await h.call(U, 'POST', `/api/invoices/${invoice.id}/paid`)).status).toBe(200);
    const messages = await outbox();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      to: [CLIENT.email],
      subject: 'Merci pour votre paiement de la facture 2026-0001',
    });
    expect(messages[0]!.html).toContain('Bonjour Boulangerie Favre SA');
    expect(messages[0]!.html).toContain('1026.95');
    const runs = await store.runs.list({ userId: U });
    expect(runs.items.map((run) => run.status)).toEqual(['completed']);
  });

  it('fires a project.status_changed automation only on the filtered from/to transition', async () => {
    await saveAutomation({
      id: 'projet-termine',
      name: 'Projet terminé → facture à préparer',
      isActive: true,
      trigger: { type: 'project.status_changed', config: { from: 'active', to: 'completed' } },
      nodes: [
        {
          id: 'avis',
          type: 'send_email',
          position: { x: 0, y: 0 },
          connections: [],
          config: {
            to: 'equipe@swigs.ch',
            subject: 'Projet {{trigger.name}} terminé ({{trigger.from}} → {{trigger.to}})',
            body: '<p>Préparez la facture.</p>',
            useLayout: false,
          },
        },
      ],
    });
    const project = (await h.call(U, 'POST', '/api/projects', { name: 'Refonte', status: 'draft' })).body;
    await h.call(U, 'PATCH', `/api/projects/${project.id}`, { status: 'active' });
    await h.call(U, 'PATCH', `/api/projects/${project.id}`, { status: 'on_hold' });
    await h.call(U, 'PATCH', `/api/projects/${project.id}`, { status: 'completed' });
    expect(await outbox()).toHaveLength(0);

    await h.call(U, 'PATCH', `/api/projects/${project.id}`, { status: 'active' });
    await h.call(U, 'PATCH', `/api/projects/${project.id}`, { status: 'completed' });
    const messages = await outbox();
    expect(messages.map((m) => m.subject)).toEqual(['Projet Refonte terminé (active → completed)']);

    // Another tenant's identical transition does not start this tenant's automation.
    const theirs = (await h.call('tenant-other', 'POST', '/api/projects', { name: 'Autre' })).body;
    await h.call('tenant-other', 'PATCH', `/api/projects/${theirs.id}`, { status: 'completed' });
    expect(await outbox()).toHaveLength(1);
  });

  it('lets update_record archive a project through the record port', async () => {
    await saveAutomation({
      id: 'archiver',
      name: 'Archiver après paiement',
      isActive: true,
      trigger: { type: 'invoice.paid', config: {} },
      nodes: [
        {
          id: 'archive',
          type: 'update_record',
          position: { x: 0, y: 0 },
          connections: [],
          config: { recordType: 'project', recordId: '{{trigger.projectId}}', fields: { status: 'archived' } },
        },
      ],
    });
    const project = (await h.call(U, 'POST', '/api/projects', { name: 'Site', client: CLIENT })).body;
    const invoice = (
      await h.call(U, 'POST', `/api/projects/${project.id}/invoices`, {
        invoiceType: 'custom',
        customLines: [{ description: 'x', quantity: 1, unitPrice: 10 }],
      })
    ).body;
    await h.call(U, 'POST', `/api/invoices/${invoice.id}/send`);
    await h.call(U, 'POST', `/api/invoices/${invoice.id}/paid`);
    expect((await h.call(U, 'GET', `/api/projects/${project.id}`)).body.status).toBe('archived');
  });
});
