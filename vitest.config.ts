import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The server's files that start Chromium or child processes are a project of their own (server-serial).
    projects: ['packages/*', 'packages/server/vitest.serial.config.ts', 'examples', 'test/consumer'],
    // Looks for MongoDB, Chromium and poppler once per run; suites that need a missing one are skipped (one line
    // each at the end), and under CI=true the run fails instead.
    globalSetup: ['./tools/test-services/src/global-setup.ts'],
  },
});
