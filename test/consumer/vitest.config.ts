import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'consumer',
    include: ['*.test.ts'],
    // pnpm pack of three packages, an npm install (from npm's cache when warm) and two tsc runs.
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
