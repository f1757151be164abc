import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Workspace packages resolve to their sources in tests, so no build is needed between edits. */
export const aliases = [
  { find: /^@swigs\/automation-core\/testing$/, replacement: `${root}packages/core/src/testing/index.ts` },
  { find: /^@swigs\/automation-core\/money$/, replacement: `${root}packages/core/src/money/index.ts` },
  { find: /^@swigs\/automation-core\/graph$/, replacement: `${root}packages/core/src/graph/index.ts` },
  { find: /^@swigs\/automation-core$/, replacement: `${root}packages/core/src/index.ts` },
  { find: /^@swigs\/automation-nodes$/, replacement: `${root}packages/nodes/src/index.ts` },
  { find: /^@swigs\/automation-adapters\/(.+)$/, replacement: `${root}packages/adapters/src/$1/index.ts` },
  { find: /^@swigs\/automation-builder$/, replacement: `${root}packages/builder-element/src/index.ts` },
  { find: /^@swigs\/workflow-server$/, replacement: `${root}packages/server/src/index.ts` },
];
