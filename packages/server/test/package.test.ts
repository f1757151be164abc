import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entry } from '../tsup.config';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${pkgDir}package.json`, 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  main: string;
  module: string;
  types: string;
};

describe('@swigs/workflow-server package', () => {
  it('exports the index entry and ships the cli entry as the swigs-workflow command', () => {
    expect(Object.keys(entry).sort()).toEqual(['cli', 'index']);
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './package.json']);
    expect(pkg.exports['.']).toEqual({
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    });
    expect(pkg.bin).toEqual({ 'swigs-workflow': './dist/cli.js' });
    expect([pkg.main, pkg.module, pkg.types]).toEqual(['./dist/index.cjs', './dist/index.js', './dist/index.d.cts']);
    expect(readFileSync(`${pkgDir}src/cli.ts`, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('exports a pinned public API', async () => {
    const api = await import('../src/index');
    expect(Object.keys(api).sort()).toEqual(PUBLIC_API);
  });
});

// What a host needs to run the server, mount it or add routes to it; internals are not exported.
const PUBLIC_API: string[] = [
  'HttpError',
  'createApp',
  'createAuthenticator',
  'createInvoicingRecordPort',
  'createInvoicingRoutes',
  'createJsonLogger',
  'createOpenApiDocument',
  'createRequestListener',
  'createRouter',
  'createServer',
  'errorResponses',
  'isHttpError',
  'issueToken',
  'jsonContent',
  'jsonRequest',
  'loadConfig',
  'noContent',
];
