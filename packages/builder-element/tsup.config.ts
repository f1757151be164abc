import { defineConfig } from 'tsup';

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
  '@lit/context',
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
    define: { 'process.env.NODE_ENV': '"production"' },
    outExtension: () => ({ js: '.js' }),
  },
]);
