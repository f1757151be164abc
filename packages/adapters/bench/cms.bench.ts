// CMS bridge figures: orders processed per second from a local stand-in without rate limit, and the time to
// backfill 10,000 orders under the real 100-requests-a-minute policy against its theoretical floor.
// The stand-in runs in a child process. `pnpm bench cms` (after `pnpm build`); about 80 s, mostly the honest minute.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createMemoryStore } from '@swigs/automation-core';
import { bridgeFor, createEngineUnderTest, TOKEN } from '../test/cms/harness';

interface RemoteStats {
  requests: number;
  byStatus: Record<string, number>;
  maxInWindow: number;
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A stand-in in its own process whose orders are spread `spacingMs` apart over the last hours, like a real shop's. */
async function standInWith(orders: number, spacingMs: number, rateLimit: { limit: number; windowMs: number } | false) {
  const child: ChildProcess = fork(fileURLToPath(new URL('../test/cms/stand-in-process.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = async <T>(message: unknown): Promise<T> => {
    const reply = once(child, 'message') as Promise<[T]>;
    child.send(message as never);
    return (await reply)[0];
  };
  const { url } = await ask<{ url: string }>({
    seed: { orders, spacingMs, options: { token: TOKEN, rateLimit, envelope: 'data' } },
  });
  return {
    url,
    stats: () => ask<RemoteStats>({ stats: true }),
    close: async () => {
      child.send({ close: true });
      await once(child, 'exit');
    },
  };
}

async function throughput(): Promise<void> {
  const orders = 20_000;
  const standIn = await standInWith(orders, 2000, false);
  const { url } = standIn;
  const store = createMemoryStore();
  const under = await createEngineUnderTest(store);
  const bridge = bridgeFor(url, under, { rateLimitPerMinute: 1_000_000, backfillMs: 48 * 3600_000 });

  global.gc?.();
  let started = performance.now();
  const first = await bridge.pollOnce();
  let seconds = (performance.now() - started) / 1000;
  if (first.orders.fired !== orders || under.recorded.length !== orders)
    throw new Error(`expected ${orders} runs, got ${under.recorded.length}`);
  console.log(
    `cms: orders processed/s (no rate limit, ${fmt(orders)} orders, real engine + memory store, 1 run each): ${fmt(orders / seconds)}`,
  );
  console.log(`cms:   ${fmt(first.requests)} requests, ${fmt(seconds, 2)} s`);

  // Everything already seen: the cost of re-reading (restart without cursor, lookback, webhooks first).
  await store.cursors.set('cms:orders', new Date(Date.now() - 48 * 3600_000).toISOString());
  started = performance.now();
  const again = await bridge.pollOnce();
  seconds = (performance.now() - started) / 1000;
  if (again.orders.fired !== 0) throw new Error('re-poll fired events');
  console.log(`cms: already-delivered orders re-read and skipped/s: ${fmt(again.orders.fetched / seconds)}`);

  await bridge.close();
  await store.close();
  await standIn.close();
}

async function backfill(): Promise<void> {
  const orders = 10_000;
  const pageSize = 100;
  const limitPerMinute = 100;
  // 5 s apart: 10,000 orders fit in the default 24 h backfill (13.9 h).
  const standIn = await standInWith(orders, 5000, { limit: limitPerMinute, windowMs: 60_000 });
  const { url } = standIn;
  const store = createMemoryStore();
  const under = await createEngineUnderTest(store);
  // Production policy: 100 requests in any sliding minute, default backfill, default page size.
  const bridge = bridgeFor(url, under);

  const started = performance.now();
  const result = await bridge.pollOnce();
  const seconds = (performance.now() - started) / 1000;
  if (result.orders.fired !== orders) throw new Error(`expected ${orders} events, got ${result.orders.fired}`);

  const requests = result.requests;
  const cms = await standIn.stats();
  const ideal = Math.floor(orders / pageSize) + 1 + 1; // full pages, the closing short page, the customers page
  const floorSliding = (n: number): number => Math.floor((n - 1) / limitPerMinute) * 60;
  const floorSteady = (n: number): number => ((n - 1) * 60) / limitPerMinute;
  console.log(
    `cms: backfill of ${fmt(orders)} orders at <= ${limitPerMinute} requests/min: ${fmt(seconds, 1)} s ` +
      `(${requests} requests, ${cms.byStatus['429'] ?? 0} x 429, most in one minute at the CMS: ${cms.maxInWindow})`,
  );
  console.log(
    `cms: theoretical floor: ${ideal} requests (${orders / pageSize} full pages + closing page + customers) -> ` +
      `${fmt(floorSliding(ideal), 1)} s with a burst of ${limitPerMinute} per sliding minute, ` +
      `${fmt(floorSteady(ideal), 1)} s at a steady ${limitPerMinute}/min (0.6 s per request)`,
  );
  console.log(
    `cms: floor for the ${requests} requests actually sent (1 record re-read per page boundary): ` +
      `${fmt(floorSliding(requests), 1)} s; a classic bucket (100 + 100/min refill) would send them in ` +
      `${fmt(Math.max(0, requests - limitPerMinute) * 0.6, 1)} s but exceed 100 in the CMS's minute`,
  );
  console.log(`cms: backfill overhead above the sliding-window floor: ${fmt(seconds - floorSliding(requests), 1)} s`);

  await bridge.close();
  await store.close();
  await standIn.close();
}

await throughput();
await backfill();
