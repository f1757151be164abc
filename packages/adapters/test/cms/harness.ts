import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createEngine,
  createRegistry,
  defineNode,
  silentLogger,
  type Engine,
  type Logger,
  type Store,
} from '@swigs/automation-core';
import { customerCreated, orderCreated, orderDelivered, orderPaid, orderShipped } from '@swigs/automation-nodes';
import { createCmsBridge, type CmsBridge, type CmsBridgeOptions } from '@swigs/automation-adapters/cms';
import { z } from 'zod';

export const TOKEN = 'svc_live_7c1f0b2e9a4d4f61b0c5e8d2a9f3c6e1';
export const SECRET = 'whsec_3b8e1f6a2c9d4e7f0a1b2c3d4e5f6071';
export const USER = 'agence-swigs';

/** Every event type the bridge fires, with the trigger node the engine matches it to. */
const TRIGGERS = [orderCreated, orderPaid, orderShipped, orderDelivered, customerCreated] as const;

/** One executed run of the recording action: which event, about which record. */
export interface Recorded {
  eventType: string;
  id: string;
  status: string;
}

/**
 * The real engine on a real store, with one active automation per CMS trigger whose only step records the
 * run. `count(key)` says how many runs the event `<eventType>:<id>:<status>` started.
 */
export interface EngineUnderTest {
  engine: Engine;
  store: Store;
  recorded: Recorded[];
  counts: Map<string, number>;
  fire: Engine['fire'];
}

/** Builds the engine with the recording automations (saved once per store). */
export async function createEngineUnderTest(store: Store, options: { logger?: Logger } = {}): Promise<EngineUnderTest> {
  const recorded: Recorded[] = [];
  const counts = new Map<string, number>();
  const record = defineNode({
    type: 'test.record',
    kind: 'action',
    version: 1,
    title: { fr: 'Enregistrer', en: 'Record' },
    configSchema: z.object({ eventType: z.string() }),
    execute: ({ config, data }) => {
      const payload = data.trigger as { orderId?: string; customerId?: string; status?: string };
      const entry = {
        eventType: config.eventType,
        id: payload.orderId ?? payload.customerId ?? '?',
        status: payload.orderId ? (payload.status ?? '?') : 'created',
      };
      recorded.push(entry);
      const key = `${entry.eventType}:${entry.id}:${entry.status}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return { output: { recorded: key } };
    },
  });
  const registry = createRegistry([...TRIGGERS, record]);
  const engine = createEngine({ store, registry, logger: options.logger ?? silentLogger });
  for (const trigger of TRIGGERS) {
    const id = `cms-${trigger.type}`;
    if (await store.automations.get(USER, id)) continue;
    await store.automations.save({
      id,
      userId: USER,
      name: `Enregistre ${trigger.type}`,
      description: '',
      isActive: true,
      trigger: { type: trigger.type, config: {} },
      nodes: [
        {
          id: 'record',
          type: 'test.record',
          position: { x: 0, y: 0 },
          config: { eventType: trigger.type },
          connections: [],
        },
      ],
      version: 1,
      stats: { totalRuns: 0, successfulRuns: 0, failedRuns: 0, lastRunAt: null, lastError: null },
    });
  }
  return {
    engine,
    store,
    recorded,
    counts,
    fire: (type, payload, fireOptions) => engine.fire(type, payload, fireOptions),
  };
}

/** A bridge on the stand-in with fast retries; any option may be overridden. */
export function bridgeFor(apiUrl: string, under: EngineUnderTest, options: Partial<CmsBridgeOptions> = {}): CmsBridge {
  return createCmsBridge({
    apiUrl,
    token: TOKEN,
    store: under.store,
    fire: under.fire,
    webhookSecret: SECRET,
    retry: { retries: 8, minTimeoutMs: 5, maxTimeoutMs: 50 },
    ...options,
  });
}

/** A log line as a recording logger keeps it. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/** A logger that keeps every line, so tests can read what was logged. */
export function createRecordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, message, ...(fields ? { fields } : {}) });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The workflow server's `POST /api/hooks/cms`, reduced to what it does: raw body and headers to `handleWebhook`. */
export async function startHookServer(bridge: () => CmsBridge): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers))
        headers[name] = Array.isArray(value) ? value.join(',') : value;
      bridge()
        .handleWebhook(new Uint8Array(Buffer.concat(chunks)), headers)
        .then(
          (result) => {
            res.writeHead(result.status, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ fired: result.fired, ...(result.error ? { error: result.error } : {}) }));
          },
          (error: unknown) => {
            res.writeHead(503, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: String(error) }));
          },
        );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/hooks/cms`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Keys `<eventType>:<orderId>:<status>` of the mapped order states a list of served states implies. */
export function orderKey(id: string, status: string): string | null {
  const events: Record<string, string> = {
    pending: 'order.created',
    paid: 'order.paid',
    shipped: 'order.shipped',
    delivered: 'order.delivered',
  };
  const eventType = events[status];
  return eventType ? `${eventType}:${id}:${status}` : null;
}
