#!/usr/bin/env node
// Runs every package benchmark (`packages/*/bench/*.bench.ts`) in its own process, one after another,
// so figures are not skewed by each other. `pnpm bench core` runs only files whose path contains "core".
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2] ?? '';
const root = new URL('..', import.meta.url).pathname;
const files = readdirSync(join(root, 'packages')).flatMap((pkg) => {
  const dir = join(root, 'packages', pkg, 'bench');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts') || f.endsWith('.bench.mjs'))
    .map((f) => join(dir, f));
});

let failed = 0;
// Matched inside the repository only: a checkout folder named like a bench (perf-idle) would match them all.
for (const file of files.filter((f) => f.slice(root.length).includes(filter)).sort()) {
  console.log(`\n=== ${file.slice(root.length)} ===`);
  const result = spawnSync('node', ['--expose-gc', '--import', 'tsx', file], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
