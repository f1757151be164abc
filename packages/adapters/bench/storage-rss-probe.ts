// Child process of the storage benches: opens a store that already holds many waiting runs, runs the engine's
// scheduler and 1,000 complete runs on it, then prints its RSS as JSON. Not a bench on its own.
import { createMongoStore } from '@swigs/automation-adapters/mongodb';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { createEngine, type Store } from '@swigs/automation-core';
import { fireMany, fourNodes, parked, payload, registry } from './storage-fixtures';

const [kind, target, dbName] = process.argv.slice(2);
const store: Store =
  kind === 'mongodb'
    ? await createMongoStore({ url: target!, dbName: dbName! })
    : createSqliteStore({ filename: target! });
const engine = createEngine({
  store,
  registry,
  workerId: 'rss-probe',
  scheduler: { pollIntervalMs: 200 },
  retention: { days: 0 },
});
const waiting = (await store.runs.list({ userId: 'u1', status: ['waiting'], limit: 0 })).total;
// The parked automation shares the trigger; switched off so the 1,000 runs below complete instead of parking.
await store.automations.save({ ...parked, isActive: false });
await store.automations.save(fourNodes);
await engine.start();
await fireMany((i) => engine.fire('order.paid', payload(i)), 1000, 64);
await new Promise((resolve) => setTimeout(resolve, 2000));
(globalThis as { gc?: () => void }).gc?.();
const { rss, heapUsed } = process.memoryUsage();
await engine.stop();
await store.close();
process.stdout.write(`${JSON.stringify({ rss, heapUsed, waiting })}\n`);
