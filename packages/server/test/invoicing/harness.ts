import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { createFakeClock, createMemoryStore, silentLogger, type Engine, type FakeClock, type Store } from '@swigs/automation-core';
import { createErrorHandler } from '../../src/http/error-handler';
import type { AppEnv } from '../../src/http/env';
import { pickLang } from '../../src/http/i18n';
import { createInvoicingRoutes } from '../../src/invoicing/index';

/** One automation event the invoicing module fired. */
export interface FiredEvent {
  type: string;
  payload: Record<string, unknown>;
  userId: string | undefined;
}

/** A running invoicing API on 127.0.0.1 with a per-request tenant. */
export interface Harness {
  store: Store;
  clock: FakeClock;
  fired: FiredEvent[];
  baseUrl: string;
  /** Sends a JSON request as `userId` and parses the JSON answer. */
  call: <T = any>(userId: string, method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  close: () => Promise<void>;
}

/**
 * Mounts the invoicing routes like the server does (under /api, tenant from authentication, the server's error
 * handler), on a real HTTP server. The tenant comes from an `x-test-user` header instead of a token.
 */
export async function startHarness(options: { store?: Store; engine?: Pick<Engine, 'fire'>; clock?: FakeClock } = {}): Promise<Harness> {
  const store = options.store ?? createMemoryStore();
  const clock = options.clock ?? createFakeClock('2026-03-05T09:00:00Z');
  const fired: FiredEvent[] = [];
  const engine: Pick<Engine, 'fire'> = options.engine ?? {
    fire: async (type, payload, fireOptions) => {
      fired.push({ type, payload: payload as Record<string, unknown>, userId: fireOptions?.userId });
      return [];
    },
  };
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(silentLogger));
  app.use('*', async (c, next) => {
    c.set('lang', pickLang(c.req.header('accept-language')));
    const userId = c.req.header('x-test-user');
    if (!userId) return c.json({ error: 'unauthorized' }, 401);
    c.set('userId', userId);
    await next();
  });
  app.route('/api', createInvoicingRoutes({ store, engine, clock }));

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    store,
    clock,
    fired,
    baseUrl,
    async call(userId, method, path, body) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { 'x-test-user': userId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
      const text = await response.text();
      return { status: response.status, body: isJson && text ? JSON.parse(text) : text || null };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/** Settings of a QR-IBAN creditor in Lausanne. */
export const QR_IBAN_SETTINGS = {
  companyName: 'SWIGS Sàrl',
  address: { street: 'Rue de Bourg', buildingNumber: '12', postalCode: '1003', town: 'Lausanne', country: 'CH' },
  vatNumber: 'CHE-123.456.789 TVA',
  iban: 'CH44 3199 9123 0008 8901 2',
  email: 'facturation@swigs.ch',
  defaultVatRate: 8.1,
  paymentTermsDays: 30,
};

/** A structured client address. */
export const CLIENT = {
  name: 'Boulangerie Favre SA',
  street: 'Avenue de la Gare',
  buildingNumber: '5',
  postalCode: '1950',
  town: 'Sion',
  country: 'CH',
  email: 'compta@favre.ch',
};
