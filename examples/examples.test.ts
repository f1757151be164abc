import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '@swigs/test-services/browser';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Each example's `pnpm start`, as a user runs it, against the built packages; what it prints when it worked. */
const EXAMPLES = [
  {
    name: 'custom-node',
    browser: false,
    prints: ['custom-node (ESM): run completed', 'custom-node (CJS): run completed'],
  },
  { name: 'express-mount', browser: false, prints: ['express-mount: swigs-workflow answered under'] },
  { name: 'builder-html', browser: true, prints: ['builder-html: OK'] },
  { name: 'builder-react', browser: true, prints: ['builder-react: OK'] },
] as const;

describe('the examples (built packages)', () => {
  it('run against built packages (`pnpm build` first)', () => {
    for (const dist of ['core/dist/index.js', 'builder-element/dist/swigs-automation-builder.bundle.js']) {
      expect(existsSync(`${here}../packages/${dist}`), `missing packages/${dist}: run pnpm build`).toBe(true);
    }
  });

  for (const example of EXAMPLES) {
    it.skipIf(example.browser && !chromiumPath)(`${example.name} runs to the end`, async () => {
      const { code, output } = await runStart(example.name);
      for (const line of example.prints) expect(output).toContain(line);
      expect(code, output).toBe(0);
    });
  }
});

/** Runs the example's `start` script with the run's Chromium and returns its exit code and output. */
function runStart(name: string): Promise<{ code: number | null; output: string }> {
  const dir = `${here}${name}`;
  const script = (JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { scripts: { start: string } }).scripts
    .start;
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', script], {
      cwd: dir,
      env: { ...process.env, ...(chromiumPath ? { CHROMIUM_PATH: chromiumPath } : {}) },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
