import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'examples', 'test/consumer'],
    // Looks for MongoDB, Chromium and poppler once per run; suites that need a missing one are skipped (one line
    // each at the end), and under CI=true the run fails instead.
    globalSetup: ['./tools/test-services/src/global-setup.ts'],
  },
});
