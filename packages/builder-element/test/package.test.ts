import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
};
const tsup = readFileSync(new URL('../tsup.config.ts', import.meta.url), 'utf8');

describe('package shape', () => {
  it('exports exactly the tsup entries (plus the bundle, manifest and package.json)', () => {
    const entries = [...tsup.matchAll(/(\w+): 'src\/(\w+)\.ts'/g)].map((m) => m[1]);
    expect(entries).toEqual(['index', 'define', 'react']);
    for (const entry of entries) {
      const key = entry === 'index' ? '.' : `./${entry}`;
      expect(pkg.exports[key]).toEqual({ types: `./dist/${entry}.d.ts`, default: `./dist/${entry}.js` });
    }
    expect(tsup).toContain("'swigs-automation-builder.bundle': 'src/bundle.ts'");
    expect(pkg.exports['./bundle']).toEqual({
      types: './dist/swigs-automation-builder.bundle.d.ts',
      default: './dist/swigs-automation-builder.bundle.js',
    });
    expect(Object.keys(pkg.exports).sort()).toEqual([
      '.',
      './bundle',
      './custom-elements.json',
      './define',
      './package.json',
      './react',
    ]);
  });

  it('keeps its public export list', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "BuilderClientError",
        "BuilderStore",
        "CLIPBOARD_MIME",
        "SwigsAutomationBuilder",
        "SwigsChangeEvent",
        "SwigsSaveEvent",
        "SwigsThemeChangeEvent",
        "autoLayout",
        "buildFormModel",
        "copyNodes",
        "createBuilderClient",
        "createDescriptorRegistry",
        "createHistory",
        "defaultValue",
        "describeCron",
        "edgeId",
        "extractVariablePaths",
        "fromFlow",
        "getAt",
        "insertVariable",
        "layoutPositions",
        "messagesFor",
        "normalizeAutomation",
        "parseClipboard",
        "pasteNodes",
        "resolveClient",
        "setAt",
        "spliceEdge",
        "toFlow",
        "upstreamNodeIds",
        "validateForBuilder",
        "variablesFor",
      ]
    `);
  });

  it('reads core values only from the zod-free @swigs/automation-core/graph (the root pulls zod into the bundle)', () => {
    const src = new URL('../src/', import.meta.url);
    const shipped = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    expect(shipped.length).toBeGreaterThan(40);
    // A value import of the root entry (`import { x }` or `import { type T, x }`); `import type { ... }` is erased.
    const valueImport = /^import\s+(?!type\s)\{([^}]*)\}\s+from\s+'@swigs\/automation-core';/gm;
    const offenders = shipped.filter((file) =>
      [...readFileSync(new URL(file, src), 'utf8').matchAll(valueImport)].some((m) =>
        (m[1] ?? '').split(',').some((name) => name.trim() !== '' && !name.trim().startsWith('type ')),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
