import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'examples',
    // After the in-process files (core, nodes, server, adapters); one at a time (vitest's default on 2 cores), see
    // packages/core/vitest.config.ts.
    sequence: { groupOrder: 1 },
    include: ['examples.test.ts'],
    testTimeout: 120_000,
  },
});
