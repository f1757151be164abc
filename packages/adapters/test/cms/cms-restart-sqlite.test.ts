import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CMS_CURSOR_ORDERS, CMS_CURSOR_ORIGIN } from '@swigs/automation-adapters/cms';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { CmsStandIn } from './cms-stand-in';
import { bridgeFor, createEngineUnderTest, TOKEN, USER } from './harness';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

/** Runs per `<triggerType>:<orderId>:<status>` as the store holds them, whichever process started them. */
async function runsByEvent(store: ReturnType<typeof createSqliteStore>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const { items } = await store.runs.list({ userId: USER, limit: 100_000 });
  for (const run of items) {
    const trigger = run.triggerData as { orderId: string; status: string };
    const key = `${run.triggerType}:${trigger.orderId}:${trigger.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('CMS bridge on SQLite', () => {
  it('resumes from the persisted cursor after a restart, with no second backfill and no event fired twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swigs-cms-'));
    closers.push(() => rmSync(dir, { recursive: true, force: true }));
    const filename = join(dir, 'automation.db');
    const standIn = new CmsStandIn({ token: TOKEN, rateLimit: false, failureRate: 0.05 });
    const url = await standIn.start();
    closers.push(() => standIn.close());
    for (let i = 0; i < 400; i += 1) standIn.createOrder();

    // First process.
    const store1 = createSqliteStore({ filename });
    const under1 = await createEngineUnderTest(store1);
    const bridge1 = bridgeFor(url, under1);
    const first = await bridge1.pollOnce();
    expect(first.orders.fired).toBe(400);
    const cursor = await store1.cursors.get(CMS_CURSOR_ORDERS);
    const origin = await store1.cursors.get(CMS_CURSOR_ORIGIN);
    await bridge1.close();
    await store1.close();

    // While it is down, 150 orders are paid and 50 new ones arrive.
    const ids = [...standIn.orders.keys()];
    for (const id of ids.slice(0, 150)) standIn.setStatus(id, 'paid');
    for (let i = 0; i < 50; i += 1) standIn.createOrder({ status: 'paid' });

    // Second process on the same file.
    const store2 = createSqliteStore({ filename });
    closers.push(() => store2.close());
    expect(await store2.cursors.get(CMS_CURSOR_ORDERS)).toBe(cursor);
    const under2 = await createEngineUnderTest(store2);
    const bridge2 = bridgeFor(url, under2);
    closers.push(() => bridge2.close());
    const before = standIn.stats.urls.length;
    const second = await bridge2.pollOnce();
    expect(second.orders.fired).toBe(200);
    expect(await store2.cursors.get(CMS_CURSOR_ORIGIN)).toBe(origin);
    // It asked from its cursor (minus the lookback), not from a fresh 24 h backfill.
    const firstAsk = new URL(standIn.stats.urls[before] as string, 'http://x').searchParams.get(
      'updatedSince',
    ) as string;
    expect(Date.parse(firstAsk)).toBeGreaterThanOrEqual(Date.parse(cursor as string) - 5000 - 1);

    const runs = await runsByEvent(store2);
    expect(runs.size).toBe(400 + 200);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });

  it('starts no second run when a crash came between fire and the bridge recording the event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swigs-cms-'));
    closers.push(() => rmSync(dir, { recursive: true, force: true }));
    const filename = join(dir, 'automation.db');
    const standIn = new CmsStandIn({ token: TOKEN, rateLimit: false });
    const url = await standIn.start();
    closers.push(() => standIn.close());
    for (let i = 0; i < 120; i += 1) standIn.createOrder({ status: 'paid' });

    const store1 = createSqliteStore({ filename });
    const under1 = await createEngineUnderTest(store1);
    const bridge1 = bridgeFor(url, under1);
    await bridge1.pollOnce();
    await bridge1.close();
    // The state a crash leaves right after `fire` resolved: the bridge's seen keys and cursor not yet written.
    for (const id of standIn.orders.keys()) await store1.keys.delete(`cms:seen:order:${id}:paid`);
    await store1.cursors.set(CMS_CURSOR_ORDERS, new Date(Date.now() - 3600_000).toISOString());
    await store1.close();

    const store2 = createSqliteStore({ filename });
    closers.push(() => store2.close());
    const under2 = await createEngineUnderTest(store2);
    const bridge2 = bridgeFor(url, under2);
    closers.push(() => bridge2.close());
    const again = await bridge2.pollOnce();
    // The bridge hands every event to the engine again (at-least-once)...
    expect(again.orders.fired).toBe(120);
    // ...and the engine's dedupe keys start no second run.
    expect(under2.recorded).toEqual([]);
    const runs = await runsByEvent(store2);
    expect(runs.size).toBe(120);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    // Now recorded: a further poll does not even call fire.
    const quiet = await bridge2.pollOnce();
    expect(quiet.orders.fired).toBe(0);
    expect(quiet.orders.skipped).toBe(quiet.orders.fetched);
  });

  it('stops a poll when the store fails under the engine, and delivers every event once after it comes back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swigs-cms-'));
    closers.push(() => rmSync(dir, { recursive: true, force: true }));
    const filename = join(dir, 'automation.db');
    const standIn = new CmsStandIn({ token: TOKEN, rateLimit: false });
    const url = await standIn.start();
    closers.push(() => standIn.close());
    for (let i = 0; i < 300; i += 1) standIn.createOrder();

    const store1 = createSqliteStore({ filename });
    const under1 = await createEngineUnderTest(store1);
    const bridge1 = bridgeFor(url, under1);
    // The database goes away while the bridge fires the second page.
    standIn.configure({
      onPage: ({ resource, page }) => {
        if (resource === 'orders' && page === 1 && standIn.stats.served.length > 100) void store1.close();
      },
    });
    const failure = await bridge1.pollOnce().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    await bridge1.close();
    standIn.configure({ onPage: undefined });

    const store2 = createSqliteStore({ filename });
    closers.push(() => store2.close());
    const cursor = await store2.cursors.get(CMS_CURSOR_ORDERS);
    const secondPageStart = [...standIn.orders.values()][99]?.updatedAt as string;
    // The cursor never passed the page that failed.
    expect(cursor === null || Date.parse(cursor) <= Date.parse(secondPageStart)).toBe(true);
    const under2 = await createEngineUnderTest(store2);
    const bridge2 = bridgeFor(url, under2);
    closers.push(() => bridge2.close());
    await bridge2.pollOnce();
    const runs = await runsByEvent(store2);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    // The engine adds its per-automation dedupe key before it creates the run; a store dying between the two
    // leaves a key without a run, and that event can no longer start this automation. Only events in flight
    // at the failure (at most `fireConcurrency`, 8) can be in that window; every other one is delivered once.
    const orphaned: string[] = [];
    for (const order of standIn.orders.values()) {
      const key = `order.created:${order._id}:pending`;
      if (!runs.has(key) && (await store2.keys.has(`cms:order:${order._id}:pending:cms-order.created`)))
        orphaned.push(key);
    }
    expect(orphaned.length).toBeLessThanOrEqual(8);
    expect(runs.size + orphaned.length).toBe(300);
  });
});
