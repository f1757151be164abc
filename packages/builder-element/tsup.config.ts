import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

/**
 * zod re-exports every error-message locale as `z.locales` (260 KB minified, 39 KB gzip); nothing here reads them
 * (errors are worded by our own messages), and a namespace re-export cannot be tree-shaken, so the single-file
 * bundle gets an empty `locales` instead. zod's own English messages come from `locales/en.js` directly.
 */
const withoutZodLocales: Plugin = {
  name: 'without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

const external = [
  'lit',
  /^lit\//,
  '@xyflow/system',
  '@swigs/automation-core',
  'zod',
  '@dagrejs/dagre',
  'cronstrue',
  /^cronstrue\//,
  'react',
  '@lit/react',
  '@lit/task',
];

export default defineConfig([
  {
    // The npm build: ES modules, dependencies external so an app bundles one Lit and one @xyflow/system.
    entry: { index: 'src/index.ts', define: 'src/define.ts', react: 'src/react.ts' },
    format: ['esm'],
    dts: true,
    splitting: true,
    clean: false,
    target: 'es2022',
    external,
  },
  {
    // One file for a plain <script type="module">: everything inlined, `process.env.NODE_ENV` defined.
    entry: { 'swigs-automation-builder.bundle': 'src/bundle.ts' },
    format: ['esm'],
    // Typed like the npm entry it inlines, so `import '@swigs/automation-builder/bundle'` type-checks too.
    dts: true,
    clean: false,
    target: 'es2022',
    platform: 'browser',
    minify: true,
    noExternal: [/.*/],
    esbuildPlugins: [withoutZodLocales],
    define: { 'process.env.NODE_ENV': '"production"' },
    outExtension: () => ({ js: '.js' }),
  },
]);
