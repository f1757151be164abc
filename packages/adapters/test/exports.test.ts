import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entry } from '../tsup.config';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as {
  exports: Record<string, unknown>;
  typesVersions: Record<string, Record<string, string[]>>;
};
const subpaths = Object.keys(pkg.exports).filter((key) => key !== './package.json');

/** The runtime names each subpath entry exports, read from its sources. */
async function exportsOf(subpath: string): Promise<string[]> {
  const names = Object.keys(await import(`../src/${subpath.slice(2)}/index.ts`));
  return names.sort();
}

describe('@swigs/automation-adapters package', () => {
  it('has exactly one exports entry per tsup entry, pointing at its built files', () => {
    expect(subpaths.map((key) => `${key.slice(2)}/index`).sort()).toEqual(Object.keys(entry).sort());
    for (const name of Object.keys(entry)) {
      expect(pkg.exports[`./${name.replace(/\/index$/, '')}`]).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
  });

  it('types every subpath for TypeScript without exports support (moduleResolution node10)', () => {
    const expected = Object.fromEntries(
      Object.keys(entry).map((name) => [name.replace(/\/index$/, ''), [`./dist/${name}.d.cts`]]),
    );
    expect(pkg.typesVersions).toEqual({ '*': expected });
  });

  it('exports a pinned public API from each subpath', async () => {
    const api: Record<string, string[]> = {};
    for (const subpath of subpaths.sort()) api[subpath] = await exportsOf(subpath);
    expect(api).toMatchInlineSnapshot(`
      {
        "./cms": [
          "CMS_CURSOR_CUSTOMERS",
          "CMS_CURSOR_ORDERS",
          "CMS_CURSOR_ORIGIN",
          "CMS_SIGNATURE_HEADER",
          "CMS_TIMESTAMP_HEADER",
          "cmsBridgeOptionsFromEnv",
          "createCmsBridge",
          "signCmsWebhook",
        ],
        "./http": [
          "HttpClientOptionsSchema",
          "createHttpClient",
        ],
        "./mongodb": [
          "COLLECTIONS",
          "INDEXES",
          "MongoStoreOptionsSchema",
          "createMongoStore",
        ],
        "./nodemailer": [
          "SmtpMailOptionsSchema",
          "createSmtpMail",
        ],
        "./outbox": [
          "createOutboxMail",
          "outboxIdFor",
        ],
        "./sms": [
          "HttpSmsOptionsSchema",
          "createHttpSms",
          "createOutboxSms",
        ],
        "./sqlite": [
          "MIGRATIONS",
          "SCHEMA_VERSION",
          "SqliteStoreOptionsSchema",
          "createSqliteStore",
          "migrate",
        ],
        "./swigs-task": [
          "SwigsTaskClientOptionsSchema",
          "createSwigsTaskClient",
        ],
      }
    `);
  });
});
