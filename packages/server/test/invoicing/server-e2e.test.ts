import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/server-config';
import { createServer, type SwigsServer } from '../../src/runtime/create-server';
import { CLIENT, QR_IBAN_SETTINGS } from './harness';
import { hasPoppler } from '@swigs/test-services/poppler';
import { decodeQrFromPdf } from './pdf-tools';

const TOKEN = 'invoicing-e2e-service-token-0123456789';
let dir: string;
let server: SwigsServer;
let baseUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'swigs-invoicing-e2e-'));
  const config = loadConfig({
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    PORT: '0',
    LOCAL_PASSWORD: 'mot-de-passe-local',
    SERVICE_TOKENS: `tests:${TOKEN}`,
    LOG_LEVEL: 'silent',
  });
  server = await createServer({ config, startWorkers: false });
  baseUrl = (await server.listen()).url;
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function api<T = any>(
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'x-swigs-user': user,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  return { status: response.status, body: isJson && text ? JSON.parse(text) : text };
}

async function outboxSubjects(user: string): Promise<string[]> {
  const { body } = await api<{ items: { subject: string }[] }>(user, 'GET', '/api/outbox');
  return body.items.map((m) => m.subject);
}

describe('invoicing in the composed server (SQLite store, real engine and nodes, outbox mail)', () => {
  it('needs authentication', async () => {
    const response = await fetch(`${baseUrl}/api/invoices`);
    expect(response.status).toBe(401);
  });

  it('sends a thank-you e-mail from an invoice.paid automation when an invoice is marked paid', async ({ skip }) => {
    skip(!hasPoppler, 'reads the QR-bill with poppler');
    const user = 'agence-merci';
    const automation = await api(user, 'POST', '/api/automations', {
      name: 'Merci pour le paiement',
      isActive: true,
      trigger: { type: 'invoice.paid', config: {} },
      nodes: [
        {
          id: 'merci',
          type: 'send_email',
          config: {
            to: '{{trigger.customer.email}}',
            subject: 'Merci pour votre paiement ({{trigger.number}})',
            body: '<p>Bonjour {{trigger.customer.name}}, nous avons bien reçu CHF {{trigger.total}}.</p>',
          },
        },
      ],
    });
    expect(automation.status).toBe(201);

    await api(user, 'PUT', '/api/settings/invoicing', QR_IBAN_SETTINGS);
    const project = (await api(user, 'POST', '/api/projects', { name: 'Site vitrine', client: CLIENT })).body;
    const invoice = await api(user, 'POST', `/api/projects/${project.id}/invoices`, {
      invoiceType: 'custom',
      customLines: [
        { description: 'Conception graphique', quantity: 1, unitPrice: 500 },
        { description: 'Intégration', quantity: 3, unitPrice: 150 },
      ],
    });
    expect(invoice.body).toMatchObject({ subtotal: 950, vatAmount: 76.95, total: 1026.95, payableTotal: 1026.95 });
    expect((await api(user, 'POST', `/api/invoices/${invoice.body.id}/send`)).status).toBe(200);
    expect(await outboxSubjects(user)).toEqual([]);
    // While it is payable, the PDF carries the QR-bill for the payable amount.
    const pdf = await fetch(`${baseUrl}/api/invoices/${invoice.body.id}/pdf`, {
      headers: { authorization: `Bearer ${TOKEN}`, 'x-swigs-user': user },
    });
    const payload = await decodeQrFromPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(payload?.split(/\r?\n/).slice(18, 20)).toEqual(['1026.95', 'CHF']);

    expect((await api(user, 'POST', `/api/invoices/${invoice.body.id}/paid`)).body.status).toBe('paid');
    expect(await outboxSubjects(user)).toEqual([`Merci pour votre paiement (${invoice.body.number})`]);
    const { body: outbox } = await api(user, 'GET', '/api/outbox');
    expect(outbox.items[0]).toMatchObject({ to: [CLIENT.email] });
  });

  it('starts a project.status_changed automation only on its from/to transition', async () => {
    const user = 'agence-statuts';
    await api(user, 'POST', '/api/automations', {
      name: 'Projet livré',
      isActive: true,
      trigger: { type: 'project.status_changed', config: { from: 'active', to: 'completed' } },
      nodes: [
        {
          id: 'avis',
          type: 'send_email',
          config: {
            to: 'equipe@swigs.ch',
            subject: 'Livré : {{trigger.name}}',
            body: '<p>{{trigger.from}} → {{trigger.to}}</p>',
          },
        },
      ],
    });
    const project = (await api(user, 'POST', '/api/projects', { name: 'Refonte', status: 'draft' })).body;
    for (const status of ['active', 'on_hold', 'completed', 'archived']) {
      await api(user, 'PATCH', `/api/projects/${project.id}`, { status });
    }
    expect(await outboxSubjects(user)).toEqual([]);
    await api(user, 'PATCH', `/api/projects/${project.id}`, { status: 'active' });
    await api(user, 'PATCH', `/api/projects/${project.id}`, { status: 'completed' });
    expect(await outboxSubjects(user)).toEqual(['Livré : Refonte']);
  });

  it('keeps one tenant’s invoicing invisible to another and answers the exact 400s', async () => {
    const a = 'agence-a';
    const project = (await api(a, 'POST', '/api/projects', { name: 'Privé' })).body;
    const invoice = (
      await api(a, 'POST', `/api/projects/${project.id}/invoices`, {
        invoiceType: 'custom',
        customLines: [{ description: 'x', quantity: 1, unitPrice: 10 }],
      })
    ).body;
    expect((await api('agence-b', 'GET', `/api/invoices/${invoice.id}`)).status).toBe(404);
    expect((await api('agence-b', 'GET', `/api/projects/${project.id}`)).status).toBe(404);
    const none = await api(a, 'POST', `/api/projects/${project.id}/invoices`, { eventIds: [], quoteIds: [] });
    expect(none).toMatchObject({
      status: 400,
      body: { error: 'Sélectionnez au moins un événement ou un devis à facturer' },
    });
    const empty = await api(a, 'POST', `/api/projects/${project.id}/invoices`, {
      invoiceType: 'custom',
      customLines: [],
    });
    expect(empty).toMatchObject({ status: 400, body: { error: 'Ajoutez au moins une ligne à la facture' } });
  });
});
