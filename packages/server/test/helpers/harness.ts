import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createEngine,
  createFakeClock,
  createMemoryStore,
  type Engine,
  type FakeClock,
  type MailPort,
  type Store,
} from '@swigs/automation-core';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { createOutboxMail } from '@swigs/automation-adapters/outbox';
import { createCmsBridge } from '@swigs/automation-adapters/cms';
import {
  createApp,
  createAuthenticator,
  createRequestListener,
  type AppDeps,
  type Authenticator,
  type AuthenticatorOptions,
} from '../../src/index';
import { createInvoicingRoutes } from '../../src/invoicing/index';

export const LOCAL_PASSWORD = 'mot-de-passe-local';
export const SERVICE_TOKEN = 'svc-task-0123456789abcdef';
export const CMS_WEBHOOK_SECRET = 'cms-webhook-secret-0123456789';
export const UNSUBSCRIBE_SECRET = 'unsubscribe-secret-0123456789';
export const UNSUBSCRIBE_BASE = 'https://workflow.example.ch/api/unsubscribe';

export interface Harness {
  url: string;
  store: Store;
  engine: Engine;
  clock: FakeClock;
  mail: MailPort;
  authenticator: Authenticator;
  tokenA: string;
  tokenB: string;
  /** Calls the API; `token` defaults to tenant A's. */
  api(method: string, path: string, options?: ApiOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface ApiOptions {
  token?: string | null;
  body?: unknown;
  /** Sent as is (no JSON encoding). */
  raw?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface HarnessOptions {
  auth?: Partial<AuthenticatorOptions>;
  app?: Partial<AppDeps>;
}

/** A real server on 127.0.0.1:0 over the memory store, a fake clock, the outbox and the real nodes. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = createFakeClock('2026-03-02T08:00:00Z');
  const store = createMemoryStore();
  const mail = createOutboxMail({ store, clock });
  const engine = createEngine({
    store,
    registry: createDefaultRegistry(),
    clock,
    ports: { mail, email: { from: 'Boutique <info@boutique.ch>', unsubscribe: { baseUrl: UNSUBSCRIBE_BASE, secret: UNSUBSCRIBE_SECRET } } },
    retry: { retries: 0 },
  });
  const authenticator = createAuthenticator({
    local: { secret: randomBytes(32), password: LOCAL_PASSWORD },
    serviceTokens: [{ name: 'swigs-task', token: SERVICE_TOKEN }],
    ...options.auth,
  });
  const cms = createCmsBridge({
    apiUrl: 'http://127.0.0.1:9/api',
    token: 'cms-token',
    enabled: false,
    webhookSecret: CMS_WEBHOOK_SECRET,
    store,
    fire: (type, payload, opts) => engine.fire(type, payload, opts),
    clock,
  });
  const app = createApp({
    store,
    engine,
    authenticator,
    clock,
    mail,
    cms,
    uiDir: null,
    unsubscribeSecret: UNSUBSCRIBE_SECRET,
    apiRoutes: [createInvoicingRoutes({ store, engine, clock })],
    ...options.app,
  });
  const server: Server = createServer(createRequestListener(app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokenA = authenticator.mode === 'local' ? (await authenticator.issueLocalToken('tenant-a')).token : '';
  const tokenB = authenticator.mode === 'local' ? (await authenticator.issueLocalToken('tenant-b')).token : '';

  const api = async (method: string, path: string, opts: ApiOptions = {}): Promise<ApiResponse> => {
    const token = opts.token === undefined ? tokenA : opts.token;
    const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...opts.headers };
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };

  return {
    url,
    store,
    engine,
    clock,
    mail,
    authenticator,
    tokenA,
    tokenB,
    api,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cms.close();
      await engine.stop();
      await store.close();
    },
  };
}

/** A valid "order.paid → wait 2 days → send_email" automation body. */
export function orderThanksAutomation(templateId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Merci après paiement',
    description: 'Remercie le client deux jours après le paiement',
    isActive: true,
    trigger: { type: 'order.paid', config: {} },
    nodes: [
      { id: 'wait-2d', type: 'wait', config: { duration: 2, unit: 'days' }, connections: [{ targetId: 'thanks' }] },
      { id: 'thanks', type: 'send_email', config: { templateId, to: '{{trigger.customer.email}}' }, connections: [] },
    ],
    ...overrides,
  };
}

/** A manual automation with no waits. */
export function manualAutomation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Manuelle',
    isActive: true,
    trigger: { type: 'manual', config: {} },
    nodes: [],
    ...overrides,
  };
}

/** A template body. */
export function thanksTemplate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Merci',
    subject: 'Merci pour votre commande {{trigger.orderNumber}}',
    body: '<p>Bonjour {{trigger.customer.firstName}}, merci !</p>',
    category: 'transactional',
    ...overrides,
  };
}
