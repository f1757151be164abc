import { createMemoryStore, hasErrorCode, ErrorCode } from '@swigs/automation-core';
import { describe, expect, it } from 'vitest';
import { cmsBridgeOptionsFromEnv, parseCmsBridgeSettings } from './options';

describe('cmsBridgeOptionsFromEnv', () => {
  it('is null when CMS_API_URL is unset or empty', () => {
    expect(cmsBridgeOptionsFromEnv({})).toBeNull();
    expect(cmsBridgeOptionsFromEnv({ CMS_API_URL: '  ', CMS_SERVICE_TOKEN: 'x' })).toBeNull();
  });

  it('reads every variable with its type', () => {
    expect(
      cmsBridgeOptionsFromEnv({
        CMS_API_URL: 'https://cms.swigs.ch/api',
        CMS_SERVICE_TOKEN: 'svc_token',
        CMS_POLL_INTERVAL: '30000',
        CMS_POLL_ENABLED: 'false',
        CMS_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
        CMS_BACKFILL_MS: '3600000',
        CMS_AMOUNT_UNIT: 'centimes',
      }),
    ).toEqual({
      apiUrl: 'https://cms.swigs.ch/api',
      token: 'svc_token',
      pollIntervalMs: 30_000,
      enabled: false,
      webhookSecret: 'whsec_0123456789abcdef',
      backfillMs: 3_600_000,
      amountUnit: 'centimes',
    });
    expect(
      cmsBridgeOptionsFromEnv({
        CMS_API_URL: 'http://localhost:4000/api',
        CMS_SERVICE_TOKEN: 't',
        CMS_POLL_ENABLED: 'yes',
      }),
    ).toEqual({
      apiUrl: 'http://localhost:4000/api',
      token: 't',
      enabled: true,
    });
  });

  it('names every bad variable in one ConfigInvalidError and never echoes a secret', () => {
    let caught: unknown;
    try {
      cmsBridgeOptionsFromEnv({
        CMS_API_URL: 'ftp://cms',
        CMS_POLL_INTERVAL: 'every minute',
        CMS_POLL_ENABLED: 'maybe',
        CMS_WEBHOOK_SECRET: 'short-secret',
      });
    } catch (error) {
      caught = error;
    }
    expect(hasErrorCode(caught, ErrorCode.ConfigInvalid)).toBe(true);
    const message = (caught as Error).message;
    expect(message).toContain('CMS_API_URL must be an http(s) URL');
    expect(message).toContain('CMS_SERVICE_TOKEN is required when CMS_API_URL is set');
    expect(message).toContain('CMS_POLL_INTERVAL must be a whole number of milliseconds');
    expect(message).toContain('CMS_POLL_ENABLED must be true or false');
    expect(message).toContain('CMS_WEBHOOK_SECRET must be at least 16 characters');
    expect(message).not.toContain('short-secret');
    expect(() =>
      cmsBridgeOptionsFromEnv({ CMS_API_URL: 'https://x.ch', CMS_SERVICE_TOKEN: 't', CMS_POLL_INTERVAL: '10' }),
    ).toThrow('CMS_POLL_INTERVAL must be at least 1000 ms');
  });
});

describe('parseCmsBridgeSettings', () => {
  it('fills the documented defaults', () => {
    const store = createMemoryStore();
    const settings = parseCmsBridgeSettings({
      apiUrl: 'https://cms.swigs.ch/api',
      token: 't',
      store,
      fire: async () => [],
    });
    expect(settings).toMatchObject({
      pollIntervalMs: 60_000,
      backfillMs: 86_400_000,
      enabled: true,
      webhookToleranceMs: 300_000,
      rateLimitPerMinute: 100,
      rateLimitWindowMs: 60_000,
      pageSize: 100,
      amountUnit: 'francs',
    });
  });

  it('refuses a bad option with a message naming it, without the token', () => {
    const store = createMemoryStore();
    expect(() =>
      parseCmsBridgeSettings({
        apiUrl: 'not a url',
        token: 'secret-token-value',
        store,
        fire: async () => [],
        pageSize: 0,
      }),
    ).toThrow(/apiUrl: apiUrl must be an http\(s\) URL; pageSize/);
    try {
      parseCmsBridgeSettings({ apiUrl: 'x', token: 'secret-token-value', store, fire: async () => [] });
    } catch (error) {
      expect(JSON.stringify(error)).not.toContain('secret-token-value');
      expect((error as Error).message).not.toContain('secret-token-value');
    }
    expect(() => parseCmsBridgeSettings({ apiUrl: 'https://x.ch', token: 't', store, fire: 'no' as never })).toThrow(
      /fire/,
    );
  });
});
