// One worker of workers.bench.ts: an engine with its scheduler on the shared store (argv: sqlite FILE | mongodb
// URL DB, then the worker id). Prints "ready" once connected, starts its scheduler on "go" (stdin), so every
// worker starts at the same moment; stops cleanly on SIGTERM.
import type { Store } from '@swigs/automation-core';
import { createEngine } from '@swigs/automation-core';
import { registry } from './storage-fixtures';

const [kind, target, dbName, workerId] =
  process.argv[2] === 'sqlite'
    ? [process.argv[2], process.argv[3]!, undefined, process.argv[4]!]
    : [process.argv[2], process.argv[3]!, process.argv[4]!, process.argv[5]!];

async function open(): Promise<Store> {
  if (kind === 'sqlite') {
    const { createSqliteStore } = await import('@swigs/automation-adapters/sqlite');
    return createSqliteStore({ filename: target });
  }
  const { createMongoStore } = await import('@swigs/automation-adapters/mongodb');
  return createMongoStore({ url: target, dbName: dbName! });
}

const store = await open();
const engine = createEngine({
  store,
  registry,
  workerId,
  scheduler: { pollIntervalMs: 50, batchSize: 200, concurrency: 200, cron: false },
  retention: { days: 0 },
});
// The outbox step this worker ran: summed over the workers, exactly one per run.
let sent = 0;
engine.on('node.completed', ({ nodeId }) => {
  if (nodeId === 'send') sent += 1;
});
console.log('ready');
await new Promise<void>((resolve) => {
  process.stdin.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('go')) resolve();
  });
});
await engine.start();
process.on('SIGTERM', async () => {
  await engine.stop();
  await store.close();
  console.log(`sent ${sent}`);
  process.exit(0);
});
