import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualAutomation, startHarness, type Harness } from '../helpers/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('platform routes', () => {
  it('answers /healthz and /readyz without a token', async () => {
    h = await startHarness();
    expect((await h.api('GET', '/healthz', { token: null })).body).toEqual({ status: 'ok' });
    const ready = await h.api('GET', '/readyz', { token: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', store: h.store.name });
  });

  it('answers /readyz with 503 while not ready', async () => {
    h = await startHarness({ app: { isReady: () => false } });
    expect((await h.api('GET', '/readyz', { token: null })).status).toBe(503);
  });

  it('lists the node catalogue with JSON Schemas for the builder', async () => {
    h = await startHarness();
    const res = await h.api('GET', '/api/node-types');
    expect(res.status).toBe(200);
    const types = res.body.items.map((n: { type: string }) => n.type);
    expect(types).toEqual(
      expect.arrayContaining(['order.paid', 'send_email', 'wait', 'condition', 'webhook.received', 'manual']),
    );
    const email = res.body.items.find((n: { type: string }) => n.type === 'send_email');
    expect(email.title).toEqual({ fr: 'Envoyer un e-mail', en: 'Send an email' });
    expect(email.configJsonSchema.type).toBe('object');
  });

  it('serves an OpenAPI 3.1 document generated from the zod schemas', async () => {
    h = await startHarness();
    const res = await h.api('GET', '/api/openapi.json', { token: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/automations',
        '/api/automations/{id}/test',
        '/api/automation-runs/{id}/retry',
        '/api/email-templates/{id}/preview',
      ]),
    );
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/projects/{projectId}/invoices', '/api/invoices/{invoiceId}/pdf']),
    );
    expect(res.body.components.schemas.CustomInvoice.properties.customLines.type).toBe('array');
    const refs = JSON.stringify(res.body).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) expect(res.body.components.schemas, ref).toHaveProperty(ref.slice(22, -1));
    const body = res.body.components.schemas.AutomationBody;
    expect(body.required).toEqual(expect.arrayContaining(['name', 'trigger']));
    expect(body.properties.nodes.type).toBe('array');
  });

  it('refuses bodies above the limit with 413', async () => {
    h = await startHarness({ app: { bodyLimit: 10_000 } });
    const res = await h.api('POST', '/api/automations', {
      body: manualAutomation({ description: 'x'.repeat(20_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('Le corps de la requête est trop volumineux');

    // Without Content-Length (chunked), the body is counted as it arrives.
    const chunk = new TextEncoder().encode(JSON.stringify({ name: 'x'.repeat(6000) }));
    const chunkedBody = (parts: number): ReadableStream<Uint8Array> =>
      new ReadableStream({
        start(controller) {
          for (let i = 0; i < parts; i++) controller.enqueue(chunk);
          controller.close();
        },
      });
    const init = (parts: number): RequestInit & { duplex: 'half' } => ({
      method: 'POST',
      headers: { authorization: `Bearer ${h!.tokenA}`, 'content-type': 'application/json' },
      body: chunkedBody(parts),
      duplex: 'half',
    });
    // On a real socket: the declared Content-Length (above) and a chunked body are both counted.
    const url = await h.listen();
    const declared = await fetch(`${url}/api/automations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokenA}`, 'content-type': 'application/json' },
      body: JSON.stringify(manualAutomation({ description: 'x'.repeat(20_000) })),
    });
    expect(declared.status).toBe(413);
    expect((await fetch(`${url}/api/automations`, init(3))).status).toBe(413);
    const small = await fetch(`${url}/api/automations`, init(1));
    expect(small.status).toBe(400);
  });

  it('answers unknown API routes with a JSON 404 and serves the French placeholder page', async () => {
    h = await startHarness();
    const missing = await h.api('GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('Route inconnue');
    const page = await h.fetch('/');
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Le serveur d’automatisations SWIGS fonctionne');
  });

  it('serves the built UI as a single-page app without leaving its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swigs-ui-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>UI</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, '..', 'secret-outside.txt'), 'nope');
    try {
      h = await startHarness({ app: { uiDir: dir } });
      // A real socket: the raw path reaches the server without URL normalization.
      const url = await h.listen();
      expect(await (await fetch(`${url}/`)).text()).toContain('<title>UI</title>');
      const js = await fetch(`${url}/assets/app.js`);
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      expect(await (await fetch(`${url}/automations/42`)).text()).toContain('<title>UI</title>');
      const outside = await fetch(`${url}/%2e%2e/secret-outside.txt`);
      expect(await outside.text()).not.toContain('nope');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(dir, '..', 'secret-outside.txt'), { force: true });
    }
  });

  it('streams the tenant’s run events over server-sent events', async () => {
    h = await startHarness();
    const automation = await h.api('POST', '/api/automations', { body: manualAutomation() });
    const other = await h.api('POST', '/api/automations', { body: manualAutomation(), token: h.tokenB });
    const controller = new AbortController();
    const url = await h.listen();
    const res = await fetch(`${url}/api/events?access_token=${h.tokenA}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const readUntil = async (needle: string): Promise<void> => {
      while (!buffer.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value);
      }
    };
    await readUntil('event: ready');
    await h.api('POST', `/api/automations/${other.body.id}/run`, { body: {}, token: h.tokenB });
    await h.api('POST', `/api/automations/${automation.body.id}/run`, { body: {} });
    await readUntil('event: run.completed');
    controller.abort();
    expect(buffer).toContain('event: run.created');
    expect(buffer).toContain(automation.body.id);
    expect(buffer).not.toContain(other.body.id);
  });
});
