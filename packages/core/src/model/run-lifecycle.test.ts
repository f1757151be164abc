import { describe, expect, it } from 'vitest';
import type { AutomationRun } from './run';
import { claimableAt, compareClaimOrder, isLeasedRunStatus, isTerminalRunStatus } from './run-lifecycle';

const at = (ms: number): Date => new Date(Date.UTC(2026, 2, 1) + ms);

describe('the run lifecycle rules', () => {
  it('makes a waiting run claimable at its schedule, a leased one when its lease ends, others never', () => {
    expect(claimableAt({ status: 'waiting', scheduledAt: at(5), leaseUntil: null })).toBe(at(5).getTime());
    expect(claimableAt({ status: 'waiting', scheduledAt: null, leaseUntil: null })).toBeNull();
    expect(claimableAt({ status: 'running', scheduledAt: null, leaseUntil: at(9) })).toBe(at(9).getTime());
    // A leased status without a lease is a crashed worker's run: claimable at once.
    expect(claimableAt({ status: 'pending', scheduledAt: null, leaseUntil: null })).toBe(0);
    for (const status of ['completed', 'failed', 'cancelled'] as const) {
      expect(claimableAt({ status, scheduledAt: at(1), leaseUntil: at(2) })).toBeNull();
      expect(isTerminalRunStatus(status)).toBe(true);
      expect(isLeasedRunStatus(status)).toBe(false);
    }
    expect(isTerminalRunStatus('waiting')).toBe(false);
    expect(isLeasedRunStatus('running')).toBe(true);
    expect(isLeasedRunStatus('waiting')).toBe(false);
  });

  it('orders claimed runs by schedule (unscheduled first), then id', () => {
    const run = (id: string, scheduledAt: Date | null) => ({ id, scheduledAt }) as AutomationRun;
    const sorted = [run('c', at(2)), run('b', at(1)), run('z', null), run('a', at(1))].sort(compareClaimOrder);
    expect(sorted.map((r) => r.id)).toEqual(['z', 'a', 'b', 'c']);
  });
});
