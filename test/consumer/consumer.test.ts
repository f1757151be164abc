import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmRegistry } from '@swigs/test-services/npm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const PACKAGES = ['core', 'nodes', 'adapters'] as const;

/** What `fixture/order-flow.ts` prints once it has run its automation. */
interface FlowReport {
  format: 'esm' | 'cjs';
  resolved?: string;
  dbIsTyped: boolean;
  firstStatus: string;
  resumed: number;
  status: string;
  mails: { to: string[]; subject: string }[];
  journalMode: unknown;
}

// The project lives in the system's temporary folder, outside the workspace, so nothing resolves from the
// workspace's node_modules: only what npm installed from the tarballs and the registry.
describe.skipIf(!npmRegistry)('the packed core, nodes and adapters in a new npm project', () => {
  let project = '';

  beforeAll(async () => {
    for (const name of PACKAGES) {
      const dist = join(root, 'packages', name, 'dist', 'index.cjs');
      const entry = name === 'adapters' ? join(root, 'packages', name, 'dist', 'sqlite', 'index.cjs') : dist;
      expect(existsSync(entry), `missing ${entry}: run pnpm build (pnpm test does)`).toBe(true);
    }
    project = mkdtempSync(join(tmpdir(), 'swigs-consumer-'));
    await createProject(project);
  });

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true, maxRetries: 5 });
  });

  it('installs with every dependency and peer dependency satisfied', async () => {
    const ls = await run('npm', ['ls', '--all'], project);
    expect(ls.code, ls.output).toBe(0);
  });

  it('ships package.json files with version ranges only (no workspace: or catalog: left)', () => {
    for (const name of PACKAGES) {
      const manifest = readJson(join(project, 'node_modules', '@swigs', `automation-${name}`, 'package.json'));
      const ranges = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies };
      for (const [dep, range] of Object.entries(ranges)) {
        expect(range, `${manifest.name} → ${dep}`).toMatch(/^[\^~<>=\d]/);
      }
    }
  });

  it('compiles a strict TypeScript consumer (skipLibCheck: false) for ESM and CommonJS', async () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', project], project);
    expect(result.code, result.output).toBe(0);
    expect(existsSync(join(project, 'dist', 'order-flow.mjs'))).toBe(true);
    expect(existsSync(join(project, 'dist', 'order-flow.cjs'))).toBe(true);
    // tsc reads every .d.ts of the installed packages (skipLibCheck: false): 20 s alone, minutes beside a full suite.
  }, 240_000);

  for (const format of ['esm', 'cjs'] as const) {
    it(`runs an automation on a SQLite file from ${format === 'esm' ? 'ESM' : 'CommonJS'}`, async () => {
      const program = join(project, 'dist', `order-flow.${format === 'esm' ? 'mjs' : 'cjs'}`);
      const result = await run(process.execPath, [program, join(project, `${format}.sqlite`)], project);
      expect(result.code, result.output).toBe(0);
      const report = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as FlowReport;
      expect(report).toMatchObject({
        format,
        dbIsTyped: false,
        firstStatus: 'waiting',
        resumed: 1,
        status: 'completed',
        mails: [{ to: ['lea.muller@example.ch'], subject: 'Merci pour votre commande n° 1042' }],
        journalMode: 'wal',
      });
      if (format === 'cjs') {
        expect(report.resolved).toBe(join(project, 'node_modules/@swigs/automation-core/dist/index.cjs'));
      }
    });
  }
});

/**
 * Packs the three packages as `pnpm publish` would, writes a consumer package.json, tsconfig and the fixture (once
 * as .mts, once as .cts), and installs. better-sqlite3 is installed without its build script and given the
 * workspace's compiled binding (same version, built for the Node running this test), which saves a minute of C++.
 */
async function createProject(dir: string): Promise<void> {
  const tarballs = join(dir, 'tarballs');
  mkdirSync(tarballs);
  const dependencies: Record<string, string> = {};
  for (const name of PACKAGES) {
    const pkgDir = join(root, 'packages', name);
    const manifest = readJson(join(pkgDir, 'package.json'));
    const packed = await run('pnpm', ['pack', '--pack-destination', tarballs], pkgDir);
    expect(packed.code, packed.output).toBe(0);
    const file = `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`;
    expect(existsSync(join(tarballs, file)), packed.output).toBe(true);
    dependencies[manifest.name] = `file:tarballs/${file}`;
  }
  const adapters = createRequire(join(root, 'packages/adapters/package.json'));
  const sqliteDir = join(adapters.resolve('better-sqlite3/package.json'), '..');
  const sqliteVersion = readJson(join(sqliteDir, 'package.json')).version;
  const zodVersion = readJson(adapters.resolve('zod/package.json')).version;
  const typesNodeVersion = readJson(createRequire(`${root}package.json`).resolve('@types/node/package.json')).version;
  Object.assign(dependencies, { 'better-sqlite3': sqliteVersion, zod: zodVersion, '@types/node': typesNodeVersion });

  writeJson(join(dir, 'package.json'), { name: 'swigs-consumer', private: true, type: 'commonjs', dependencies });
  writeJson(join(dir, 'tsconfig.json'), {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: false,
      types: ['node'],
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  });
  mkdirSync(join(dir, 'src'));
  const source = readFileSync(join(here, 'fixture', 'order-flow.ts'), 'utf8');
  writeFileSync(join(dir, 'src', 'order-flow.mts'), source);
  writeFileSync(join(dir, 'src', 'order-flow.cts'), source);

  const install = await run(
    'npm',
    ['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    dir,
  );
  expect(install.code, install.output).toBe(0);
  const binding = join('build', 'Release', 'better_sqlite3.node');
  mkdirSync(join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release'), { recursive: true });
  copyFileSync(join(sqliteDir, binding), join(dir, 'node_modules', 'better-sqlite3', binding));
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, output: `${command} ${args.join(' ')}\n${stdout}\n${stderr}` });
    });
  });
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readJson(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
