// One worker of the shared-rate-window test: a SQLite store on a file other workers share, a CMS bridge polling
// until its poll is complete. Run with `fork(this file, { execArgv: ['--import', 'tsx'], env: { CMS_URL, DB_FILE,
// WINDOW_MS, HOLD_MS } })`. Sends { type: 'ready' }, then { type: 'done', requests } and exits.
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { bridgeFor, createEngineUnderTest } from './harness';

const store = createSqliteStore({ filename: process.env.DB_FILE as string });
const under = await createEngineUnderTest(store);
const bridge = bridgeFor(process.env.CMS_URL as string, under, {
  rateLimitWindowMs: Number(process.env.WINDOW_MS),
  rateLimitHoldMs: Number(process.env.HOLD_MS),
  pageSize: 10,
  // Each worker reads every page from the start: the test is about the requests, not the events.
  backfillMs: 48 * 3600_000,
});
process.send?.({ type: 'ready' });
let requests = 0;
for (;;) {
  const result = await bridge.pollOnce();
  requests += result.requests;
  if (result.orders.complete && result.customers.complete) break;
}
await bridge.close();
await store.close();
process.send?.({ type: 'done', requests });
process.disconnect?.();
