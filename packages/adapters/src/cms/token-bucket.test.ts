import { createFakeClock } from '@swigs/automation-core';
import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket';

describe('createTokenBucket', () => {
  it('lets capacity requests through at once, then waits a window after the oldest ended', async () => {
    const clock = createFakeClock('2026-03-01T08:00:00Z');
    const bucket = createTokenBucket({ capacity: 3, windowMs: 60_000, clock });
    for (let i = 0; i < 3; i += 1) (await bucket.acquire()).release();
    expect(bucket.outstanding).toBe(3);

    let granted = false;
    const fourth = bucket.acquire().then((lease) => {
      granted = true;
      return lease;
    });
    await clock.advance(59_999);
    expect(granted).toBe(false);
    await clock.advance(2);
    (await fourth).release();
    expect(granted).toBe(true);
  });

  it('counts a token from the end of its request, so a slow request holds it longer', async () => {
    const clock = createFakeClock('2026-03-01T08:00:00Z');
    const bucket = createTokenBucket({ capacity: 1, windowMs: 1000, clock });
    const slow = await bucket.acquire();
    let granted = false;
    const next = bucket.acquire().then((lease) => {
      granted = true;
      return lease;
    });
    await clock.advance(5000);
    expect(granted).toBe(false);
    slow.release();
    await clock.advance(1000);
    expect(granted).toBe(false);
    await clock.advance(1);
    expect(granted).toBe(true);
    (await next).release();
  });

  it('never grants more than capacity in any sliding window over a long random run', async () => {
    const clock = createFakeClock(0);
    const bucket = createTokenBucket({ capacity: 10, windowMs: 1000, clock });
    const starts: number[] = [];
    const worker = async (): Promise<void> => {
      for (let i = 0; i < 25; i += 1) {
        const lease = await bucket.acquire();
        starts.push(clock.now().getTime());
        await clock.sleep(1 + ((i * 37) % 90));
        lease.release();
      }
    };
    let done = false;
    const all = Promise.all([worker(), worker(), worker()]).then(() => {
      done = true;
    });
    while (!done) await clock.advance(7);
    await all;
    expect(starts).toHaveLength(75);
    starts.sort((a, b) => a - b);
    for (let i = 10; i < starts.length; i += 1) {
      expect((starts[i] as number) - (starts[i - 10] as number)).toBeGreaterThan(1000);
    }
  });

  it('rejects a waiting acquire when its signal aborts, and serves the next caller', async () => {
    const clock = createFakeClock(0);
    const bucket = createTokenBucket({ capacity: 1, windowMs: 1000, clock });
    (await bucket.acquire()).release();
    const controller = new AbortController();
    const waiting = bucket.acquire(controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    const next = bucket.acquire();
    await clock.advance(1001);
    await expect(next).resolves.toBeDefined();
  });

  it('refuses a malformed capacity', () => {
    expect(() => createTokenBucket({ capacity: 0, windowMs: 1000, clock: createFakeClock() })).toThrow(/capacity/);
  });
});
