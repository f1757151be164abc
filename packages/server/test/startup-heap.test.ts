import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROCESS = fileURLToPath(new URL('./helpers/young-generation-process.ts', import.meta.url));
const MB = 1024 * 1024;

/** The new space's committed size before the hold, at its end and after the release, in a fresh process. */
function sizes(nodeFlags: string[] = []): { initial: number; held: number; released: number } {
  const out = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', PROCESS], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return JSON.parse(out) as { initial: number; held: number; released: number };
}

describe('the young generation while the server starts', () => {
  it('does not grow with long-lived start-up objects, and grows again as V8 would once released', () => {
    const { initial, held, released } = sizes();
    // Without the hold, 400,000 surviving objects double it from 1 to 8 MB or more per semi-space.
    expect(held).toBeLessThanOrEqual(Math.max(initial, 2 * MB));
    expect(released).toBeGreaterThan(2 * held);
  });

  it('leaves the sizing to the operator who passes a semi-space flag', () => {
    const { initial, held } = sizes(['--max-semi-space-size=16']);
    expect(held).toBeGreaterThan(Math.max(2 * initial, 4 * MB));
  });
});
