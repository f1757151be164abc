import { defineProject } from 'vitest/config';
import { aliases } from '../../vitest.aliases';

export default defineProject({
  resolve: { alias: aliases },
  test: {
    name: 'builder',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
