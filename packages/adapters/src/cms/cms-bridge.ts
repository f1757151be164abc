import { AdapterError, createSystemClock, silentLogger } from '@swigs/automation-core';
import { createCmsClient } from './cms-client';
import { readCmsCustomer } from './cms-customer';
import { readCmsOrder } from './cms-order';
import { createEventSink, customerEventKeys, orderEventKeys, type CmsEvent } from './event-sink';
import { parseCmsBridgeSettings, type CmsBridgeOptions } from './options';
import { pollResource, type ResourcePollResult } from './poll-resource';
import { createStoreWindow } from './store-window';
import { createTokenBucket } from './token-bucket';
import { createWebhookHandler, type CmsSkip, type CmsWebhookResult } from './webhook';

/** Counts of one resource in one poll. */
export interface ResourcePollCounts extends ResourcePollResult {
  /** Events handed to the engine. */
  fired: number;
  /** Records whose event was already delivered (or, for customers, created before the bridge's origin). */
  skipped: number;
  /** Orders with a status the bridge does not map (logged). */
  unknownStatus: number;
  /** Records failing validation (logged). */
  invalid: number;
}

/** What `pollOnce` did. */
export interface PollResult {
  orders: ResourcePollCounts;
  customers: ResourcePollCounts;
  /** HTTP requests of this poll, retries included. */
  requests: number;
  durationMs: number;
}

/** The CMS data bridge: a poller and a signed-webhook endpoint feeding `engine.fire`. */
export interface CmsBridge {
  readonly name: 'cms';
  /** Polls now, then every `pollIntervalMs` after each poll ends. No-op when `enabled` is false or already started. */
  start(): void;
  /** Stops polling; an in-flight poll finishes its current page first. */
  stop(): Promise<void>;
  /** One full poll of orders then customers. Polls never overlap. Rejects with `AdapterError` when the CMS fails. */
  pollOnce(): Promise<PollResult>;
  /** For `POST /api/hooks/cms`: checks the signature, then fires like the poller. Rejects only if the engine fails. */
  handleWebhook(
    rawBody: string | Uint8Array,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<CmsWebhookResult>;
  /** Stops and releases the HTTP connections. Safe to call twice. */
  close(): Promise<void>;
}

/** Store cursor: newest order `updatedAt` processed (ISO). */
export const CMS_CURSOR_ORDERS = 'cms:orders';
/** Store cursor: newest customer `updatedAt` processed (ISO). */
export const CMS_CURSOR_CUSTOMERS = 'cms:customers';
/** The instant before which customers are not "created" for the bridge: first start minus the backfill. */
export const CMS_CURSOR_ORIGIN = 'cms:origin';

/**
 * Creates the CMS bridge. The server starts it when `CMS_API_URL` is set and mounts `POST /api/hooks/cms`
 * on `handleWebhook`.
 * @example
 * const bridge = createCmsBridge({ ...cmsBridgeOptionsFromEnv(process.env)!, store, fire: (t, p, o) => engine.fire(t, p, o), logger });
 * bridge.start();
 */
export function createCmsBridge(options: CmsBridgeOptions): CmsBridge {
  const settings = parseCmsBridgeSettings(options);
  const { store } = options;
  const clock = options.clock ?? createSystemClock();
  const logger = options.logger?.child?.({ component: 'cms-bridge' }) ?? options.logger ?? silentLogger;
  const bucket = createTokenBucket({
    capacity: settings.rateLimitPerMinute,
    windowMs: settings.rateLimitWindowMs,
    clock,
  });
  const client = createCmsClient({
    apiUrl: settings.apiUrl,
    token: settings.token,
    bucket,
    ...(settings.sharedRateLimit
      ? {
          shared: createStoreWindow({
            keys: store.keys,
            capacity: settings.rateLimitPerMinute,
            windowMs: settings.rateLimitWindowMs,
            holdMs: settings.rateLimitHoldMs,
          }),
          connectTimeoutMs: settings.rateLimitHoldMs,
        }
      : {}),
    clock,
    logger,
    requestTimeoutMs: settings.requestTimeoutMs,
    retry: settings.retry,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const sink = createEventSink({ store, fire: options.fire, ...(settings.userId ? { userId: settings.userId } : {}) });

  // Bumped by stop(): a poll that began under an older generation ends after its current page.
  let generation = 0;
  let closed = false;
  let closing: Promise<void> | null = null;
  let loop: Promise<void> | null = null;
  let loopAbort: AbortController | null = null;
  let pollChain: Promise<unknown> = Promise.resolve();

  const origin = async (): Promise<Date> => {
    const stored = await store.cursors.get(CMS_CURSOR_ORIGIN);
    if (stored !== null && !Number.isNaN(Date.parse(stored))) return new Date(stored);
    const value = new Date(clock.now().getTime() - settings.backfillMs);
    await store.cursors.set(CMS_CURSOR_ORIGIN, value.toISOString());
    return value;
  };

  const orderEvent = (raw: unknown): CmsEvent | CmsSkip => {
    const reading = readCmsOrder(raw, settings.amountUnit);
    if (reading.kind === 'invalid') {
      logger.warn('cms order skipped: invalid', { reason: reading.reason });
      return { skip: 'invalid', reason: reading.reason };
    }
    if (reading.kind === 'unknown-status') {
      logger.info('cms order skipped: status not mapped', { orderId: reading.orderId, status: reading.status });
      return { skip: 'unknown', reason: `status ${JSON.stringify(reading.status)} is not mapped` };
    }
    const { payload } = reading;
    return { eventType: reading.eventType, payload, ...orderEventKeys(payload.orderId, payload.status) };
  };

  const customerEvent = (raw: unknown, since: Date): CmsEvent | CmsSkip => {
    const reading = readCmsCustomer(raw);
    if (reading.kind === 'invalid') {
      logger.warn('cms customer skipped: invalid', { reason: reading.reason });
      return { skip: 'invalid', reason: reading.reason };
    }
    // An old customer edited recently is not a new customer.
    if (reading.createdAt && reading.createdAt < since) {
      return { skip: 'old', reason: `created ${reading.createdAt.toISOString()}, before ${since.toISOString()}` };
    }
    return { eventType: reading.eventType, payload: reading.payload, ...customerEventKeys(reading.payload.customerId) };
  };

  const deliverAll = async (events: CmsEvent[], counts: ResourcePollCounts): Promise<void> => {
    let next = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      while (!failed && next < events.length) {
        const event = events[next++] as CmsEvent;
        try {
          if (await sink.deliver(event)) counts.fired += 1;
          else counts.skipped += 1;
        } catch (error) {
          // The page is not done: the cursor stays before it and the next poll delivers the rest.
          failed = true;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(settings.fireConcurrency, events.length) }, worker));
  };

  const emptyCounts = (): ResourcePollCounts => ({
    fetched: 0,
    pages: 0,
    cursor: null,
    complete: false,
    fired: 0,
    skipped: 0,
    unknownStatus: 0,
    invalid: 0,
  });

  const runPoll = async (signal?: AbortSignal): Promise<PollResult> => {
    const started = performance.now();
    const requestsBefore = client.requests;
    const since = await origin();
    const orders = emptyCounts();
    const customers = emptyCounts();
    const common = {
      client,
      store,
      logger,
      lookbackMs: settings.lookbackMs,
      pageSize: settings.pageSize,
      initialSince: since,
    };
    const startedIn = generation;
    const shouldStop = (): boolean => closed || generation !== startedIn;

    Object.assign(
      orders,
      await pollResource({
        ...common,
        resource: 'orders',
        cursorName: CMS_CURSOR_ORDERS,
        shouldStop,
        ...(signal ? { signal } : {}),
        handlePage: async (records) => {
          const events: CmsEvent[] = [];
          for (const raw of records) {
            const event = orderEvent(raw);
            if (!('skip' in event)) events.push(event);
            else if (event.skip === 'invalid') orders.invalid += 1;
            else orders.unknownStatus += 1;
          }
          await deliverAll(events, orders);
        },
      }),
    );
    Object.assign(
      customers,
      await pollResource({
        ...common,
        resource: 'customers',
        cursorName: CMS_CURSOR_CUSTOMERS,
        shouldStop,
        ...(signal ? { signal } : {}),
        handlePage: async (records) => {
          const events: CmsEvent[] = [];
          for (const raw of records) {
            const event = customerEvent(raw, since);
            if (!('skip' in event)) events.push(event);
            else if (event.skip === 'invalid') customers.invalid += 1;
            else customers.skipped += 1;
          }
          await deliverAll(events, customers);
        },
      }),
    );
    const result: PollResult = {
      orders,
      customers,
      requests: client.requests - requestsBefore,
      durationMs: Math.round(performance.now() - started),
    };
    logger.info('cms poll done', {
      orders: { fetched: orders.fetched, fired: orders.fired, cursor: orders.cursor },
      customers: { fetched: customers.fetched, fired: customers.fired, cursor: customers.cursor },
      requests: result.requests,
      durationMs: result.durationMs,
    });
    return result;
  };

  const pollOnce = (signal?: AbortSignal): Promise<PollResult> => {
    if (closed) return Promise.reject(new AdapterError('cms', 'CMS bridge is closed'));
    const run = pollChain.then(() => runPoll(signal));
    pollChain = run.catch(() => undefined);
    return run;
  };

  const handleWebhook = createWebhookHandler({
    ...(settings.webhookSecret ? { secret: settings.webhookSecret } : {}),
    toleranceMs: settings.webhookToleranceMs,
    clock,
    logger,
    readOrder: orderEvent,
    readCustomer: async (raw) => customerEvent(raw, await origin()),
    deliver: (event) => sink.deliver(event),
  });

  const stop = async (): Promise<void> => {
    generation += 1;
    loopAbort?.abort(new AdapterError('cms', 'CMS bridge stopped'));
    await loop;
    loop = null;
    loopAbort = null;
    await pollChain;
  };

  return {
    name: 'cms',
    start() {
      if (closed || loop) return;
      if (!settings.enabled) {
        logger.info('cms polling disabled (CMS_POLL_ENABLED=false); webhooks only');
        return;
      }
      const abort = new AbortController();
      loopAbort = abort;
      loop = (async () => {
        while (!abort.signal.aborted) {
          try {
            await pollOnce(abort.signal);
          } catch (error) {
            if (abort.signal.aborted) break;
            logger.error('cms poll failed; the cursor stays, the next poll resumes from it', {
              error: error instanceof Error ? error.message : String(error),
            });
          }
          if (abort.signal.aborted) break;
          await clock.sleep(settings.pollIntervalMs, abort.signal).catch(() => undefined);
        }
      })();
    },
    stop,
    pollOnce: () => pollOnce(),
    handleWebhook,
    close() {
      closing ??= (async () => {
        await stop();
        closed = true;
        await client.close();
      })();
      return closing;
    },
  };
}
