import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The server's and the adapters' files that must run alone (Chromium, worker processes, real-time windows) are
    // projects of their own (server-serial, adapters-serial).
    projects: [
      'packages/*',
      'packages/server/vitest.serial.config.ts',
      'packages/adapters/vitest.serial.config.ts',
      'examples',
      'test/consumer',
    ],
    // Looks for MongoDB, Chromium and poppler once per run; suites that need a missing one are skipped (one line
    // each at the end), and under CI=true the run fails instead.
    globalSetup: ['./tools/test-services/src/global-setup.ts'],
  },
});
