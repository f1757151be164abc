/**
 * The adapters' test files that keep the machine to themselves (project `adapters-serial`, one file at a time after
 * the in-process files): worker processes (restarts, kill -9, several workers on one store), the CMS bridge against
 * real-time rate windows and polls, SQLite's checkpoint thread keeping the WAL bounded while writes go on, and a
 * latency bound (step stats over 100,000 runs within 100 ms). Every other adapters file runs in process on every
 * core with the pure-code projects (project `adapters`).
 */
export const serialFiles: string[] = [
  'test/cms/**/*.test.ts',
  'test/crash/**/*.test.ts',
  'test/sqlite-workers.test.ts',
  'test/mongodb-workers.test.ts',
  'test/sqlite-restart.test.ts',
  'test/sqlite-step-stats.test.ts',
  'test/sqlite-wal-checkpoints.test.ts',
];
