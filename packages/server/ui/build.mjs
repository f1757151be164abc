// Builds the web UI into dist/ui: index.html, app.js (Lit, bundled), app.css, and the builder element bundle.
import { copyFile, mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'dist', 'ui');

await mkdir(outDir, { recursive: true });
await build({
  config: false,
  // The template editor (CodeMirror) is its own bundle, loaded when a template is opened.
  entry: { app: join(here, 'src', 'main.ts'), 'template-editor': join(here, 'src', 'template-editor', 'index.ts') },
  outDir,
  format: ['esm'],
  platform: 'browser',
  target: 'es2022',
  noExternal: [/.*/],
  dts: false,
  splitting: false,
  sourcemap: true,
  minify: true,
  clean: false,
  silent: true,
  outExtension: () => ({ js: '.js' }),
});
await copyFile(join(here, 'styles.css'), join(outDir, 'app.css'));
await copyFile(join(here, 'favicon.svg'), join(outDir, 'favicon.svg'));
const html = await readFile(join(here, 'index.html'), 'utf8');
await writeFile(join(outDir, 'index.html'), html);

// The builder ships a single-file bundle for plain pages; the UI loads it lazily on the builder page.
const require = createRequire(join(here, '..', 'package.json'));
let bundle = null;
try {
  bundle = join(
    dirname(require.resolve('@swigs/automation-builder/package.json')),
    'dist',
    'swigs-automation-builder.bundle.js',
  );
  await access(bundle);
} catch {
  bundle = null;
}
if (bundle) await copyFile(bundle, join(outDir, 'builder.js'));
else console.warn('[ui] @swigs/automation-builder bundle not found: the builder page will show a notice');
console.log(`[ui] built into ${outDir}`);
