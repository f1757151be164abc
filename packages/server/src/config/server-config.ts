import { resolve } from 'node:path';
import { z } from 'zod';

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
  MAIL_FROM: z.string().min(3).default('SWIGS Automation <noreply@localhost>'),
  SSO_JWT_SECRET: optionalText,
  SSO_JWKS_URL: z.url().optional(),
  SSO_ISSUER: optionalText,
  SSO_AUDIENCE: optionalText,
  SSO_LOGIN_URL: z.url().optional(),
  SERVICE_TOKENS: optionalText,
  LOCAL_PASSWORD: optionalText,
  LOCAL_USER: z.string().regex(/^[\w.@:-]{1,200}$/).default('local'),
  CMS_API_URL: z.url().optional(),
  CMS_SERVICE_TOKEN: optionalText,
  CMS_POLL_INTERVAL: z.coerce.number().int().min(1000).default(60_000),
  CMS_POLL_ENABLED: boolish,
  CMS_WEBHOOK_SECRET: optionalText,
  CMS_USER_ID: optionalText,
  TASK_API_URL: z.url().optional(),
  TASK_SERVICE_TOKEN: optionalText,
  UNSUBSCRIBE_SECRET: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.coerce.number().int().min(1024).default(1024 * 1024),
  TRUST_PROXY: boolish,
  RUN_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
});

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
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  bodyLimit: number;
  trustProxy: boolean;
  retentionDays: number;
}

/** Reads the configuration; throws a zod error naming the bad variables. */
export function loadConfig(env: Record<string, string | undefined>, flags: { port?: number; dataDir?: string } = {}): ServerConfig {
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
    ...(e.TASK_API_URL && e.TASK_SERVICE_TOKEN ? { tasks: { baseUrl: e.TASK_API_URL, token: e.TASK_SERVICE_TOKEN } } : {}),
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    trustProxy: e.TRUST_PROXY ?? false,
    retentionDays: e.RUN_RETENTION_DAYS,
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
      return at > 0 ? { name: pair.slice(0, at), token: pair.slice(at + 1) } : { name: `service-${i + 1}`, token: pair };
    })
    .filter((t) => t.token.length >= 16 || (() => {
      throw new Error(`SERVICE_TOKENS: the token of "${t.name}" must be at least 16 characters`);
    })());
}
