import { describe, expect, it } from 'vitest';
import { loadConfig } from './server-config';

describe('loadConfig', () => {
  it('defaults to the embedded mode on 127.0.0.1:3003', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3003, host: '127.0.0.1', serviceTokens: [], localUser: 'local' });
    expect(config.sso).toBeUndefined();
    expect(config.mongodbUrl).toBeUndefined();
    expect(config.cms).toBeUndefined();
  });

  it('reads SSO, service tokens, MongoDB, SMTP and the CMS from the environment', () => {
    const config = loadConfig({
      SSO_JWT_SECRET: 'hub-secret',
      SSO_ISSUER: 'swigs-hub',
      SSO_AUDIENCE: 'swigs-workflow',
      SERVICE_TOKENS: 'task:0123456789abcdef0123,cms:fedcba9876543210fedc',
      MONGODB_URL: 'mongodb://u:p@db:27017/swigs',
      SMTP_URL: 'smtp://u:p@mail:587',
      CMS_API_URL: 'https://cms.example.ch/api',
      CMS_SERVICE_TOKEN: 'cms-token',
      CMS_POLL_ENABLED: 'false',
      PORT: '4000',
    });
    expect(config.sso).toEqual({ secret: 'hub-secret', issuer: 'swigs-hub', audience: 'swigs-workflow' });
    expect(config.serviceTokens.map((t) => t.name)).toEqual(['task', 'cms']);
    expect(config.port).toBe(4000);
    expect(config.cms).toMatchObject({
      apiUrl: 'https://cms.example.ch/api',
      pollEnabled: false,
      pollIntervalMs: 60_000,
    });
  });

  it('lets CLI flags win over the environment', () => {
    expect(loadConfig({ PORT: '4000' }, { port: 0 }).port).toBe(0);
  });

  it('reads the run lease in seconds (30 by default) and refuses one under a second', () => {
    expect(loadConfig({}).leaseMs).toBe(30_000);
    expect(loadConfig({ RUN_LEASE_SECONDS: '5' }).leaseMs).toBe(5000);
    expect(() => loadConfig({ RUN_LEASE_SECONDS: '0' })).toThrow(/RUN_LEASE_SECONDS/);
  });

  it('refuses short service tokens and bad values', () => {
    expect(() => loadConfig({ SERVICE_TOKENS: 'task:short' })).toThrow(/at least 16/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow();
  });
});
