import { defineConfig } from 'tsup';

export const entry = {
  index: 'src/index.ts',
  cli: 'src/cli.ts',
};

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
