import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import {
  createEngine,
  createFakeClock,
  createMemoryStore,
  type Engine,
  type FakeClock,
  type Store,
} from '@swigs/automation-core';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { createAuthenticator } from '../../src/auth/authenticator';
import { createApp } from '../../src/http/app';
import { createInvoicingRoutes } from '../../src/invoicing/index';

/** One automation event the invoicing module fired. */
export interface FiredEvent {
  type: string;
  payload: Record<string, unknown>;
  userId: string | undefined;
}

/** A running swigs-workflow app on 127.0.0.1 with the invoicing routes mounted. */
export interface Harness {
  store: Store;
  clock: FakeClock;
  engine: Engine;
  /** Every event the invoicing module handed to the engine, in order. */
  fired: FiredEvent[];
  baseUrl: string;
  /** Headers that authenticate as `userId` (a service token plus X-Swigs-User). */
  auth: (userId: string) => Record<string, string>;
  /** Sends a JSON request as `userId` and parses a JSON answer. */
  call: <T = any>(userId: string, method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  close: () => Promise<void>;
}

const SERVICE_TOKEN = 'invoicing-tests-service-token-0123456789';

/**
 * The server's own app (`createApp`: authentication, body limit, the one error mapping) with the invoicing routes
 * mounted under /api as the server mounts them, on a real HTTP server. The engine is real; `fired` records what
 * the invoicing module hands to it.
 */
export async function startHarness(options: { store?: Store; engine?: Engine; clock?: FakeClock } = {}): Promise<Harness> {
  const store = options.store ?? createMemoryStore();
  const clock = options.clock ?? createFakeClock('2026-03-05T09:00:00Z');
  const engine = options.engine ?? createEngine({ store, registry: createDefaultRegistry(), clock });
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
    clock,
    authenticator: createAuthenticator({
      local: { secret: new TextEncoder().encode('invoicing-tests-local-secret-0123456789'), password: 'x'.repeat(16) },
      serviceTokens: [{ name: 'tests', token: SERVICE_TOKEN }],
    }),
    uiDir: null,
    apiRoutes: [createInvoicingRoutes({ store, engine: observed, clock })],
  });

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const auth = (userId: string): Record<string, string> => ({ authorization: `Bearer ${SERVICE_TOKEN}`, 'x-swigs-user': userId });

  return {
    store,
    clock,
    engine,
    fired,
    baseUrl,
    auth,
    async call(userId, method, path, body) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { ...auth(userId), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
      const text = await response.text();
      return { status: response.status, body: isJson && text ? JSON.parse(text) : text || null };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.stop();
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
