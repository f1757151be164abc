import { defineProject } from 'vitest/config';
import { aliases } from '../../vitest.aliases';

export default defineProject({
  resolve: { alias: aliases },
  test: {
    name: 'adapters',
    // After the in-process files (core, nodes, server); one at a time (vitest's default on 2 cores), see
    // packages/core/vitest.config.ts.
    sequence: { groupOrder: 1 },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
