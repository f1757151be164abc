// Gate (pnpm lint:catalog): a dependency that several workspace packages list comes from the pnpm catalog
// (pnpm-workspace.yaml), so the repo tests one version of it and every published package.json states the same range.
// Peer ranges are the users' side and may differ; workspace: links are ours.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
  .split('\n')
  .flatMap((line) => /^ {2}- (.+)\/\*$/.exec(line)?.[1] ?? []);
const manifests = [
  'package.json',
  ...workspaces.flatMap((dir) =>
    readdirSync(join(root, dir))
      .map((name) => join(dir, name, 'package.json'))
      .filter((file) => existsSync(join(root, file))),
  ),
];

const users = new Map();
for (const file of manifests) {
  const manifest = JSON.parse(readFileSync(join(root, file), 'utf8'));
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
      if (spec.startsWith('workspace:')) continue;
      users.set(name, [...(users.get(name) ?? []), { file, spec }]);
    }
  }
}

const drifts = [...users].filter(([, uses]) => uses.length > 1 && uses.some((use) => !use.spec.startsWith('catalog:')));
for (const [name, uses] of drifts) {
  console.error(`${name} is listed by ${uses.map((u) => `${u.file} (${u.spec})`).join(', ')}: use "catalog:" in each`);
}
if (drifts.length > 0) process.exit(1);
console.log(`catalog: ${[...users].filter(([, uses]) => uses.length > 1).length} shared dependencies, one range each`);
