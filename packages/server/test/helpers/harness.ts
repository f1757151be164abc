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
  createInvoicingRoutes,
  createRequestListener,
  type ApiRouter,
  type AppDeps,
  type Authenticator,
  type AuthenticatorOptions,
} from '../../src/index';
import type { InvoiceLinks } from '../../src/invoicing/public-links';
import { createSampleListeners, listeningFire } from '../../src/samples/index';
import { readResponse } from './read-response';

export const LOCAL_PASSWORD = 'mot-de-passe-local';
export const SERVICE_TOKEN = 'svc-task-0123456789abcdef';
export const CMS_WEBHOOK_SECRET = 'cms-webhook-secret-0123456789';
export const UNSUBSCRIBE_SECRET = 'unsubscribe-secret-0123456789';
export const UNSUBSCRIBE_BASE = 'https://workflow.example.ch/api/unsubscribe';

/** One automation event the invoicing routes handed to the engine. */
export interface FiredEvent {
  type: string;
  payload: Record<string, unknown>;
  userId: string | undefined;
}

/**
 * The server's own app (`createApp`: authentication, body limit, the one error mapping, the invoicing routes
 * mounted as the server mounts them) over a real engine with the real nodes, called in process with
 * `app.request()`. `listen()` puts it on a real socket for what needs one (server-sent events, chunked bodies).
 */
export interface Harness {
  app: ApiRouter;
  store: Store;
  engine: Engine;
  clock: FakeClock;
  mail: MailPort;
  authenticator: Authenticator;
  /** Local-login tokens of tenants `tenant-a` and `tenant-b`. */
  tokenA: string;
  tokenB: string;
  /** Every event the invoicing routes handed to the engine, in order. */
  fired: FiredEvent[];
  /** Calls the API in process; `token` defaults to tenant A's; `body` is the parsed JSON answer, if any. */
  api(method: string, path: string, options?: ApiOptions): Promise<ApiResponse>;
  /** A raw request in process (`app.request`). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Headers that authenticate as `userId` (the service token plus X-Swigs-User). */
  auth(userId: string): Record<string, string>;
  /** Sends JSON as `userId`; the answer's JSON, or its text, or null when empty. */
  call<T = any>(userId: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Serves the app on 127.0.0.1 (an ephemeral port) and answers its base URL; closed by `close()`. */
  listen(): Promise<string>;
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
  store?: Store;
  clock?: FakeClock;
  /** An engine built by the test (its own ports); the harness stops it on close. */
  engine?: Engine;
  /** Signed invoice links: mounts the public PDF route. */
  invoiceLinks?: InvoiceLinks;
}

/** The app over the memory store (or `store`), a fake clock, the outbox and the real nodes, in process. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = options.clock ?? createFakeClock('2026-03-02T08:00:00Z');
  const store = options.store ?? createMemoryStore();
  const mail = createOutboxMail({ store, clock });
  const engine =
    options.engine ??
    createEngine({
      store,
      registry: createDefaultRegistry(),
      clock,
      ports: {
        mail,
        email: {
          from: 'Boutique <info@boutique.ch>',
          unsubscribe: { baseUrl: UNSUBSCRIBE_BASE, secret: UNSUBSCRIBE_SECRET },
        },
      },
      retry: { retries: 0 },
    });
  const authenticator = createAuthenticator({
    local: { secret: randomBytes(32), password: LOCAL_PASSWORD },
    serviceTokens: [{ name: 'swigs-task', token: SERVICE_TOKEN }],
    ...options.auth,
  });
  // CMS events go through "listen for the next event", as the server wires them.
  const listeners = createSampleListeners(store, clock);
  const cms = createCmsBridge({
    apiUrl: 'http://127.0.0.1:9/api',
    token: 'cms-token',
    enabled: false,
    webhookSecret: CMS_WEBHOOK_SECRET,
    store,
    fire: listeningFire(engine, listeners),
    clock,
  });
  const fired: FiredEvent[] = [];
  const observed: Pick<Engine, 'fire'> = {
    fire: (type, payload, fireOptions) => {
      fired.push({ type, payload: payload as Record<string, unknown>, userId: fireOptions?.userId });
      return engine.fire(type, payload, fireOptions);
    },
  };
  const app = createApp({
    store,
    engine,
    authenticator,
    clock,
    mail,
    cms,
    uiDir: null,
    listeners,
    unsubscribeSecret: UNSUBSCRIBE_SECRET,
    apiRoutes: [
      createInvoicingRoutes({
        store,
        engine: observed,
        clock,
        ...(options.invoiceLinks ? { links: options.invoiceLinks } : {}),
      }),
    ],
    ...options.app,
  });
  const tokenA = authenticator.mode === 'local' ? (await authenticator.issueLocalToken('tenant-a')).token : '';
  const tokenB = authenticator.mode === 'local' ? (await authenticator.issueLocalToken('tenant-b')).token : '';
  const request = async (path: string, init?: RequestInit): Promise<Response> => app.request(path, init);
  const auth = (userId: string): Record<string, string> => ({
    authorization: `Bearer ${SERVICE_TOKEN}`,
    'x-swigs-user': userId,
  });
  let server: Server | undefined;

  return {
    app,
    store,
    engine,
    clock,
    mail,
    authenticator,
    tokenA,
    tokenB,
    fired,
    fetch: request,
    auth,
    async api(method, path, opts = {}) {
      const token = opts.token === undefined ? tokenA : opts.token;
      const headers: Record<string, string> = {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...opts.headers,
      };
      let body: string | undefined;
      if (opts.raw !== undefined) body = opts.raw;
      else if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
      return readResponse(res);
    },
    async call(userId, method, path, body) {
      const response = await request(path, {
        method,
        headers: { ...auth(userId), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
      const text = await response.text();
      return { status: response.status, body: isJson && text ? JSON.parse(text) : text || null };
    },
    async listen() {
      server ??= createServer(createRequestListener(app));
      const listening = server;
      if (!listening.listening) await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    },
    async close() {
      if (server?.listening) {
        const open = server;
        open.closeAllConnections();
        await new Promise<void>((resolve) => open.close(() => resolve()));
      }
      await cms.close();
      await engine.stop();
      await store.close();
    },
  };
}

/** A valid "order.paid → wait 2 days → send_email" automation body. */
export function orderThanksAutomation(
  templateId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
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
