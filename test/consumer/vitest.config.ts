import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'consumer',
    // After the in-process files (core, nodes, server, adapters); one at a time (vitest's default on 2 cores), see
    // packages/core/vitest.config.ts.
    sequence: { groupOrder: 1 },
    include: ['*.test.ts'],
    // pnpm pack of three packages, an npm install (from npm's cache when warm) and two tsc runs.
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
