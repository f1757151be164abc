import { describe, expect, it } from 'vitest';
import { cliUsage } from './cli-usage';
import { CONFIG_VARIABLES, loadConfig } from './server-config';

describe('the CLI usage', () => {
  it('lists every variable the configuration reads, with its default', () => {
    const usage = cliUsage();
    // Every variable loadConfig accepts is a key of the schema, hence of CONFIG_VARIABLES (the type asks for all).
    for (const name of Object.keys(CONFIG_VARIABLES)) expect(usage).toMatch(new RegExp(`^\\s+${name}\\s`, 'm'));
    expect(usage).toMatch(/PORT\s+HTTP port; 0 picks a free one \(default 3003\)/);
    expect(usage).toContain('WEBHOOK_*');
    for (const name of [
      'PUBLIC_URL',
      'MONGODB_DB',
      'LOCAL_USER',
      'TASK_API_URL',
      'TASK_SERVICE_TOKEN',
      'UNSUBSCRIBE_SECRET',
    ])
      expect(usage).toContain(name);
  });

  it('names only variables the configuration reads', () => {
    const listed = [...cliUsage().matchAll(/^\s{4}([A-Z][A-Z_]+)\s/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(CONFIG_VARIABLES).sort());
    // And what it lists is what loadConfig reads: a listed variable changes the configuration.
    expect(loadConfig({ LOCAL_USER: 'atelier' }).localUser).toBe('atelier');
    expect(loadConfig({ TASK_API_URL: 'http://127.0.0.1:9', TASK_SERVICE_TOKEN: 't' }).tasks?.baseUrl).toBe(
      'http://127.0.0.1:9',
    );
  });
});
