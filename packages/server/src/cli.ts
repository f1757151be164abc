#!/usr/bin/env node
import { holdYoungGenerationWhileStarting } from './runtime/startup-heap';

// Before the server's modules load: their start-up survivors would size V8's young generation (see startup-heap).
const release = process.argv[2] === 'start' ? holdYoungGenerationWhileStarting() : () => {};

import('./runtime/cli-main').then(
  ({ runCli }) => runCli(process.argv.slice(2), { onListening: release }),
  (error: unknown) => {
    process.stderr.write(`swigs-workflow: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
