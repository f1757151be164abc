import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const bundle = `${repo}packages/builder-element/dist/swigs-automation-builder.bundle.js`;

/** Runs an example's `start` script (it drives Chromium itself) and returns its exit code and output. */
function runExample(name: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['start.mjs'], { cwd: `${repo}examples/${name}`, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the examples (built packages, real Chromium)', () => {
  it('needs the built element (run `pnpm build` first)', () => {
    expect(existsSync(bundle), `missing ${bundle}: run pnpm build`).toBe(true);
  });

  it('the plain HTML page draws the automation and adds a step through the single-file bundle', async () => {
    const { code, output } = await runExample('builder-html');
    expect(output).toContain('builder-html: OK');
    expect(code).toBe(0);
  }, 90_000);

  it('the React app passes props in and gets onSwigsChange/onSwigsSave back', async () => {
    const { code, output } = await runExample('builder-react');
    expect(output).toContain('builder-react: OK');
    expect(code).toBe(0);
  }, 90_000);
});
