import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Esbuild {
  build(options: Record<string, unknown>): Promise<unknown>;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const LOAD_ON_FIRST_USE = join(here, '..', '..', '..', 'nodes', 'src', 'shared', 'load-on-first-use.ts');
let bundled: Promise<string> | undefined;

/**
 * Bundles `automation-worker.ts` and the workspace sources it imports (through tsconfig paths) into one
 * CommonJS file, so each worker process starts in a fraction of a second instead of transpiling every source
 * file on start. Native and driver packages stay external and resolve through `NODE_PATH`.
 */
export function bundleWorker(): Promise<string> {
  bundled ??= (async () => {
    // esbuild is tsx's own dependency; resolving it from there needs no extra package.
    const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx'));
    const esbuild = fromTsx('esbuild') as Esbuild;
    const outdir = mkdtempSync(join(tmpdir(), 'swigs-worker-'));
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
    const outfile = join(outdir, 'automation-worker.cjs');
    await esbuild.build({
      entryPoints: [join(here, 'worker-main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      tsconfig: join(here, 'tsconfig.json'),
      external: ['better-sqlite3', 'mongodb'],
      // CommonJS output has no import.meta: the bundled sources' only reader (the nodes package's
      // load-on-first-use) gets its own file's URL, so it loads Handlebars and html-to-text from there as unbundled.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(LOAD_ON_FIRST_USE).href) },
      logLevel: 'error',
    });
    return outfile;
  })();
  return bundled;
}

/** `NODE_PATH` for the bundle: the adapters package's dependencies. */
export const WORKER_NODE_PATH = join(here, '..', '..', 'node_modules');
