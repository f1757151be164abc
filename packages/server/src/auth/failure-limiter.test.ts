import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from './failure-limiter';

describe('createFailureLimiter', () => {
  it('blocks a client after the allowed failures until the window ends', () => {
    let now = 0;
    const limiter = createFailureLimiter({ maxFailures: 3, windowMs: 1000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.blockedFor('1.2.3.4')).toBe(0);
      limiter.recordFailure('1.2.3.4');
    }
    expect(limiter.blockedFor('1.2.3.4')).toBe(1000);
    expect(limiter.blockedFor('5.6.7.8')).toBe(0);
    now = 1000;
    expect(limiter.blockedFor('1.2.3.4')).toBe(0);
  });

  it('forgets a client on reset', () => {
    const limiter = createFailureLimiter({ maxFailures: 1 });
    limiter.recordFailure('a');
    expect(limiter.blockedFor('a')).toBeGreaterThan(0);
    limiter.reset('a');
    expect(limiter.blockedFor('a')).toBe(0);
  });
});
