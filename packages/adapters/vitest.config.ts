import { availableParallelism } from 'node:os';
import { configDefaults, defineProject } from 'vitest/config';
import { aliases } from '../../vitest.aliases';
import { serialFiles } from './vitest.serial-files';

export default defineProject({
  resolve: { alias: aliases },
  test: {
    name: 'adapters',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Worker processes, the CMS bridge's real-time windows and the latency bound run apart, one at a time (project
    // adapters-serial).
    exclude: [...configDefaults.exclude, ...serialFiles],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Stores, mail, SMS and HTTP called in process (SMTP and HTTP stand-ins on ephemeral ports of this process): these
    // files run with core, nodes and the server's in-process files, on every core, sharing their imports. Each
    // creates its own stores (a temp file, a MongoDB database of its own name), servers and clock and closes them,
    // sets no environment variable and fakes no timers (the clock is a port).
    sequence: { groupOrder: 0 },
    maxWorkers: availableParallelism(),
    isolate: false,
  },
});
