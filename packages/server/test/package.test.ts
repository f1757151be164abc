import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { entry } from '../tsup.config';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${pkgDir}package.json`, 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  main: string;
  module: string;
  types: string;
};

beforeAll(() => {
  // `pnpm test` builds first; a lone run of this file builds the server itself.
  if (!existsSync(`${pkgDir}dist/index.cjs`))
    execSync('pnpm --filter @swigs/workflow-server run build', { cwd: root, stdio: 'ignore' });
}, 300_000);

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

  it('loads its built entry from ESM and CommonJS as the same API', () => {
    // The CommonJS chunks once kept `import.meta.url`, a syntax error in a .cjs file (tsup's shims now replace it).
    const esm = execFileSync(
      'node',
      ['-e', "import('@swigs/workflow-server').then((m) => console.log(Object.keys(m).sort().join(',')))"],
      { cwd: pkgDir, encoding: 'utf8' },
    );
    const cjs = execFileSync(
      'node',
      ['-e', "console.log(Object.keys(require('@swigs/workflow-server')).sort().join(','))"],
      { cwd: pkgDir, encoding: 'utf8' },
    );
    expect(cjs.trim().split(',')).toEqual(PUBLIC_API);
    expect(esm.trim().split(',')).toEqual(PUBLIC_API);
  });

  it('builds JavaScript files without characters beyond Latin-1', () => {
    // V8 holds a module's source for as long as the module lives, at two bytes a character as soon as one character
    // needs it: one `…` in a kept comment doubled a 240 kB chunk in every server's memory.
    const files = readdirSync(`${pkgDir}dist`).filter((name) => /\.(c?js)$/.test(name));
    expect(files.length).toBeGreaterThan(2);
    const isWide = (text: string): boolean => [...text].some((char) => char.charCodeAt(0) > 0xff);
    const wide = files.filter((name) => isWide(readFileSync(`${pkgDir}dist/${name}`, 'utf8')));
    expect(wide).toEqual([]);
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
