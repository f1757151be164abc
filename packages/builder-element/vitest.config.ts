import { defineProject } from 'vitest/config';
import { aliases } from '../../vitest.aliases';

export default defineProject({
  resolve: { alias: aliases },
  test: {
    name: 'builder',
    // After the in-process files (core, nodes, server, adapters); one at a time (vitest's default on 2 cores), see
    // packages/core/vitest.config.ts.
    sequence: { groupOrder: 1 },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for a condition; its default 1 s deadline fails on a loaded 2-core CI machine (Chromium,
    // the server and a compiler sharing it), while a condition that holds ends the wait at once.
    expect: { poll: { timeout: 20_000 } },
  },
});
