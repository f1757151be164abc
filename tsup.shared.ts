import { defineConfig, type Options } from 'tsup';

/** The dual ESM/CJS build every Node package uses (splitting keeps shared code in one chunk for both formats). */
export function defineNodePackage(entry: Record<string, string>, extra: Options = {}): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    ...extra,
  });
}
