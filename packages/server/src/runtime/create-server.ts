import { mkdirSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Hono } from 'hono';
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
import { createOutboxMail } from '@swigs/automation-adapters/outbox';
import { createAuthenticator, type Authenticator } from '../auth/authenticator';
import { loadLocalCredentials, loadOrCreateSecret, type LocalCredentials } from '../auth/local-credentials';
import type { ServerConfig } from '../config/server-config';
import type { CmsWebhookReceiver } from '../http/app-deps';
import { createApp, createRequestListener } from '../http/app';
import type { AppEnv } from '../http/env';
import { invoicingRecords, invoicingRoutes } from './invoicing-mount';
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
  readonly app: Hono<AppEnv>;
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
  const mail = await openMail(config, store, clock);
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
  const engine: Engine = createEngine({
    store,
    registry,
    clock,
    logger: logger.child?.({ component: 'engine' }) ?? logger,
    ports: {
      mail,
      records,
      email: { from: config.mailFrom, ...(unsubscribe ? { unsubscribe } : {}) },
      ...(config.tasks ? { tasks: config.tasks } : {}),
    },
    retention: { days: config.retentionDays },
  });
  const local = config.sso ? undefined : loadLocalCredentials(config.dataDir, config.localPassword);
  const authenticator = createAuthenticator({
    ...(config.sso ? { sso: config.sso } : {}),
    ...(local ? { local: { secret: local.secret, password: local.password, userId: config.localUser } } : {}),
    serviceTokens: config.serviceTokens,
  });
  const cms = config.cms ? await openCmsBridge(config, store, engine, clock, logger) : undefined;
  const invoicing = invoicingRoutes({ store, engine, clock, logger });

  let workersStarted = false;
  const app = createApp({
    store,
    engine,
    authenticator,
    clock,
    mail,
    logger,
    mailFrom: config.mailFrom,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    isReady: () => workersStarted || options.startWorkers === false,
    ...(unsubscribe ? { unsubscribeSecret: unsubscribe.secret } : {}),
    ...(config.sso?.loginUrl ? { ssoLoginUrl: config.sso.loginUrl } : {}),
    ...(cms ? { cms } : {}),
    apiRoutes: [invoicing],
  });

  let http: Server | undefined;
  let closing: Promise<void> | undefined;

  const startWorkers = async (): Promise<void> => {
    if (options.startWorkers === false || workersStarted) return;
    await engine.start();
    cms?.start();
    workersStarted = true;
  };

  logger.info('server composed', {
    store: store.name,
    mail: mail.name,
    mongodb: config.mongodbUrl ? redactUrl(config.mongodbUrl) : undefined,
    auth: authenticator.mode,
    serviceTokens: config.serviceTokens.map((t) => t.name),
    cms: config.cms ? redactUrl(config.cms.apiUrl) : undefined,
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
        if (workersStarted) await engine.stop();
        await mail.close();
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
    return await createMongoStore({ url: config.mongodbUrl, ...(config.mongodbDb ? { dbName: config.mongodbDb } : {}) });
  }
  const { createSqliteStore } = await import('@swigs/automation-adapters/sqlite');
  mkdirSync(config.dataDir, { recursive: true });
  return createSqliteStore({ filename: join(config.dataDir, 'swigs-workflow.sqlite'), durability: config.sqliteDurability });
}

async function openMail(config: ServerConfig, store: Store, clock: Clock): Promise<MailPort> {
  if (config.smtpUrl) {
    const { createSmtpMail } = await import('@swigs/automation-adapters/nodemailer');
    return createSmtpMail({ url: config.smtpUrl, defaultFrom: config.mailFrom, dedupe: store.keys });
  }
  return createOutboxMail({ store, clock });
}

async function openCmsBridge(
  config: ServerConfig,
  store: Store,
  engine: Engine,
  clock: Clock,
  logger: ReturnType<typeof toPortLogger>,
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
    fire: (type, payload, opts) => engine.fire(type, payload, opts),
    clock,
    logger,
  });
  return bridge;
}
