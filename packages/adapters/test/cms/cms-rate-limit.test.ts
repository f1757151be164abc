import { createFakeClock, createMemoryStore } from '@swigs/automation-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CmsStandIn } from './cms-stand-in';
import { bridgeFor, createEngineUnderTest, createRecordingLogger, TOKEN } from './harness';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function startStandIn(
  options: ConstructorParameters<typeof CmsStandIn>[0],
): Promise<{ standIn: CmsStandIn; url: string }> {
  const standIn = new CmsStandIn(options);
  const url = await standIn.start();
  closers.push(() => standIn.close());
  return { standIn, url };
}

async function engineOnMemory() {
  const store = createMemoryStore();
  closers.push(() => store.close());
  return createEngineUnderTest(store);
}

describe('CMS bridge rate limit', () => {
  it('holds the default policy of 100 requests a minute: the 101st request waits for the minute, no 429', async () => {
    // The CMS counts a real minute too, on the same (fake) clock as the bridge.
    const clock = createFakeClock(Date.now());
    const { standIn, url } = await startStandIn({
      token: TOKEN,
      rateLimit: { limit: 100, windowMs: 60_000 },
      limiterNow: () => clock.now().getTime(),
    });
    // 2,500 orders in pages of 20: more than 100 and fewer than 200 requests.
    for (let i = 0; i < 2500; i += 1) standIn.createOrder();
    const under = await engineOnMemory();
    // The process's own window, on the fake clock (the shared window's slots expire on the store's wall time).
    const bridge = bridgeFor(url, under, { clock, pageSize: 20, sharedRateLimit: false });
    closers.push(() => bridge.close());

    const poll = bridge.pollOnce();
    const waitForRequests = async (n: number): Promise<void> => {
      const deadline = Date.now() + 20_000;
      while (standIn.stats.requests < n && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await waitForRequests(100);
    // Real time passes, the CMS clock does not: no 101st request within the same minute.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(standIn.stats.requests).toBe(100);
    await clock.advance(59_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(standIn.stats.requests).toBe(100);
    await clock.advance(1_100);
    const result = await poll;
    expect(result.requests).toBeGreaterThan(125);
    expect(result.requests).toBeLessThan(200);
    expect(standIn.stats.requests).toBe(result.requests);
    expect(result.orders).toMatchObject({ fired: 2500, complete: true });
    expect(standIn.stats.byStatus[429]).toBeUndefined();
    expect(standIn.stats.maxInWindow).toBe(100);
  });

  it('never provokes a 429 from a CMS enforcing 100 requests per sliding window (window scaled to 1 s)', async () => {
    const { standIn, url } = await startStandIn({
      token: TOKEN,
      rateLimit: { limit: 100, windowMs: 1000 },
      slowRate: 0.1,
      slowMs: 20,
    });
    for (let i = 0; i < 3000; i += 1) standIn.createOrder();
    const under = await engineOnMemory();
    const bridge = bridgeFor(url, under, { rateLimitWindowMs: 1000, rateLimitHoldMs: 100, pageSize: 10 });
    closers.push(() => bridge.close());

    const started = performance.now();
    const result = await bridge.pollOnce();
    const elapsed = performance.now() - started;
    expect(result.orders).toMatchObject({ fired: 3000, complete: true });
    expect(standIn.stats.byStatus[429]).toBeUndefined();
    expect(standIn.stats.maxInWindow).toBeLessThanOrEqual(100);
    // ~300 requests at 100 per window need at least two full windows of waiting: the limiter really held.
    expect(result.requests).toBeGreaterThan(300);
    expect(elapsed).toBeGreaterThanOrEqual(2000);
  });

  it('backs off on 429 with Retry-After when the CMS limits harder than the bridge, and loses nothing', async () => {
    const { standIn, url } = await startStandIn({ token: TOKEN, rateLimit: { limit: 20, windowMs: 500 } });
    for (let i = 0; i < 800; i += 1) standIn.createOrder();
    const under = await engineOnMemory();
    const logger = createRecordingLogger();
    const bridge = bridgeFor(url, under, { rateLimitPerMinute: 1000, pageSize: 10, logger });
    closers.push(() => bridge.close());

    const result = await bridge.pollOnce();
    expect(standIn.stats.byStatus[429]).toBeGreaterThan(0);
    expect(result.orders).toMatchObject({ fired: 800, complete: true });
    expect([...under.counts.values()].every((count) => count === 1)).toBe(true);
    const limited = logger.lines.filter((line) => line.message === 'cms request' && line.fields?.status === 429);
    expect(limited.length).toBe(standIn.stats.byStatus[429]);
  });
});
