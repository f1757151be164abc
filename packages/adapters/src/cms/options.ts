import {
  type Clock,
  ConfigInvalidError,
  type CursorStore,
  type Engine,
  type Logger,
  type RunStore,
} from '@swigs/automation-core';

/** What the bridge asks of a store: unique keys (each event once) and cursors (where polling resumes). */
export type CmsBridgeStore = Pick<RunStore, 'keys'> & CursorStore;
import { z } from 'zod';
import type { AmountUnit } from './cms-values';
import { parseOptions } from '../shared/parse-options';

/** Options of `createCmsBridge`. Only `apiUrl`, `token`, `store` and `fire` are required. */
export interface CmsBridgeOptions {
  /** Base URL of swigs-cms-backend's API, e.g. `https://cms.example.ch/api`; `/orders` and `/customers` are appended. */
  apiUrl: string;
  /** Service token sent as `Authorization: Bearer <token>`; never logged. */
  token: string;
  /** Pause between two polls. Default 60 000 ms. */
  pollIntervalMs?: number;
  /** How far back the very first poll looks. Default 24 h. */
  backfillMs?: number;
  /** When false, `start()` does not poll; webhooks still work. Default true. */
  enabled?: boolean;
  /** Shared secret of signed webhooks; without it every webhook is refused with 401. */
  webhookSecret?: string;
  /** Largest accepted age (or advance) of a webhook's timestamp. Default 5 min. */
  webhookToleranceMs?: number;
  store: CmsBridgeStore;
  /** The engine's `fire`, e.g. `(type, payload, options) => engine.fire(type, payload, options)`. */
  fire: Engine['fire'];
  clock?: Clock;
  logger?: Logger;
  /** Most requests to the CMS in any sliding window of `rateLimitWindowMs`. Default 100. */
  rateLimitPerMinute?: number;
  /** The rate limit's window. Default 60 000 ms; tests scale it down. */
  rateLimitWindowMs?: number;
  /**
   * Keep the rate window in the store (default true), so the limit holds across restarts and for every worker
   * sharing the store; false keeps it in this process only (one worker, a fake clock).
   */
  sharedRateLimit?: boolean;
  /**
   * Longest time between a request taking its slot of the shared window and reaching the CMS: the connect
   * timeout. Each slot is kept this much longer than the window. Default 5 000 ms.
   */
  rateLimitHoldMs?: number;
  /** `limit` of each page. Default 100 (the CMS's maximum). */
  pageSize?: number;
  /** Each poll re-reads this much before the cursor, for writes the CMS committed late. Default 5 000 ms. */
  lookbackMs?: number;
  /** How the CMS writes amounts. Default `francs`; payloads always carry centimes. */
  amountUnit?: AmountUnit;
  /** Per-request timeout (headers and body). Default 30 000 ms. */
  requestTimeoutMs?: number;
  /** Backoff of failed requests (p-retry, with jitter). Defaults: 5 retries, 500 ms doubling, 30 s cap. */
  retry?: { retries?: number; minTimeoutMs?: number; maxTimeoutMs?: number };
  /** Events of one page fired at once. Default 8. */
  fireConcurrency?: number;
  /** Only this tenant's automations are fired; default all tenants (automations filter by `siteId`). */
  userId?: string;
  /** Told of every request sent to the CMS, retries included: its status, or null when no answer came (metrics). */
  onRequest?: (status: number | null) => void;
}

/** The settings part of `CmsBridgeOptions`, as `cmsBridgeOptionsFromEnv` reads them. */
export type CmsBridgeEnvOptions = Pick<
  CmsBridgeOptions,
  'apiUrl' | 'token' | 'pollIntervalMs' | 'enabled' | 'webhookSecret' | 'backfillMs' | 'amountUnit'
>;

const positiveMs = (name: string, min: number) =>
  z.number().int(`${name} must be a whole number of milliseconds`).min(min, `${name} must be at least ${min} ms`);

/** Validates the scalar options of `createCmsBridge`; defaults filled in. */
export const CmsBridgeSettingsSchema = z.object({
  apiUrl: z.url({ protocol: /^https?$/, error: 'apiUrl must be an http(s) URL' }),
  token: z.string({ error: 'token is required' }).min(1, 'token must not be empty'),
  pollIntervalMs: positiveMs('pollIntervalMs', 10).default(60_000),
  backfillMs: z
    .number()
    .int()
    .min(0, 'backfillMs must not be negative')
    .default(24 * 3600_000),
  enabled: z.boolean().default(true),
  webhookSecret: z.string().min(16, 'webhookSecret must be at least 16 characters').optional(),
  webhookToleranceMs: positiveMs('webhookToleranceMs', 1000).default(5 * 60_000),
  rateLimitPerMinute: z.number().int().min(1, 'rateLimitPerMinute must be at least 1').default(100),
  rateLimitWindowMs: positiveMs('rateLimitWindowMs', 1).default(60_000),
  sharedRateLimit: z.boolean().default(true),
  rateLimitHoldMs: positiveMs('rateLimitHoldMs', 1).default(5000),
  pageSize: z.number().int().min(1).max(1000, 'pageSize must be at most 1000').default(100),
  lookbackMs: z.number().int().min(0).default(5000),
  amountUnit: z.enum(['francs', 'centimes']).default('francs'),
  requestTimeoutMs: positiveMs('requestTimeoutMs', 1).default(30_000),
  retry: z
    .object({
      retries: z.number().int().min(0).default(5),
      minTimeoutMs: z.number().int().min(0).default(500),
      maxTimeoutMs: z.number().int().min(0).default(30_000),
    })
    .default({ retries: 5, minTimeoutMs: 500, maxTimeoutMs: 30_000 }),
  fireConcurrency: z.number().int().min(1).max(100).default(8),
  userId: z.string().min(1).optional(),
});
/** `CmsBridgeOptions` without ports, validated, defaults filled in. */
export type CmsBridgeSettings = z.output<typeof CmsBridgeSettingsSchema>;

const truthy = new Set(['1', 'true', 'yes', 'on']);
const falsy = new Set(['0', 'false', 'no', 'off']);

const EnvSchema = z.object({
  CMS_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://cms.example.ch/api' }),
  CMS_SERVICE_TOKEN: z.string({ error: 'is required when CMS_API_URL is set' }).trim().min(1, 'must not be empty'),
  CMS_POLL_INTERVAL: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of milliseconds, e.g. 60000')
    .transform(Number)
    .pipe(z.number().min(1000, 'must be at least 1000 ms'))
    .optional(),
  CMS_POLL_ENABLED: z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .refine((value) => truthy.has(value) || falsy.has(value), 'must be true or false')
    .transform((value) => truthy.has(value))
    .optional(),
  CMS_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  CMS_BACKFILL_MS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of milliseconds, e.g. 86400000')
    .transform(Number)
    .optional(),
  CMS_AMOUNT_UNIT: z.enum(['francs', 'centimes'], { error: 'must be francs or centimes' }).optional(),
});

/**
 * Reads the bridge's settings from the environment; null when `CMS_API_URL` is unset (no bridge).
 * Throws `ConfigInvalidError` naming each bad variable; values of secrets are never echoed.
 * @example
 * const settings = cmsBridgeOptionsFromEnv(process.env);
 * if (settings) createCmsBridge({ ...settings, store, fire: (t, p, o) => engine.fire(t, p, o) }).start();
 */
export function cmsBridgeOptionsFromEnv(env: Record<string, string | undefined>): CmsBridgeEnvOptions | null {
  const present = (name: keyof z.input<typeof EnvSchema>): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  if (present('CMS_API_URL') === undefined) return null;
  const value = parseOptions(
    EnvSchema,
    {
      CMS_API_URL: present('CMS_API_URL')?.trim(),
      CMS_SERVICE_TOKEN: present('CMS_SERVICE_TOKEN'),
      CMS_POLL_INTERVAL: present('CMS_POLL_INTERVAL')?.trim(),
      CMS_POLL_ENABLED: present('CMS_POLL_ENABLED'),
      CMS_WEBHOOK_SECRET: present('CMS_WEBHOOK_SECRET'),
      CMS_BACKFILL_MS: present('CMS_BACKFILL_MS')?.trim(),
      CMS_AMOUNT_UNIT: present('CMS_AMOUNT_UNIT')?.trim(),
    },
    'CMS bridge configuration',
    // The messages start with the variable's name: `CMS_API_URL must be an http(s) URL`.
    (path, message) => `${path.split('.')[0]} ${message}`,
  );
  return {
    apiUrl: value.CMS_API_URL,
    token: value.CMS_SERVICE_TOKEN,
    ...(value.CMS_POLL_INTERVAL !== undefined ? { pollIntervalMs: value.CMS_POLL_INTERVAL } : {}),
    ...(value.CMS_POLL_ENABLED !== undefined ? { enabled: value.CMS_POLL_ENABLED } : {}),
    ...(value.CMS_WEBHOOK_SECRET !== undefined ? { webhookSecret: value.CMS_WEBHOOK_SECRET } : {}),
    ...(value.CMS_BACKFILL_MS !== undefined ? { backfillMs: value.CMS_BACKFILL_MS } : {}),
    ...(value.CMS_AMOUNT_UNIT !== undefined ? { amountUnit: value.CMS_AMOUNT_UNIT } : {}),
  };
}

/** Validates `createCmsBridge`'s options; throws `ConfigInvalidError` with every problem, secrets never echoed. */
export function parseCmsBridgeSettings(options: CmsBridgeOptions): CmsBridgeSettings {
  const { store, fire } = options;
  if (!store || typeof store.keys?.add !== 'function' || typeof store.cursors?.get !== 'function') {
    throw new ConfigInvalidError('CMS bridge: store must have keys and cursors');
  }
  if (typeof fire !== 'function') throw new ConfigInvalidError('CMS bridge: fire must be the engine’s fire function');
  // Ports are checked above; the schema sees only the settings.
  const settings: Record<string, unknown> = { ...options };
  for (const port of ['store', 'fire', 'clock', 'logger', 'onRequest']) delete settings[port];
  return parseOptions(CmsBridgeSettingsSchema, settings, 'CMS bridge options');
}
