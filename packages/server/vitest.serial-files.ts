/**
 * The server's test files that keep the machine to themselves (project `server-serial`, one file at a time after the
 * in-process files): Chromium, child processes (the CLI, kill -9 restarts, concurrent worker processes, the built
 * package) and a latency bound (`/healthz` within 100 ms while a template compiles). Every other server file calls
 * the app in process and runs on every core with the pure-code projects (project `server`).
 */
export const serialFiles: string[] = [
  'test/e2e/**/*.test.ts',
  'test/authoring/restarts.test.ts',
  'test/cli.test.ts',
  'test/event-crash.test.ts',
  'test/mail-crash.test.ts',
  'test/invoicing/numbering-concurrency.test.ts',
  'test/package.test.ts',
  'test/startup-heap.test.ts',
  'test/template-limits.test.ts',
];
