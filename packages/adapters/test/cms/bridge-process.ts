// A workflow-server-like process for the crash test: SQLite store, real engine, CMS bridge polling until done.
// Run with `fork(this file, { execArgv: ['--import', 'tsx'], env: { CMS_URL, DB_FILE } })`; it imports the
// built packages (`pnpm build`). Sends { type: 'ready' } then { type: 'done', fired } and exits.
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { bridgeFor, createEngineUnderTest } from './harness';

const url = process.env.CMS_URL as string;
const filename = process.env.DB_FILE as string;
const store = createSqliteStore({ filename });
const under = await createEngineUnderTest(store);
const bridge = bridgeFor(url, under);
process.send?.({ type: 'ready' });
let fired = 0;
for (;;) {
  const result = await bridge.pollOnce();
  fired += result.orders.fired;
  if (result.orders.complete && result.customers.complete) break;
}
await bridge.close();
await store.close();
process.send?.({ type: 'done', fired });
process.disconnect?.();
