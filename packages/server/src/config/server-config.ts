import { resolve } from 'node:path';
import { z } from 'zod';
import { HttpClientOptionsSchema } from '@swigs/automation-adapters/http';
import { TENANT_ID_PATTERN } from '../auth/token-claims';
import { parseTrustProxy, type TrustProxy } from '../http/client-address';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['true', '1', 'yes'].includes(v)));

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3003),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: optionalText,
  SQLITE_DURABILITY: z.enum(['full', 'normal']).default('full'),
  MONGODB_URL: optionalText,
  MONGODB_DB: optionalText,
  SMTP_URL: optionalText,
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(1),
  MAIL_FROM: z.string().min(3).default('SWIGS Automation <noreply@localhost>'),
  SSO_JWT_SECRET: optionalText,
  SSO_JWKS_URL: z.url().optional(),
  SSO_ISSUER: optionalText,
  SSO_AUDIENCE: optionalText,
  SSO_LOGIN_URL: z.url().optional(),
  SERVICE_TOKENS: optionalText,
  LOCAL_PASSWORD: optionalText,
  LOCAL_USER: z.string().regex(TENANT_ID_PATTERN).default('local'),
  CMS_API_URL: z.url().optional(),
  CMS_SERVICE_TOKEN: optionalText,
  CMS_POLL_INTERVAL: z.coerce.number().int().min(1000).default(60_000),
  CMS_POLL_ENABLED: boolish,
  CMS_WEBHOOK_SECRET: optionalText,
  CMS_USER_ID: optionalText,
  TASK_API_URL: z.url().optional(),
  TASK_SERVICE_TOKEN: optionalText,
  HTTP_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(HttpClientOptionsSchema.shape.allowedHosts.unwrap()),
  UNSUBSCRIBE_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  FRAME_ANCESTORS: optionalText,
  SERVE_SOURCE_MAPS: boolish,
  RUN_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
  RUN_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
});

/** The name of a variable the configuration reads. */
export type ConfigVariable = keyof typeof EnvSchema.shape;

/**
 * What each variable means, by topic: the CLI's usage is written from this and the schema's defaults, so a variable
 * the configuration reads cannot be left out of it (the type asks for every key of the schema).
 */
export const CONFIG_VARIABLES: Record<ConfigVariable, { topic: ConfigTopic; description: string }> = {
  PORT: { topic: 'server', description: 'HTTP port; 0 picks a free one' },
  HOST: { topic: 'server', description: 'address to listen on' },
  DATA_DIR: { topic: 'server', description: 'folder of the SQLite file, the local password and generated secrets' },
  PUBLIC_URL: { topic: 'server', description: 'public https URL of the server (enables unsubscribe links)' },
  LOG_LEVEL: { topic: 'server', description: 'fatal, error, warn, info, debug, trace or silent' },
  BODY_LIMIT: { topic: 'server', description: 'largest request body, in bytes' },
  TRUST_PROXY: {
    topic: 'server',
    description:
      'reverse proxies trusted for X-Forwarded-For: a hop count (1 = one proxy; true = 1) or their addresses/CIDR ranges, comma-separated; the client is the first untrusted hop from the right',
  },
  FRAME_ANCESTORS: {
    topic: 'server',
    description: "CSP frame-ancestors: origins allowed to embed the UI, space-separated (default 'none')",
  },
  SERVE_SOURCE_MAPS: { topic: 'server', description: 'true to serve the UI source maps (/app.js.map); default 404' },
  RUN_RETENTION_DAYS: { topic: 'server', description: 'days finished runs are kept; 0 keeps them forever' },
  RUN_LEASE_SECONDS: {
    topic: 'server',
    description:
      'how long a worker holds a run it executes (renewed while it runs): after a crash, another worker or the next start takes the run over once this has passed',
  },
  METRICS_TOKEN: {
    topic: 'server',
    description:
      'serves GET /metrics (Prometheus) to scrapers sending it as a bearer token (16+ characters); unset: no /metrics',
  },
  SQLITE_DURABILITY: { topic: 'store', description: 'full (fsync every commit) or normal (survives a crash)' },
  MONGODB_URL: { topic: 'store', description: 'use MongoDB (a replica set for several workers) instead of SQLite' },
  MONGODB_DB: { topic: 'store', description: 'MongoDB database name (default: the URL’s)' },
  SMTP_URL: { topic: 'mail', description: 'send through SMTP (smtp://user:pass@host:587) instead of the outbox' },
  SMTP_MAX_CONNECTIONS: {
    topic: 'mail',
    description:
      'SMTP connections sending at once; also the most e-mails a crash can send twice (each connection holds one accepted, not yet recorded)',
  },
  MAIL_FROM: { topic: 'mail', description: 'sender of the mail' },
  UNSUBSCRIBE_SECRET: { topic: 'mail', description: 'signs unsubscribe links (generated in DATA_DIR when unset)' },
  SSO_JWT_SECRET: { topic: 'auth', description: 'swigs-hub SSO: HS256 secret (disables the local login)' },
  SSO_JWKS_URL: { topic: 'auth', description: 'swigs-hub SSO: JWKS URL, instead of SSO_JWT_SECRET' },
  SSO_ISSUER: { topic: 'auth', description: 'expected issuer of SSO tokens' },
  SSO_AUDIENCE: { topic: 'auth', description: 'expected audience of SSO tokens' },
  SSO_LOGIN_URL: { topic: 'auth', description: 'swigs-hub login page the UI links to' },
  SERVICE_TOKENS: { topic: 'auth', description: 'service tokens, name:token,name2:token2 (16+ characters each)' },
  LOCAL_PASSWORD: { topic: 'auth', description: 'embedded login password (generated in DATA_DIR when unset)' },
  LOCAL_USER: { topic: 'auth', description: 'tenant of the embedded login' },
  CMS_API_URL: { topic: 'integrations', description: 'swigs-cms API, enables the CMS bridge' },
  CMS_SERVICE_TOKEN: { topic: 'integrations', description: 'token of the CMS API' },
  CMS_POLL_INTERVAL: { topic: 'integrations', description: 'CMS polling interval, in milliseconds' },
  CMS_POLL_ENABLED: { topic: 'integrations', description: 'false to rely on CMS webhooks only' },
  CMS_WEBHOOK_SECRET: { topic: 'integrations', description: 'HMAC secret of POST /api/hooks/cms' },
  CMS_USER_ID: { topic: 'integrations', description: 'limit the CMS events to this tenant' },
  TASK_API_URL: { topic: 'integrations', description: 'swigs-task API, for create_task' },
  TASK_SERVICE_TOKEN: { topic: 'integrations', description: 'token of the swigs-task API' },
  HTTP_ALLOWED_HOSTS: {
    topic: 'integrations',
    description:
      'private hosts webhook steps may call anyway: hostnames, host:port, addresses or CIDR ranges, comma-separated (every other private, loopback or link-local destination stays refused)',
  },
};

/** Topics of the configuration, in the order the usage lists them. */
export const CONFIG_TOPICS = ['server', 'store', 'mail', 'auth', 'integrations'] as const;
export type ConfigTopic = (typeof CONFIG_TOPICS)[number];

/** The default of a variable, as its schema gives it (undefined when it has none). */
export function configDefault(name: ConfigVariable): unknown {
  const result = EnvSchema.shape[name].safeParse(undefined);
  return result.success ? result.data : undefined;
}

/** A service token from SERVICE_TOKENS (`name:token,name2:token2`). */
export interface ServiceTokenConfig {
  name: string;
  token: string;
}

/** The server's settings, from the environment (and `.env`) plus CLI flags. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  publicUrl?: string;
  /** `full`: every commit fsynced (survives power loss); `normal`: survives a process crash only. */
  sqliteDurability: 'full' | 'normal';
  mongodbUrl?: string;
  mongodbDb?: string;
  smtpUrl?: string;
  /** SMTP connections at once: the bound of e-mails a crash may duplicate. */
  smtpMaxConnections: number;
  mailFrom: string;
  sso?: { secret?: string; jwksUrl?: string; issuer?: string; audience?: string; loginUrl?: string };
  serviceTokens: ServiceTokenConfig[];
  localPassword?: string;
  localUser: string;
  cms?: {
    apiUrl: string;
    serviceToken?: string;
    pollIntervalMs: number;
    pollEnabled: boolean;
    webhookSecret?: string;
    userId?: string;
  };
  /** Secret of one-click unsubscribe tokens; generated in the data folder when absent. */
  unsubscribeSecret?: string;
  /** swigs-task's API for `create_task`. */
  tasks?: { baseUrl: string; token: string };
  /** Private hosts, addresses and CIDR ranges outbound HTTP (webhook steps) may reach despite the SSRF guard. */
  httpAllowedHosts: string[];
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  bodyLimit: number;
  trustProxy: TrustProxy;
  frameAncestors?: string;
  sourceMaps: boolean;
  retentionDays: number;
  /** Lease of a run a worker executes, in milliseconds. */
  leaseMs: number;
  /** Bearer token of `GET /metrics`; without it there are no metrics. */
  metricsToken?: string;
}

/** Reads the configuration; throws a zod error naming the bad variables. */
export function loadConfig(
  env: Record<string, string | undefined>,
  flags: { port?: number; dataDir?: string } = {},
): ServerConfig {
  const e = EnvSchema.parse(Object.fromEntries(Object.entries(env).filter(([k]) => k in EnvSchema.shape)));
  const serviceTokens = parseServiceTokens(e.SERVICE_TOKENS);
  const ssoConfigured = Boolean(e.SSO_JWT_SECRET || e.SSO_JWKS_URL);
  return {
    port: flags.port ?? e.PORT,
    host: e.HOST,
    dataDir: resolve(flags.dataDir ?? e.DATA_DIR),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    sqliteDurability: e.SQLITE_DURABILITY,
    ...(e.MONGODB_URL ? { mongodbUrl: e.MONGODB_URL } : {}),
    ...(e.MONGODB_DB ? { mongodbDb: e.MONGODB_DB } : {}),
    ...(e.SMTP_URL ? { smtpUrl: e.SMTP_URL } : {}),
    smtpMaxConnections: e.SMTP_MAX_CONNECTIONS,
    mailFrom: e.MAIL_FROM,
    ...(ssoConfigured
      ? {
          sso: {
            ...(e.SSO_JWT_SECRET ? { secret: e.SSO_JWT_SECRET } : {}),
            ...(e.SSO_JWKS_URL ? { jwksUrl: e.SSO_JWKS_URL } : {}),
            ...(e.SSO_ISSUER ? { issuer: e.SSO_ISSUER } : {}),
            ...(e.SSO_AUDIENCE ? { audience: e.SSO_AUDIENCE } : {}),
            ...(e.SSO_LOGIN_URL ? { loginUrl: e.SSO_LOGIN_URL } : {}),
          },
        }
      : {}),
    serviceTokens,
    ...(e.LOCAL_PASSWORD ? { localPassword: e.LOCAL_PASSWORD } : {}),
    localUser: e.LOCAL_USER,
    ...(e.CMS_API_URL
      ? {
          cms: {
            apiUrl: e.CMS_API_URL,
            ...(e.CMS_SERVICE_TOKEN ? { serviceToken: e.CMS_SERVICE_TOKEN } : {}),
            pollIntervalMs: e.CMS_POLL_INTERVAL,
            pollEnabled: e.CMS_POLL_ENABLED ?? true,
            ...(e.CMS_WEBHOOK_SECRET ? { webhookSecret: e.CMS_WEBHOOK_SECRET } : {}),
            ...(e.CMS_USER_ID ? { userId: e.CMS_USER_ID } : {}),
          },
        }
      : {}),
    ...(e.UNSUBSCRIBE_SECRET ? { unsubscribeSecret: e.UNSUBSCRIBE_SECRET } : {}),
    ...(e.TASK_API_URL && e.TASK_SERVICE_TOKEN
      ? { tasks: { baseUrl: e.TASK_API_URL, token: e.TASK_SERVICE_TOKEN } }
      : {}),
    httpAllowedHosts: e.HTTP_ALLOWED_HOSTS,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    trustProxy: e.TRUST_PROXY,
    ...(e.FRAME_ANCESTORS ? { frameAncestors: e.FRAME_ANCESTORS } : {}),
    sourceMaps: e.SERVE_SOURCE_MAPS ?? false,
    retentionDays: e.RUN_RETENTION_DAYS,
    leaseMs: e.RUN_LEASE_SECONDS * 1000,
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
  };
}

function parseServiceTokens(value: string | undefined): ServiceTokenConfig[] {
  if (!value) return [];
  return value
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair, i) => {
      const at = pair.indexOf(':');
      // A bare token gets a generated name.
      return at > 0
        ? { name: pair.slice(0, at), token: pair.slice(at + 1) }
        : { name: `service-${i + 1}`, token: pair };
    })
    .filter(
      (t) =>
        t.token.length >= 16 ||
        (() => {
          throw new Error(`SERVICE_TOKENS: the token of "${t.name}" must be at least 16 characters`);
        })(),
    );
}
