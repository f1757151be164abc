import { defineProject } from 'vitest/config';
import { aliases } from '../../vitest.aliases';
import { serialFiles } from './vitest.serial-files';

export default defineProject({
  resolve: { alias: aliases },
  test: {
    name: 'adapters-serial',
    // After the in-process files (core, nodes, server, adapters); one at a time (vitest's default on 2 cores), see
    // packages/core/vitest.config.ts and vitest.serial-files.ts.
    sequence: { groupOrder: 1 },
    include: serialFiles,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
