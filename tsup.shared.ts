import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * The dual ESM/CJS build every Node package uses (splitting keeps shared code in one chunk for both formats).
 * `shims` gives `import.meta.url` to the CommonJS build (tsup's CJS splitting would otherwise leave it as it is, a
 * syntax error in a .cjs file) and `__dirname` to the ESM build: code resolving its own files or dependencies
 * (`createRequire(import.meta.url)`) then works in both.
 */
export function defineNodePackage(entry: Record<string, string>, extra: Options = {}): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    shims: true,
    onSuccess: () => relativeSourceMaps('dist'),
    ...extra,
  });
}

/**
 * Rewrites absolute `sources` of every source map under `dir` relative to the map. tsup's CJS pass names its
 * intermediate file by absolute path, which would publish the build machine's folders in every `.cjs.map`.
 */
export async function relativeSourceMaps(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.map')) continue;
    const file = join(entry.parentPath, entry.name);
    const map = JSON.parse(await readFile(file, 'utf8')) as { sources?: string[] };
    if (!map.sources?.some(isAbsolute)) continue;
    map.sources = map.sources.map((source) => (isAbsolute(source) ? relative(dirname(file), source) : source));
    await writeFile(file, JSON.stringify(map));
  }
}
