import { createSampleListeners, listeningFire } from '../samples/index';
import { mkdirSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger as Pino } from 'pino';
import {
  createEngine,
  createSystemClock,
  type Clock,
  type Engine,
  type MailPort,
  type Store,
} from '@swigs/automation-core';
import { createDefaultRegistry } from '@swigs/automation-nodes';
import { createHttpClient } from '@swigs/automation-adapters/http';
import { createOutboxMail } from '@swigs/automation-adapters/outbox';
import { createSwigsTaskClient } from '@swigs/automation-adapters/swigs-task';
import { createAuthenticator, type Authenticator } from '../auth/authenticator';
import { loadLocalCredentials, loadOrCreateSecret, type LocalCredentials } from '../auth/local-credentials';
import type { ServerConfig } from '../config/server-config';
import type { CmsWebhookReceiver } from '../http/app-deps';
import { createApp, createRequestListener } from '../http/app';
import type { ApiRouter } from '../http/router';
import {
  createEventRedelivery,
  createInvoiceLinks,
  createInvoicingAttachments,
  createOverdueSweep,
} from '../invoicing/index';
import { invoicingRecords, invoicingRoutes } from './invoicing-mount';
import type { ServerMetrics } from '../metrics/server-metrics';
import { createJsonLogger, redactUrl, toPortLogger } from './logger';

/** Options of `createServer`. */
export interface CreateServerOptions {
  config: ServerConfig;
  /** JSON logger; default pino on stdout at `config.logLevel`. */
  log?: Pino;
  clock?: Clock;
  /** Start the scheduler and the CMS poller. Default true. */
  startWorkers?: boolean;
}

/** A composed swigs-workflow: store, mail, engine, bridge and HTTP app, with one lifecycle. */
export interface SwigsServer {
  readonly config: ServerConfig;
  readonly app: ApiRouter;
  readonly store: Store;
  readonly engine: Engine;
  readonly mail: MailPort;
  readonly authenticator: Authenticator;
  /** Embedded mode only. */
  readonly local?: LocalCredentials;
  /** Listens on `config.host:config.port` (0 picks a free port). */
  listen(): Promise<{ url: string; port: number; host: string }>;
  /** Stops HTTP, the bridge, the scheduler, then closes mail and store. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Composes the server from its configuration: SQLite (or MongoDB with `MONGODB_URL`), the outbox (or SMTP with
 * `SMTP_URL`), the default nodes, the engine and its scheduler, the CMS bridge when `CMS_API_URL` is set.
 * @example
 * const server = await createServer({ config: loadConfig(process.env) });
 * const { url } = await server.listen();
 */
export async function createServer(options: CreateServerOptions): Promise<SwigsServer> {
  const { config } = options;
  const log = options.log ?? createJsonLogger({ level: config.logLevel });
  const logger = toPortLogger(log);
  const clock = options.clock ?? createSystemClock();
  const store = await openStore(config);
  // Metrics only when someone may read them: each request and e-mail costs a little to count.
  // prom-client is loaded only then: a server without METRICS_TOKEN keeps it out of its memory.
  const metrics: ServerMetrics | undefined = config.metricsToken
    ? (await import('../metrics/server-metrics')).createServerMetrics({ store, clock })
    : undefined;
  const opened = await openMail(config, store, clock);
  const mail: MailPort = metrics ? metrics.countMail(opened) : opened;
  const registry = createDefaultRegistry();
  // Marketing mail needs an https one-click unsubscribe URL (RFC 8058), so only a public https URL enables it.
  const unsubscribe = config.publicUrl?.startsWith('https://')
    ? {
        baseUrl: `${config.publicUrl.replace(/\/+$/, '')}/api/unsubscribe`,
        secret: config.unsubscribeSecret ?? loadOrCreateSecret(config.dataDir, 'unsubscribe-secret.key'),
      }
    : undefined;
  // The record port fires project events through the engine it is handed to, hence the late binding.
  const fire: Engine['fire'] = (type, payload, opts) => engine.fire(type, payload, opts);
  const records = invoicingRecords({ store, engine: { fire }, clock });
  // Outbound HTTP of webhook steps: private and local hosts are refused (the SSRF guard), except those the
  // operator names in HTTP_ALLOWED_HOSTS (SWIGS' own services on the private network).
  const outbound = createHttpClient({ allowedHosts: config.httpAllowedHosts });
  const tasks = config.tasks ? createSwigsTaskClient(config.tasks) : undefined;
  const engine: Engine = createEngine({
    store,
    registry,
    clock,
    logger: logger.child?.({ component: 'engine' }) ?? logger,
    ports: {
      mail,
      records,
      attachments: createInvoicingAttachments(store),
      email: { from: config.mailFrom, ...(unsubscribe ? { unsubscribe } : {}) },
      http: outbound,
      ...(tasks ? { tasks } : {}),
    },
    retention: { days: config.retentionDays },
    scheduler: { leaseMs: config.leaseMs },
  });
  metrics?.watch(engine);
  const local = config.sso ? undefined : loadLocalCredentials(config.dataDir, config.localPassword);
  const authenticator = createAuthenticator({
    ...(config.sso ? { sso: config.sso } : {}),
    ...(local ? { local: { secret: local.secret, password: local.password, userId: config.localUser } } : {}),
    serviceTokens: config.serviceTokens,
  });
  // "Listen for the next event": CMS events go through the listeners before the engine runs anything.
  const listeners = createSampleListeners(store, clock);
  const fireCms = listeningFire(engine, listeners, logger);
  const cms = config.cms
    ? await openCmsBridge(config, store, fireCms, clock, logger, (status) => metrics?.observeCmsRequest(status))
    : undefined;
  // Reminders link to the invoice's PDF without login when the server has a public URL.
  const links = config.publicUrl
    ? createInvoiceLinks({
        publicUrl: config.publicUrl,
        secret: loadOrCreateSecret(config.dataDir, 'invoice-link-secret.key'),
        clock,
      })
    : undefined;
  const invoicing = invoicingRoutes({ store, engine, clock, logger, ...(links ? { links } : {}) });
  // Fires invoice.overdue (the reminders) as invoices pass their due date unpaid.
  const overdue = createOverdueSweep({ store, engine, clock, logger, ...(links ? { links } : {}) });
  // Delivers the invoice and project events a crash left in the outbox: at start-up, then every 30 s.
  const redelivery = createEventRedelivery({ store, engine, clock, logger });

  let workersStarted = false;
  const app = createApp({
    store,
    engine,
    authenticator,
    clock,
    mail,
    logger,
    mailFrom: config.mailFrom,
    listeners,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    sourceMaps: config.sourceMaps,
    ...(config.frameAncestors ? { frameAncestors: config.frameAncestors } : {}),
    isReady: () => workersStarted || options.startWorkers === false,
    ...(unsubscribe ? { unsubscribeSecret: unsubscribe.secret } : {}),
    ...(config.sso?.loginUrl ? { ssoLoginUrl: config.sso.loginUrl } : {}),
    ...(cms ? { cms } : {}),
    apiRoutes: [invoicing],
    ...(metrics && config.metricsToken ? { metrics, metricsToken: config.metricsToken } : {}),
  });

  let http: Server | undefined;
  let closing: Promise<void> | undefined;

  const startWorkers = async (): Promise<void> => {
    if (options.startWorkers === false || workersStarted) return;
    await engine.start();
    cms?.start();
    overdue.start();
    redelivery.start();
    workersStarted = true;
  };

  logger.info('server composed', {
    store: store.name,
    mail: mail.name,
    mongodb: config.mongodbUrl ? redactUrl(config.mongodbUrl) : undefined,
    auth: authenticator.mode,
    serviceTokens: config.serviceTokens.map((t) => t.name),
    cms: config.cms ? redactUrl(config.cms.apiUrl) : undefined,
    httpAllowedHosts: config.httpAllowedHosts,
  });

  return {
    config,
    app,
    store,
    engine,
    mail,
    authenticator,
    ...(local ? { local } : {}),
    async listen() {
      http = createHttpServer(createRequestListener(app));
      await new Promise<void>((resolve, reject) => {
        http!.once('error', reject);
        http!.listen(config.port, config.host, () => resolve());
      });
      await startWorkers();
      const address = http.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return { url: `http://${host}:${address.port}`, port: address.port, host: address.address };
    },
    close() {
      closing ??= (async () => {
        if (http) {
          const server = http;
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Open SSE streams would hold `close` forever.
            server.closeAllConnections?.();
          });
        }
        await cms?.close();
        await overdue.stop();
        await redelivery.stop();
        if (workersStarted) await engine.stop();
        await Promise.all([outbound.close(), tasks?.close()]);
        await mail.close();
        metrics?.close();
        await store.close();
        logger.info('server stopped');
      })();
      return closing;
    },
  };
}

async function openStore(config: ServerConfig): Promise<Store> {
  if (config.mongodbUrl) {
    const { createMongoStore } = await import('@swigs/automation-adapters/mongodb');
    return await createMongoStore({
      url: config.mongodbUrl,
      ...(config.mongodbDb ? { dbName: config.mongodbDb } : {}),
    });
  }
  const { createSqliteStore } = await import('@swigs/automation-adapters/sqlite');
  // Private to the server's user: the store holds customers' data (0700; its files are 0600).
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  return createSqliteStore({
    filename: join(config.dataDir, 'swigs-workflow.sqlite'),
    durability: config.sqliteDurability,
  });
}

async function openMail(config: ServerConfig, store: Store, clock: Clock): Promise<MailPort> {
  if (config.smtpUrl) {
    const { createSmtpMail } = await import('@swigs/automation-adapters/nodemailer');
    // One connection by default: a crash between the relay's accept and the "sent" key duplicates at most one mail.
    return createSmtpMail({
      url: config.smtpUrl,
      defaultFrom: config.mailFrom,
      dedupe: store.keys,
      maxConnections: config.smtpMaxConnections,
    });
  }
  return createOutboxMail({ store, clock });
}

async function openCmsBridge(
  config: ServerConfig,
  store: Store,
  fire: Engine['fire'],
  clock: Clock,
  logger: ReturnType<typeof toPortLogger>,
  onRequest: (status: number | null) => void,
): Promise<CmsWebhookReceiver & { start(): void; close(): Promise<void> }> {
  const cms = config.cms!;
  const { createCmsBridge } = await import('@swigs/automation-adapters/cms');
  const bridge = createCmsBridge({
    apiUrl: cms.apiUrl,
    token: cms.serviceToken ?? '',
    pollIntervalMs: cms.pollIntervalMs,
    enabled: cms.pollEnabled,
    ...(cms.webhookSecret ? { webhookSecret: cms.webhookSecret } : {}),
    ...(cms.userId ? { userId: cms.userId } : {}),
    store,
    fire,
    clock,
    logger,
    onRequest,
  });
  return bridge;
}
