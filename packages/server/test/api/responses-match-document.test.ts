import { signCmsWebhook } from '@swigs/automation-adapters/cms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createSystemClock } from '@swigs/automation-core';
import { createServerMetrics } from '../../src/metrics/server-metrics';
import { createDocumentCheck, type CheckedAnswer } from '../helpers/document-check';
import {
  CMS_WEBHOOK_SECRET,
  LOCAL_PASSWORD,
  manualAutomation,
  startHarness,
  thanksTemplate,
  type Harness,
} from '../helpers/harness';
import { CLIENT, QR_IBAN_SETTINGS } from '../invoicing/harness';

const SHOP_SECRET = 'shop-secret-value-123456';
let h: Harness;
let checker: ReturnType<typeof createDocumentCheck>;

beforeAll(async () => {
  h = await startHarness({
    app: {
      secrets: (name) => (name === 'WEBHOOK_SHOP' ? SHOP_SECRET : undefined),
      authFailures: { maxFailures: 1_000_000 },
    },
  });
  checker = createDocumentCheck((await h.api('GET', '/api/openapi.json', { token: null })).body);
});
afterAll(async () => {
  await h.close();
});

/** Sends a request in process and checks its answer against the document. */
async function send(
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; token?: string | null; headers?: Record<string, string> } = {},
): Promise<CheckedAnswer> {
  const token = options.token === undefined ? h.tokenA : options.token;
  const headers: Record<string, string> = {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...options.headers,
  };
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await h.fetch(path, { method, headers, ...(body === undefined ? {} : { body }) });
  return checker.check(method, path, response);
}

const ok = async (method: string, path: string, status: number, options?: Parameters<typeof send>[2]) => {
  const answer = await send(method, path, options);
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(status);
  return answer.body;
};

describe('real answers match the OpenAPI document', () => {
  it('for automations, runs and the dry run', async () => {
    const template = await ok('POST', '/api/email-templates', 201, { body: thanksTemplate() });
    const automation = await ok('POST', '/api/automations', 201, { body: manualAutomation() });
    await ok('POST', '/api/automations', 400, { body: { name: '' } });
    await ok('GET', '/api/automations', 200);
    await ok('GET', '/api/automations?limit=0', 400);
    await ok('POST', '/api/automations/validate', 200, { body: { name: 'x', trigger: { type: 'nope' } } });
    await ok('POST', '/api/automations/validate', 400, {
      raw: '{"a":',
      headers: { 'content-type': 'application/json' },
    });
    await ok('GET', `/api/automations/${automation.id}`, 200);
    await ok('GET', '/api/automations/missing', 404);
    await ok('PUT', `/api/automations/${automation.id}`, 200, { body: manualAutomation({ name: 'Renommée' }) });
    await ok('PUT', `/api/automations/${automation.id}`, 400, { body: { nodes: 'x' } });
    await ok('PATCH', `/api/automations/${automation.id}/toggle`, 200, { body: { isActive: false } });
    await ok('PATCH', '/api/automations/missing/toggle', 404);
    await ok('POST', `/api/automations/${automation.id}/test`, 200, { body: { sampleData: {} } });
    await ok('POST', '/api/automations/missing/test', 404, { body: {} });
    const run = await ok('POST', `/api/automations/${automation.id}/run`, 201, { body: { payload: { a: 1 } } });
    await ok('POST', '/api/automations/missing/run', 404, { body: {} });

    await ok('GET', `/api/automations/${automation.id}/runs`, 200);
    await ok('GET', `/api/automations/${automation.id}/runs?status=nope`, 400);
    await ok('GET', '/api/automation-runs?status=completed', 200);
    await ok('GET', '/api/automation-runs?q=a&triggerType=manual&from=2020-01-01T00:00:00Z&limit=1', 200);
    await ok('GET', '/api/automation-runs?cursor=%25%25', 400);
    await ok('POST', '/api/automation-runs/bulk', 200, { body: { action: 'cancel', ids: ['missing'] } });
    await ok('POST', '/api/automation-runs/bulk', 400, { body: { action: 'explode', ids: [] } });
    await ok('GET', '/api/automation-runs', 401, { token: null });
    await ok('GET', `/api/automation-runs/${run.id}`, 200);
    await ok('GET', '/api/automation-runs/missing', 404);

    // A failed run (its template is off), then retried once the template is on again.
    const off = await ok('POST', '/api/email-templates', 201, { body: thanksTemplate({ isActive: false }) });
    const mailer = await ok('POST', '/api/automations', 201, {
      body: manualAutomation({
        isActive: false,
        nodes: [{ id: 'mail', type: 'send_email', config: { templateId: off.id, to: 'a@example.ch' } }],
      }),
    });
    const failed = await ok('POST', `/api/automations/${mailer.id}/run`, 201, { body: {} });
    expect(failed.status).toBe('failed');
    await ok('POST', `/api/automations/${mailer.id}/sample-data/from-run`, 200, { body: { runId: failed.id } });
    await ok('POST', `/api/automations/${mailer.id}/sample-data/from-run`, 404, { body: { runId: 'missing' } });
    await ok('POST', `/api/automation-runs/${run.id}/retry`, 409);
    await ok('PUT', `/api/email-templates/${off.id}`, 200, { body: thanksTemplate({ isActive: true }) });
    await ok('POST', `/api/automation-runs/${failed.id}/retry`, 200);

    // A waiting run is cancelled once; a second cancel conflicts.
    const waiter = await ok('POST', '/api/automations', 201, {
      body: manualAutomation({ nodes: [{ id: 'w', type: 'wait', config: { duration: 2, unit: 'days' } }] }),
    });
    const waiting = await ok('POST', `/api/automations/${waiter.id}/run`, 201, { body: {} });
    await ok('POST', `/api/automation-runs/${waiting.id}/cancel`, 200);
    await ok('POST', `/api/automation-runs/${waiting.id}/cancel`, 409);
    await ok('DELETE', `/api/automation-runs/${waiting.id}`, 204);
    await ok('DELETE', `/api/automation-runs/${waiting.id}`, 404);

    await ok('GET', `/api/automations/${waiter.id}/stats?since=7d`, 200);
    await ok('GET', `/api/automations/${waiter.id}/stats?since=never`, 400);
    await ok('POST', `/api/automations/${waiter.id}/test-step`, 200, { body: { nodeId: 'w' } });
    await ok('POST', `/api/automations/${waiter.id}/test-step`, 404, { body: { nodeId: 'none' } });
    await ok('DELETE', `/api/automations/${waiter.id}`, 204);
    await ok('DELETE', `/api/automations/${waiter.id}`, 404);
    expect(template.id).toBeTruthy();
  });

  it('for email templates, the outbox and the node catalogue', async () => {
    const template = await ok('POST', '/api/email-templates', 201, { body: thanksTemplate() });
    await ok('POST', '/api/email-templates', 400, { body: thanksTemplate({ body: '{{#if}}' }) });
    await ok('GET', '/api/email-templates', 200);
    await ok('GET', '/api/email-templates', 401, { token: null });
    await ok('GET', `/api/email-templates/${template.id}`, 200);
    await ok('GET', '/api/email-templates/missing', 404);
    await ok('PUT', `/api/email-templates/${template.id}`, 200, { body: thanksTemplate({ name: 'Merci !' }) });
    await ok('PUT', '/api/email-templates/missing', 404, { body: thanksTemplate() });
    await ok('POST', `/api/email-templates/${template.id}/preview`, 200, { body: { subject: 'Bonjour' } });
    await ok('POST', `/api/email-templates/${template.id}/preview`, 400, { body: { data: 'x' } });
    await ok('POST', `/api/email-templates/${template.id}/send-test`, 200, { body: { to: 'test@example.ch' } });
    await ok('POST', `/api/email-templates/${template.id}/send-test`, 400, { body: { to: 'nope' } });
    await ok('POST', '/api/email-templates/check', 200, { body: { subject: 'Bonjour', body: '<p>{{trigger.x}}</p>' } });
    await ok('POST', '/api/email-templates/check', 400, { body: { subject: 1 } });
    const outbox = await ok('GET', '/api/outbox', 200);
    await ok('GET', '/api/outbox?offset=-1', 400);
    await ok('GET', `/api/outbox/${outbox.items[0].id}`, 200);
    await ok('GET', '/api/outbox/missing', 404);
    await ok('DELETE', `/api/email-templates/${template.id}`, 204);
    await ok('DELETE', `/api/email-templates/${template.id}`, 404);
    await ok('GET', '/api/node-types', 200);
    await ok('GET', '/api/node-types', 401, { token: null });
  });

  it('for authentication, health, this document and the event stream', async () => {
    await ok('GET', '/api/auth/config', 200, { token: null });
    await ok('POST', '/api/auth/local-login', 200, { token: null, body: { password: LOCAL_PASSWORD } });
    await ok('POST', '/api/auth/local-login', 401, { token: null, body: { password: 'faux' } });
    await ok('GET', '/api/auth/me', 200);
    await ok('GET', '/api/auth/me', 401, { token: 'not-a-token' });
    await ok('GET', '/healthz', 200, { token: null });
    await ok('GET', '/readyz', 200, { token: null });
    await ok('GET', '/api/openapi.json', 200, { token: null });
    await ok('GET', '/metrics', 404, { token: null });
    const metrics = createServerMetrics({
      store: createMemoryStore(),
      clock: createSystemClock(),
      processMetrics: false,
    });
    const scraped = await startHarness({ app: { metrics, metricsToken: 'scraper-token-0123456789' } });
    try {
      const answer = await checker.check(
        'GET',
        '/metrics',
        await scraped.fetch('/metrics', {
          headers: { authorization: 'Bearer scraper-token-0123456789' },
        }),
      );
      expect(answer.status).toBe(200);
      expect((await checker.check('GET', '/metrics', await scraped.fetch('/metrics'))).status).toBe(401);
    } finally {
      await scraped.close();
    }

    const controller = new AbortController();
    const stream = await h.fetch(`/api/events?access_token=${h.tokenA}`, { signal: controller.signal });
    await checker.check('GET', '/api/events', stream);
    expect(stream.status).toBe(200);
    controller.abort();
    await ok('GET', `/api/events?runId=${'x'.repeat(101)}`, 400);

    const notReady = await startHarness({ app: { isReady: () => false } });
    try {
      const answer = await checker.check('GET', '/readyz', await notReady.fetch('/readyz'));
      expect(answer.status).toBe(503);
    } finally {
      await notReady.close();
    }
  });

  it('for the signed webhooks and the unsubscribe link', async () => {
    const raw = JSON.stringify({
      event: 'order.updated',
      data: { _id: 'o1', status: 'paid', updatedAt: h.clock.now().toISOString(), customer: { email: 'a@example.ch' } },
    });
    const signed = signCmsWebhook(CMS_WEBHOOK_SECRET, raw, { timestamp: Math.floor(h.clock.now().getTime() / 1000) });
    await ok('POST', '/api/hooks/cms', 200, { token: null, raw, headers: signed });
    await ok('POST', '/api/hooks/cms', 401, { token: null, raw });

    const hook = await ok('POST', '/api/automations', 201, {
      body: {
        name: 'Webhook',
        isActive: true,
        trigger: { type: 'webhook.received', config: { secretRef: 'WEBHOOK_SHOP' } },
        nodes: [],
      },
    });
    const secret = { 'x-webhook-secret': SHOP_SECRET };
    await ok('POST', `/api/hooks/webhook/${hook.id}`, 202, { token: null, body: { a: 1 }, headers: secret });
    await ok('POST', `/api/hooks/webhook/${hook.id}`, 401, { token: null, body: {} });
    const everyMethod = await ok('POST', '/api/automations', 201, {
      body: {
        name: 'Webhook, toutes méthodes',
        isActive: true,
        trigger: {
          type: 'webhook.received',
          config: { secretRef: 'WEBHOOK_SHOP', methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
        },
        nodes: [],
      },
    });
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
      const body = method === 'GET' || method === 'DELETE' ? {} : { body: { a: 1 } };
      await ok(method, `/api/hooks/webhook/${everyMethod.id}?ref=1`, 202, { token: null, headers: secret, ...body });
      await ok(method, `/api/hooks/webhook/${hook.id}`, 405, { token: null, headers: secret, ...body });
    }

    // Listening for the next event: the call is kept as sample data, not run.
    await ok('POST', `/api/automations/${hook.id}/listen`, 200, { body: { seconds: 60 } });
    expect((await ok('GET', `/api/automations/${hook.id}/listen`, 200)).listening).toBe(true);
    await ok('POST', `/api/hooks/webhook/${hook.id}`, 200, { token: null, body: { sample: 1 }, headers: secret });
    await ok('POST', `/api/automations/${hook.id}/listen`, 200, {});
    await ok('DELETE', `/api/automations/${hook.id}/listen`, 204);
    await ok('POST', '/api/automations/missing/listen', 404, {});
    await ok('GET', '/api/automations/missing/listen', 404);
    await ok('DELETE', '/api/automations/missing/listen', 404);
    await ok('GET', '/api/template-helpers', 200);
    await ok('GET', '/api/template-helpers', 401, { token: null });

    const promo = await ok('POST', '/api/automations', 201, {
      body: manualAutomation({
        nodes: [
          {
            id: 'promo',
            type: 'send_email',
            config: { to: 'lea@example.ch', subject: 'Nouveautés', body: '<p>Promo</p>', category: 'marketing' },
          },
        ],
      }),
    });
    await ok('POST', `/api/automations/${promo.id}/run`, 201, { body: {} });
    const mail = (await h.api('GET', '/api/outbox')).body.items.find(
      (m: { subject: string }) => m.subject === 'Nouveautés',
    );
    const link = /<([^>]+)>/.exec(mail.headers['List-Unsubscribe'])![1]!;
    const path = new URL(link).pathname;
    await ok('GET', path, 200, { token: null });
    await ok('GET', `${path.slice(0, -2)}xx`, 400, { token: null });
    await ok('POST', path, 204, {
      token: null,
      raw: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await ok('POST', `${path.slice(0, -2)}xx`, 400, { token: null, raw: '' });
  });

  it('for the invoicing routes', async () => {
    await ok('GET', '/api/settings/invoicing', 200);
    await ok('GET', '/api/settings/invoicing', 401, { token: null });
    await ok('PUT', '/api/settings/invoicing', 200, { body: QR_IBAN_SETTINGS });
    await ok('PUT', '/api/settings/invoicing', 400, { body: { ...QR_IBAN_SETTINGS, iban: 'CH00' } });
    await ok('POST', '/api/settings/invoicing/dunning', 201);
    await ok('POST', '/api/settings/invoicing/dunning', 200);
    await ok('POST', '/api/settings/invoicing/dunning', 401, { token: null });

    const project = await ok('POST', '/api/projects', 201, { body: { name: 'Site', client: CLIENT, hourlyRate: 120 } });
    await ok('POST', '/api/projects', 400, { body: { name: '' } });
    await ok('GET', '/api/projects', 200);
    await ok('GET', '/api/projects?status=nope', 400);
    await ok('GET', `/api/projects/${project.id}`, 200);
    await ok('GET', '/api/projects/missing', 404);
    await ok('PATCH', `/api/projects/${project.id}`, 200, { body: { status: 'active' } });
    await ok('PATCH', '/api/projects/missing', 404, { body: {} });

    const hours = { type: 'hours', description: 'Maquettes', date: '2026-03-02', hours: 2.5 };
    const event = await ok('POST', `/api/projects/${project.id}/events`, 201, { body: hours });
    await ok('POST', `/api/projects/${project.id}/events`, 400, { body: { ...hours, date: '2026-02-30' } });
    await ok('GET', `/api/projects/${project.id}/events`, 200);
    await ok('GET', '/api/projects/missing/events', 404);
    await ok('GET', `/api/events/${event.id}`, 200);
    await ok('GET', '/api/events/missing', 404);
    await ok('PATCH', `/api/events/${event.id}`, 200, { body: { hours: 3 } });
    await ok('PATCH', `/api/events/${event.id}`, 400, { body: { hours: -1 } });
    const spare = await ok('POST', `/api/projects/${project.id}/events`, 201, { body: hours });
    await ok('DELETE', `/api/events/${spare.id}`, 204);
    await ok('DELETE', `/api/events/${spare.id}`, 404);

    const lines = [{ description: 'Site', quantity: 1, unitPrice: 500 }];
    const quote = await ok('POST', `/api/projects/${project.id}/quotes`, 201, { body: { title: 'Devis', lines } });
    await ok('POST', `/api/projects/${project.id}/quotes`, 400, { body: { title: 'Devis', lines: [] } });
    await ok('GET', `/api/projects/${project.id}/quotes`, 200);
    await ok('GET', '/api/projects/missing/quotes', 404);
    await ok('GET', `/api/quotes/${quote.id}`, 200);
    await ok('GET', '/api/quotes/missing', 404);
    await ok('PATCH', `/api/quotes/${quote.id}`, 200, { body: { title: 'Devis 2026' } });
    await ok('POST', `/api/quotes/${quote.id}/sign`, 200, { body: { signedBy: 'Zoé Favre' } });
    await ok('POST', `/api/quotes/${quote.id}/sign`, 409);
    await ok('PATCH', `/api/quotes/${quote.id}`, 409, { body: { title: 'Trop tard' } });
    const draftQuote = await ok('POST', `/api/projects/${project.id}/quotes`, 201, { body: { title: 'Autre', lines } });
    await ok('DELETE', `/api/quotes/${draftQuote.id}`, 204);
    await ok('DELETE', `/api/quotes/${draftQuote.id}`, 404);

    await ok('POST', '/api/invoices/preview', 200, { body: { customLines: lines } });
    await ok('POST', '/api/invoices/preview', 400, { body: { customLines: 'x' } });
    const invoice = await ok('POST', `/api/projects/${project.id}/invoices`, 201, {
      body: { eventIds: [event.id], quoteIds: [quote.id] },
    });
    await ok('POST', `/api/projects/${project.id}/invoices`, 409, { body: { eventIds: [event.id] } });
    await ok('GET', `/api/projects/${project.id}/invoices`, 200);
    await ok('GET', '/api/projects/missing/invoices', 404);
    await ok('GET', '/api/invoices', 200);
    await ok('GET', '/api/invoices?status=nope', 400);
    await ok('GET', `/api/invoices/${invoice.id}`, 200);
    await ok('GET', '/api/invoices/missing', 404);
    await ok('PATCH', `/api/invoices/${invoice.id}`, 200, { body: { notes: 'Merci' } });
    await ok('PATCH', `/api/invoices/${invoice.id}`, 400, { body: { dueDate: '2026-01-01' } });
    const pdf = await send('GET', `/api/invoices/${invoice.id}/pdf`);
    expect(pdf.status).toBe(200);
    await ok('GET', '/api/invoices/missing/pdf', 404);
    await ok('POST', `/api/invoices/${invoice.id}/send`, 200);
    await ok('POST', `/api/invoices/${invoice.id}/send`, 409);
    await ok('POST', `/api/invoices/${invoice.id}/paid`, 200);
    await ok('POST', `/api/invoices/${invoice.id}/paid`, 409);
    const custom = await ok('POST', `/api/projects/${project.id}/invoices`, 201, {
      body: { invoiceType: 'custom', customLines: lines },
    });
    await ok('POST', `/api/invoices/${custom.id}/cancel`, 200);
    await ok('POST', `/api/invoices/${custom.id}/cancel`, 409);

    // Payments and credit notes.
    const open = await ok('POST', `/api/projects/${project.id}/invoices`, 201, {
      body: { invoiceType: 'custom', customLines: lines },
    });
    await ok('POST', `/api/invoices/${open.id}/credit-notes`, 409, { body: { reason: 'brouillon' } });
    await ok('POST', `/api/invoices/${open.id}/send`, 200);
    await ok('POST', `/api/invoices/${open.id}/payments`, 200, { body: { amount: 1 } });
    await ok('POST', `/api/invoices/${open.id}/payments`, 400, { body: { amount: 0 } });
    const issued = await ok('POST', `/api/invoices/${open.id}/credit-notes`, 201, {
      body: { reason: 'Rabais', lines: [{ lineIndex: 0, quantity: 1 }] },
    });
    await ok('POST', `/api/invoices/${open.id}/credit-notes`, 400, { body: { reason: '' } });
    await ok('GET', `/api/invoices/${open.id}/credit-notes`, 200);
    await ok('GET', '/api/invoices/missing/credit-notes', 404);
    await ok('GET', '/api/credit-notes', 200);
    await ok('GET', '/api/credit-notes?limit=0', 400);
    await ok('GET', `/api/credit-notes/${issued.creditNote.id}`, 200);
    await ok('GET', '/api/credit-notes/missing', 404);
    const creditPdf = await send('GET', `/api/credit-notes/${issued.creditNote.id}/pdf`);
    expect(creditPdf.status).toBe(200);
    await ok('GET', '/api/credit-notes/missing/pdf', 404);

    await ok('DELETE', `/api/projects/${project.id}`, 409);
    const empty = await ok('POST', '/api/projects', 201, { body: { name: 'Vide' } });
    await ok('DELETE', `/api/projects/${empty.id}`, 204);
  });

  it('is a check that bites: a wrong body, an undocumented status or an unknown route fails it', async () => {
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    await expect(checker.check('GET', '/api/automations/a1', json({ id: 'a1' }))).rejects.toThrow(/must have required/);
    await expect(
      checker.check('GET', '/api/automations', json({ items: [{ id: 'a' }], total: 1, limit: 50, offset: 0 })),
    ).rejects.toThrow(/problems/);
    await expect(checker.check('GET', '/api/automations/a1', json({}, 418))).rejects.toThrow(/does not list/);
    await expect(checker.check('GET', '/api/nowhere', json({}))).rejects.toThrow(/not in the document/);
    await expect(checker.check('GET', '/api/automations/a1', json({ error: 1, issues: [] }, 404))).rejects.toThrow(
      /must be string/,
    );
  });

  it('exercising every documented operation: its success and at least one of its errors', () => {
    const missing: string[] = [];
    for (const { operationId, statuses } of checker.operations) {
      const seen = checker.seen.get(operationId) ?? new Set<number>();
      if (![...seen].some((s) => s < 300)) missing.push(`${operationId}: no success`);
      const errors = statuses.filter((s) => s >= 400);
      if (errors.length > 0 && ![...seen].some((s) => s >= 400)) missing.push(`${operationId}: no error`);
    }
    expect(missing).toEqual([]);
  });
});
