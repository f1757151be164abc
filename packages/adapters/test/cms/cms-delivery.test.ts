import { createMemoryStore } from '@swigs/automation-core';
import { CMS_CURSOR_ORDERS, type CmsBridge } from '@swigs/automation-adapters/cms';
import { afterEach, describe, expect, it } from 'vitest';
import { CmsStandIn } from './cms-stand-in';
import { bridgeFor, createEngineUnderTest, orderKey, TOKEN } from './harness';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

/** Deterministic pseudo-random picks, so a failure replays. */
function picker(seed: number): <T>(items: readonly T[], n: number) => T[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return (items, n) => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
    }
    return copy.slice(0, n);
  };
}

describe('CMS bridge delivery', () => {
  it('fires every (order, status) exactly once over 5,000 orders changing status, across poller restarts', async () => {
    // The CMS's own clock: 40 ms per write, starting 20 h ago, so the data spreads like a real shop's.
    let cmsTime = Date.now() - 20 * 3600_000;
    const standIn = new CmsStandIn({
      token: TOKEN,
      rateLimit: { limit: 100, windowMs: 1000 },
      failureRate: 0.05,
      slowRate: 0.05,
      slowMs: 40,
      now: () => (cmsTime += 40),
      seed: 7,
    });
    const url = await standIn.start();
    closers.push(() => standIn.close());
    const store = createMemoryStore();
    closers.push(() => store.close());
    const under = await createEngineUnderTest(store);
    const pick = picker(11);
    const bridges: CmsBridge[] = [];
    const newBridge = (): CmsBridge => {
      const bridge = bridgeFor(url, under, { rateLimitWindowMs: 1000, rateLimitHoldMs: 100, pollIntervalMs: 20 });
      bridges.push(bridge);
      closers.push(() => bridge.close());
      return bridge;
    };
    const snapshots: Map<string, string>[] = [];
    const snapshot = (): void => {
      snapshots.push(new Map([...standIn.orders.values()].map((order) => [order._id, order.status])));
    };
    const pollUntilComplete = async (bridge: CmsBridge): Promise<void> => {
      for (let i = 0; i < 20; i += 1) {
        const result = await bridge.pollOnce();
        if (result.orders.complete && result.customers.complete) return;
      }
      throw new Error('the poller never completed');
    };

    // Phase 1: 5,000 orders, some first seen already shipped, some in a status the bridge does not map;
    // then a bulk update stamps 1,000 of them with one single updatedAt (ties across ten pages).
    const statuses = [
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'shipped',
      'processing',
    ];
    for (let i = 0; i < 5000; i += 1) standIn.createOrder({ status: statuses[i % statuses.length] as string });
    const all = [...standIn.orders.keys()];
    const shippedFirst = new Set(all.filter((id) => standIn.orders.get(id)?.status === 'shipped'));
    const pending = (): string[] => all.filter((id) => standIn.orders.get(id)?.status === 'pending');
    standIn.bulkSetStatus(pick(pending(), 1000), 'paid');
    snapshot();

    // Restart 1: the first bridge is stopped in the middle of its first poll (after page 12), then replaced.
    const first = newBridge();
    standIn.configure({
      onPage: ({ resource, page }) => {
        if (resource === 'orders' && page >= 1 && standIn.stats.served.length > 1200) {
          standIn.configure({ onPage: undefined });
          void first.stop();
        }
      },
    });
    const interrupted = await first.pollOnce();
    expect(interrupted.orders.complete).toBe(false);
    await first.close();
    const cursorAfterStop = await store.cursors.get(CMS_CURSOR_ORDERS);
    expect(cursorAfterStop).not.toBeNull();
    const second = newBridge();
    await pollUntilComplete(second);

    // Phase 2: individual status changes, plus changes made while the poll is paging.
    for (const id of pick(pending(), 2000)) standIn.setStatus(id, 'paid');
    for (const id of pick(
      all.filter((id) => standIn.orders.get(id)?.status === 'paid'),
      600,
    ))
      standIn.setStatus(id, 'shipped');
    for (const id of pick(
      all.filter((id) => standIn.orders.get(id)?.status === 'processing'),
      300,
    ))
      standIn.setStatus(id, 'paid');
    snapshot();
    let concurrentChanges = 0;
    standIn.configure({
      onPage: ({ resource, page }) => {
        if (resource !== 'orders' || page > 6) return;
        for (const id of pick(pending(), 25)) standIn.setStatus(id, 'paid');
        concurrentChanges += 25;
      },
    });
    await second.close();
    const third = newBridge();
    await pollUntilComplete(third);
    standIn.configure({ onPage: undefined });
    expect(concurrentChanges).toBeGreaterThan(0);
    snapshot();
    await pollUntilComplete(third);

    // Phase 3: deliveries, a bulk delivery, cancellations, new orders; a started (looping) bridge picks them up.
    for (const id of pick(
      all.filter((id) => standIn.orders.get(id)?.status === 'shipped'),
      1200,
    ))
      standIn.setStatus(id, 'delivered');
    standIn.bulkSetStatus(
      pick(
        all.filter((id) => standIn.orders.get(id)?.status === 'paid'),
        250,
      ),
      'delivered',
    );
    for (const id of pick(pending(), 100)) standIn.setStatus(id, 'cancelled');
    for (let i = 0; i < 200; i += 1) standIn.createOrder();
    snapshot();
    await third.close();
    const looping = newBridge();
    const expectedFinal = [...(snapshots.at(-1) as Map<string, string>)]
      .map(([id, status]) => orderKey(id, status))
      .filter((key) => key !== null);
    looping.start();
    const deadline = Date.now() + 30_000;
    while (expectedFinal.some((key) => !under.counts.has(key)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await looping.stop();
    await pollUntilComplete(looping);
    await looping.close();

    // A last restart finds nothing new.
    const last = newBridge();
    const quiet = await last.pollOnce();
    expect(quiet.orders.fired).toBe(0);

    // Exactly once: no event fired twice, even the ones read again at page boundaries, restarts and lookback.
    const twice = [...under.counts].filter(([, count]) => count !== 1);
    expect(twice).toEqual([]);
    // Nothing lost: every mapped state the CMS ever served was fired, and nothing else was.
    const served = new Set(
      standIn.stats.served.map(({ id, status }) => orderKey(id, status)).filter((key) => key !== null),
    );
    const fired = new Set([...under.counts.keys()].filter((key) => key.startsWith('order.')));
    expect([...served].filter((key) => !fired.has(key))).toEqual([]);
    expect([...fired].filter((key) => !served.has(key))).toEqual([]);
    // Every state the orders were in when a poll ran through quietly was fired.
    for (const [index, states] of snapshots.entries()) {
      const missing = [...states]
        .map(([id, status]) => orderKey(id, status))
        .filter((key) => key !== null && !fired.has(key));
      expect({ snapshot: index, missing }).toEqual({ snapshot: index, missing: [] });
    }
    // First seen already shipped: order.shipped only.
    for (const id of shippedFirst) {
      expect(fired.has(`order.created:${id}:pending`)).toBe(false);
      expect(fired.has(`order.paid:${id}:paid`)).toBe(false);
      expect(fired.has(`order.shipped:${id}:shipped`)).toBe(true);
    }
    // Unmapped statuses never fire; the cursor is the newest updatedAt the CMS holds.
    expect([...fired].some((key) => key.includes(':processing') || key.includes(':cancelled'))).toBe(false);
    const newest = Math.max(...[...standIn.orders.values()].map((order) => Date.parse(order.updatedAt)));
    expect(await store.cursors.get(CMS_CURSOR_ORDERS)).toBe(new Date(newest).toISOString());
    // The stand-in really was hostile: random 500s and slow answers happened, and were survived.
    expect(standIn.stats.byStatus[500] ?? 0).toBeGreaterThan(0);
    expect(fired.size).toBeGreaterThan(9000);
    expect(under.recorded.length).toBe(under.counts.size);
  }, 120_000);
});
