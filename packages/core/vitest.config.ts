import { availableParallelism } from 'node:os';
import { defineProject } from 'vitest/config';
import { aliases } from '../../vitest.aliases';

export default defineProject({
  resolve: { alias: aliases },
  test: {
    name: 'core',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Pure code tested in process (no server, browser or worker processes whose timing a test depends on): these files
    // run first, on every core, and share their imports (no module state to reset: there are no globals), which
    // halves their CPU time (52 -> 28 s for core + nodes), with the server's and the adapters' in-process files
    // (projects server, adapters); the other projects' files then run one at a time (their sequence.groupOrder is 1).
    sequence: { groupOrder: 0 },
    maxWorkers: availableParallelism(),
    isolate: false,
  },
});
