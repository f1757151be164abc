import { readFileSync } from 'node:fs';
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
});
