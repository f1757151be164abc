import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'examples', 'test/consumer'],
    // Looks for MongoDB, Chromium and poppler once per run; suites that need a missing one are skipped (one line
    // each at the end), and under CI=true the run fails instead.
    globalSetup: ['./tools/test-services/src/global-setup.ts'],
    // Many suites mostly wait (child processes, SMTP, Chromium, fsync), so on a 2-core machine two files at a time
    // finish sooner than vitest's default of one (cores - 1). Every suite was run this way under load 18.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
