// Dependency rules of the layout (README "Layout"), checked by `pnpm lint:deps` in CI. Only shipped sources are
// checked: tests and benches may use Node and any package.
/** Node built-ins that do I/O; node:crypto and the like compute only. */
const ioBuiltins = [
  'fs',
  'fs/promises',
  'net',
  'tls',
  'http',
  'https',
  'http2',
  'dgram',
  'dns',
  'dns/promises',
  'child_process',
  'cluster',
  'worker_threads',
  'inspector',
];
/** Libraries that open sockets, files or databases: adapters wrap them behind ports. */
const ioPackages = ['undici', 'nodemailer', 'mongodb', 'better-sqlite3', 'node-fetch', 'axios', 'got', 'ky', 'ws'];
/**
 * Files allowed to break a rule, each with why: `{ path: '^packages/nodes/src/x\\.ts$', why: '...' }`. Empty: nodes
 * reach the outside only through the ports in their context (ctx.ports.http, .tasks, .mail, .documents...).
 */
const exceptions = [];
const shipped = { pathNot: ['\\.test\\.ts$', '/test/', '/bench/', ...exceptions.map((e) => e.path)] };
const asRegExp = (name) => name.replace(/[/.]/g, '\\$&');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-no-node',
      comment: 'core runs in browsers and any host: no Node built-in module.',
      severity: 'error',
      from: { path: '^packages/core/src/', ...shipped },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'builder-no-node',
      comment: 'the builder element and the server web UI run in browsers: no Node built-in module.',
      severity: 'error',
      from: { path: '^packages/(builder-element/src|server/ui/src)/', ...shipped },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-own-packages',
      comment: 'core is the bottom layer: it imports none of our other packages.',
      severity: 'error',
      from: { path: '^packages/core/src/', ...shipped },
      to: { path: ['^packages/(?!core/)', '@swigs/(?!automation-core)'] },
    },
    {
      name: 'nodes-io-through-ports',
      comment: 'nodes do no I/O of their own: sockets, files and databases go through the ports in their context.',
      severity: 'error',
      from: { path: '^packages/nodes/src/', ...shipped },
      to: {
        path: [
          `^(node:)?(${ioBuiltins.map(asRegExp).join('|')})$`,
          `(^|/node_modules/)(${ioPackages.map(asRegExp).join('|')})(/|$)`,
        ],
      },
    },
    {
      name: 'nodes-no-adapters-or-server',
      comment: 'nodes depend on core only; adapters and the server depend on nodes, not the reverse.',
      severity: 'error',
      from: { path: '^packages/nodes/src/', ...shipped },
      to: {
        path: [
          '^packages/(adapters|server|builder-element)/',
          '@swigs/(automation-adapters|workflow-server|automation-builder)',
        ],
      },
    },
    {
      name: 'builder-views-not-element',
      comment:
        'builder render modules and controllers get the narrow host they read (ui/builder-view.ts), never the element class: its internals stay private.',
      severity: 'error',
      from: { path: '^packages/builder-element/src/(ui|controllers)/', ...shipped },
      to: { path: '^packages/builder-element/src/swigs-automation-builder\\.ts$' },
    },
    {
      name: 'no-unresolvable',
      comment: 'every import resolves: a package imports only what its package.json declares (or a workspace file).',
      severity: 'error',
      from: { path: '^packages/[^/]+/(ui/)?src/', ...shipped },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
