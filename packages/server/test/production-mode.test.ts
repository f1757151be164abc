import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { mongoUrl } from '@swigs/test-services/mongodb';
import { MongoClient } from 'mongodb';
import { SignJWT } from 'jose';
import { createServer as createHttpServer, type Server } from 'node:http';
import { signCmsWebhook } from '@swigs/automation-adapters/cms';
import { createServer, loadConfig, type SwigsServer } from '../src/index';
import { createJsonLogger } from '../src/runtime/logger';

const MONGODB_URL = mongoUrl;
const HUB_SECRET = 'swigs-hub-secret-for-production-test';
const folder = mkdtempSync(join(tmpdir(), 'swigs-prod-'));
const dbName = `swigs_server_test_${process.pid}_${Date.now()}`;
const inbox: ParsedMail[] = [];
const CMS_TOKEN = 'cms-service-token-0123456789';
const CMS_WEBHOOK_SECRET = 'cms-webhook-secret-production-0123';
const cmsRequests: { url: string; authorization: string | undefined }[] = [];
let cms: Server;
let smtp: SMTPServer;
let server: SwigsServer;
let url = '';

beforeAll(async () => {
  if (!MONGODB_URL) return;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        inbox.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  // A stand-in for swigs-cms-backend's API: no orders or customers yet.
  cms = createHttpServer((req, res) => {
    cmsRequests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: [] }));
  });
  await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
  const cmsUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}/api`;
  const config = loadConfig(
    {
      MONGODB_URL,
      MONGODB_DB: dbName,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Agence <info@agence.ch>',
      SSO_JWT_SECRET: HUB_SECRET,
      SSO_ISSUER: 'https://hub.swigs.ch',
      SSO_AUDIENCE: 'swigs-workflow',
      CMS_API_URL: cmsUrl,
      CMS_SERVICE_TOKEN: CMS_TOKEN,
      CMS_WEBHOOK_SECRET,
      LOG_LEVEL: 'silent',
    },
    { port: 0, dataDir: join(folder, 'data') },
  );
  server = await createServer({ config, log: createJsonLogger({ level: 'silent' }) });
  url = (await server.listen()).url;
});

afterAll(async () => {
  await server?.close();
  if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()));
  if (cms) await new Promise<void>((resolve) => cms.close(() => resolve()));
  if (MONGODB_URL) {
    const client = await MongoClient.connect(MONGODB_URL);
    await client.db(dbName).dropDatabase();
    await client.close();
  }
  rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(!MONGODB_URL)('production configuration', () => {
  it('runs on MongoDB with SMTP delivery behind SSO', async () => {
    expect(server.store.name).toBe('mongodb');
    expect(server.authenticator.mode).toBe('sso');
    expect(server.local).toBeUndefined();
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('hub-42')
      .setIssuer('https://hub.swigs.ch')
      .setAudience('swigs-workflow')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(HUB_SECRET));
    const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
      const res = await fetch(url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: await res.json() };
    };
    expect((await call('GET', '/readyz')).body).toMatchObject({ status: 'ready', store: 'mongodb' });
    const template = await call('POST', '/api/email-templates', {
      name: 'Suivi',
      subject: 'Votre projet avance',
      body: '<p>Étape franchie à {{trigger.note}}.</p>',
    });
    expect(template.status).toBe(201);
    const automation = await call('POST', '/api/automations', {
      name: 'Suivi client',
      isActive: true,
      trigger: { type: 'manual', config: {} },
      nodes: [{ id: 'mail', type: 'send_email', config: { templateId: template.body.id, to: 'client@example.ch' } }],
    });
    expect(automation.status).toBe(201);
    const run = await call('POST', `/api/automations/${automation.body.id}/run`, { payload: { note: 'Zürich' } });
    expect(run.body.status).toBe('completed');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.subject).toBe('Votre projet avance');
    expect(inbox[0]!.html).toContain('Étape franchie à Zürich.');
    expect(inbox[0]!.from?.text).toContain('info@agence.ch');
    expect((await call('GET', '/api/automations')).body.total).toBe(1);
    expect((await fetch(`${url}/api/auth/local-login`, { method: 'POST', body: '{"password":"x"}' })).status).toBe(404);
  });

  it('starts the CMS poller with the service token and accepts signed CMS webhooks', async () => {
    for (let i = 0; i < 50 && !cmsRequests.some((r) => r.url.startsWith('/api/orders')); i++)
      await new Promise((r) => setTimeout(r, 100));
    const poll = cmsRequests.find((r) => r.url.startsWith('/api/orders'));
    expect(poll?.url).toMatch(/updatedSince=/);
    expect(poll?.authorization).toBe(`Bearer ${CMS_TOKEN}`);
    const raw = JSON.stringify({
      event: 'order.updated',
      data: { _id: 'o-1', status: 'paid', updatedAt: new Date().toISOString(), customer: { email: 'a@example.ch' } },
    });
    const signed = await fetch(`${url}/api/hooks/cms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signCmsWebhook(CMS_WEBHOOK_SECRET, raw) },
      body: raw,
    });
    expect(signed.status).toBe(200);
    expect(((await signed.json()) as { fired: number }).fired).toBe(1);
    const unsigned = await fetch(`${url}/api/hooks/cms`, { method: 'POST', body: raw });
    expect(unsigned.status).toBe(401);
  });
});
