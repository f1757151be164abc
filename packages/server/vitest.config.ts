import { availableParallelism } from 'node:os';
import { configDefaults, defineProject } from 'vitest/config';
import { aliases } from '../../vitest.aliases';
import { serialFiles } from './vitest.serial-files';

export default defineProject({
  resolve: { alias: aliases },
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Chromium, child processes and the latency bound run apart, one at a time (project server-serial).
    exclude: [...configDefaults.exclude, ...serialFiles],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The app called in process (app.request, or a server on an ephemeral port of this process): these files run
    // with core and nodes, on every core, sharing their imports. Each builds its own engine, store, servers and temp
    // folder and closes them, reads no module state another sets (secrets are passed to the app, or are WEBHOOK_*
    // variables of names no other file reads) and fakes no timers (the clock is a port).
    sequence: { groupOrder: 0 },
    maxWorkers: availableParallelism(),
    isolate: false,
    // expect.poll waits for a condition; its default 1 s deadline fails on a loaded 2-core CI machine (Chromium,
    // the server and a compiler sharing it), while a condition that holds ends the wait at once.
    expect: { poll: { timeout: 20_000 } },
  },
});
