import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness';

// On a socket the webhook URL is answered on node:http before hono (createRequestListener's fast path); in
// process (`app.request`) by the hono route. Both must give the same answers: status, headers and body.
const SECRET = 'fast-path-secret-value-123456';
const secrets = (name: string): string | undefined => (name === 'WEBHOOK_SECRET_FAST' ? SECRET : undefined);

const answering = {
  name: 'Réponse au webhook',
  isActive: true,
  trigger: {
    type: 'webhook.received',
    config: { secretRef: 'WEBHOOK_SECRET_FAST', responseMode: 'when_finished', methods: ['POST', 'PUT'] },
  },
  nodes: [
    {
      id: 'answer',
      type: 'respond_webhook',
      config: {
        status: 201,
        headers: { 'X-Order': '{{trigger.body.id}}', 'Referrer-Policy': 'no-referrer' },
        contentType: 'text/plain; charset=utf-8',
        body: 'Merci {{trigger.body.name}} ({{trigger.query.ref}})',
      },
    },
  ],
};
const accepting = {
  name: 'Webhook accepté',
  isActive: true,
  trigger: { type: 'webhook.received', config: { secretRef: 'WEBHOOK_SECRET_FAST', methods: ['POST', 'DELETE'] } },
  nodes: [{ id: 't', type: 'transform', config: { fields: { who: '{{trigger.body.name}}' } } }],
};
const lastOutput = {
  name: 'Dernière sortie',
  isActive: true,
  trigger: { type: 'webhook.received', config: { secretRef: 'WEBHOOK_SECRET_FAST', responseMode: 'when_finished' } },
  nodes: [{ id: 't', type: 'transform', config: { fields: { who: '{{trigger.body.name}}' } } }],
};

interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Headers that differ by transport, not by answer (an in-process Response has no length). */
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the webhook URL on a socket', () => {
  it('answers every case as the in-process app does', async () => {
    h = await startHarness({ app: { secrets, authFailures: { maxFailures: 1000 } } });
    const ids: string[] = [];
    for (const automation of [answering, accepting, lastOutput]) {
      const saved = await h.api('POST', '/api/automations', { body: automation });
      expect(saved.status).toBe(201);
      ids.push(saved.body.id as string);
    }
    const [answeringId, acceptingId, lastOutputId] = ids as [string, string, string];
    const base = await h.listen();
    const json = { 'content-type': 'application/json' };
    const signed = { ...json, 'x-webhook-secret': SECRET };
    const cases: Sent[] = [
      {
        method: 'POST',
        path: `/api/hooks/webhook/${answeringId}?ref=A%2B1&tag=x&tag=y`,
        headers: signed,
        body: '{"id":42,"name":"Zoé"}',
      },
      { method: 'PUT', path: `/api/hooks/webhook/${answeringId}?secret=${SECRET}&ref=q`, headers: json, body: '{}' },
      // A byte order mark before the JSON, as some clients send.
      { method: 'POST', path: `/api/hooks/webhook/${lastOutputId}`, headers: signed, body: '\uFEFF{"name":"Léa"}' },
      { method: 'POST', path: `/api/hooks/webhook/${acceptingId}`, headers: signed, body: '{"name":"Noé"}' },
      { method: 'DELETE', path: `/api/hooks/webhook/${acceptingId}`, headers: { 'x-webhook-secret': SECRET } },
      { method: 'POST', path: `/api/hooks/webhook/${acceptingId}`, headers: signed },
      // Refusals, in French and in English.
      { method: 'POST', path: `/api/hooks/webhook/${acceptingId}`, headers: { ...json, 'x-webhook-secret': 'no' } },
      {
        method: 'POST',
        path: `/api/hooks/webhook/${acceptingId}`,
        headers: { ...json, 'x-webhook-secret': 'no', 'accept-language': 'en-GB,en;q=0.9' },
      },
      { method: 'POST', path: '/api/hooks/webhook/00000000-0000-7000-8000-000000000000', headers: signed },
      { method: 'GET', path: `/api/hooks/webhook/${acceptingId}`, headers: signed },
      { method: 'PATCH', path: `/api/hooks/webhook/${answeringId}`, headers: { ...signed, 'accept-language': 'en' } },
      { method: 'POST', path: `/api/hooks/webhook/${acceptingId}`, headers: signed, body: '{"name":' },
      { method: 'POST', path: `/api/hooks/webhook/${acceptingId}`, headers: signed, body: '{"__proto__":{"x":1}}' },
      {
        method: 'POST',
        path: `/api/hooks/webhook/${acceptingId}`,
        headers: { ...signed, 'idempotency-key': 'x'.repeat(300), 'accept-language': 'en' },
        body: '{}',
      },
      { method: 'POST', path: `/api/hooks/webhook/${acceptingId}`, headers: signed, body: 'x'.repeat(1024 * 1024 + 1) },
      // Paths the fast path leaves to the app.
      { method: 'POST', path: `/api/hooks/webhook/${encodeURIComponent(acceptingId)}%20`, headers: signed, body: '{}' },
      { method: 'POST', path: `/api/hooks/webhook/${acceptingId}/more`, headers: signed, body: '{}' },
      { method: 'HEAD', path: `/api/hooks/webhook/${acceptingId}`, headers: signed },
    ];
    for (const sent of cases) {
      const inProcess = await viaApp(h, sent);
      const onSocket = await viaSocket(base, sent);
      if (sent.method !== 'HEAD')
        expect(onSocket.headers['content-length']).toBe(String(Buffer.byteLength(onSocket.body)));
      expect(normalised(onSocket), `${sent.method} ${sent.path}`).toEqual(normalised(inProcess));
    }
    // The answers did what they say: the first case rendered its template from the body and the decoded query.
    const first = await viaSocket(base, cases[0] as Sent);
    expect(first.status).toBe(201);
    expect(first.body).toBe('Merci Zoé (A+1)');
    expect(first.headers['x-order']).toBe('42');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    expect(first.headers['content-security-policy']).toContain("default-src 'self'");
    const refused = await viaSocket(base, cases[7] as Sent);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'bad_signature', issues: [] });
    const invalidKey = await viaSocket(base, cases[13] as Sent);
    expect(invalidKey.status).toBe(400);
    expect(JSON.parse(invalidKey.body).issues[0].path).toEqual(['idempotency-key']);
    const tooLarge = await viaSocket(base, cases[14] as Sent);
    expect(tooLarge.status).toBe(413);
  });

  it('stores the call as the in-process app does: method, forwarded headers, query without the secret, body', async () => {
    h = await startHarness({ app: { secrets } });
    const saved = await h.api('POST', '/api/automations', { body: accepting });
    const id = saved.body.id as string;
    const base = await h.listen();
    const sent: Sent = {
      method: 'POST',
      path: `/api/hooks/webhook/${id}?secret=${SECRET}&a=1&a=2&b=%C3%A9+x&flag`,
      // A repeated header reads as the Fetch API joins it.
      headers: { 'content-type': 'application/json', 'user-agent': ['boutique/1', 'relais/2'], 'x-private': 'no' },
      body: '{"name":"Zoé"}',
    };
    const inProcess = JSON.parse((await viaApp(h, sent)).body).runId as string;
    const onSocket = JSON.parse((await viaSocket(base, sent)).body).runId as string;
    const triggerOf = async (runId: string): Promise<unknown> => {
      const run = await h!.api('GET', `/api/automation-runs/${runId}`);
      expect(run.status).toBe(200);
      const { receivedAt: _receivedAt, ...rest } = run.body.triggerData as Record<string, unknown>;
      return rest;
    };
    const stored = await triggerOf(onSocket);
    expect(stored).toEqual({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'boutique/1, relais/2' },
      query: { a: '1', b: 'é x', flag: '' },
      body: { name: 'Zoé' },
    });
    expect(stored).toEqual(await triggerOf(inProcess));
  });

  it('refuses a chunked body past the limit with 413 and counts failures per client until 429', async () => {
    h = await startHarness({ app: { secrets, bodyLimit: 1000, authFailures: { maxFailures: 2 } } });
    const saved = await h.api('POST', '/api/automations', { body: accepting });
    const id = saved.body.id as string;
    const base = await h.listen();
    const chunked = await viaSocket(base, {
      method: 'POST',
      path: `/api/hooks/webhook/${id}`,
      headers: { 'content-type': 'application/json', 'x-webhook-secret': SECRET, 'transfer-encoding': 'chunked' },
      body: JSON.stringify({ name: 'x'.repeat(5000) }),
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).code).toBe('payload_too_large');
    const wrong: Sent = { method: 'POST', path: `/api/hooks/webhook/${id}`, headers: { 'x-webhook-secret': 'no' } };
    expect((await viaSocket(base, wrong)).status).toBe(401);
    expect((await viaSocket(base, wrong)).status).toBe(401);
    const blocked = await viaSocket(base, { ...wrong, headers: { 'x-webhook-secret': SECRET } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // In process the client is another one ("unknown"): not blocked.
    expect((await viaApp(h, { ...wrong, headers: { 'x-webhook-secret': SECRET } })).status).toBe(202);
  });
});

async function viaApp(harness: Harness, sent: Sent): Promise<Answer> {
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(sent.headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) headers.push([name, one]);
  }
  const res = await harness.fetch(sent.path, {
    method: sent.method,
    headers,
    ...(sent.body === undefined ? {} : { body: sent.body }),
  });
  const answered: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    answered[name] = value;
  });
  return { status: res.status, headers: answered, body: await res.text() };
}

/** A request on node:http, so that the bytes sent are exactly `sent` (fetch would add its own headers). */
function viaSocket(base: string, sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${sent.path}`, { method: sent.method, headers: sent.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (sent.body !== undefined && sent.headers?.['transfer-encoding'] === 'chunked') {
      // Sent in pieces, so no Content-Length is declared.
      for (let i = 0; i < sent.body.length; i += 512) req.write(sent.body.slice(i, i + 512));
      req.end();
    } else {
      req.end(sent.body);
    }
  });
}

/** The answer with what differs between two runs (run ids, transport headers) taken out. */
function normalised(answer: Answer): Answer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (TRANSPORT_HEADERS.has(name)) continue;
    headers[name] = name === 'x-run-id' ? '<run id>' : value;
  }
  const body = answer.body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<run id>');
  return { status: answer.status, headers, body };
}
