import { describe, expect, it } from 'vitest';
import { AbortedError } from '../errors/errors';
import type { AutomationRun } from '../model/run';
import { InFlightRuns } from './in-flight';
import { RunAbort } from './run-abort';
import type { RunWrites } from './run-writer';

const writes = (written: boolean): RunWrites => ({
  written,
  save: async () => true,
  beforeEffects: async () => true,
  handBack: async () => {},
});

describe('the runs in flight', () => {
  it('tracks a run until it stops, renews only written ones, and aborts by id or all', async () => {
    const inFlight = new InFlightRuns();
    let starts = 0;
    inFlight.onStart(() => starts++);
    const finish: Record<string, () => void> = {};
    const track = (id: string, written: boolean) => {
      const run = { id } as AutomationRun;
      const abort = new RunAbort();
      const done = new Promise<AutomationRun>((resolve) => {
        finish[id] = () => resolve(run);
      });
      return { abort, tracked: inFlight.track({ run, abort, done, writes: writes(written) }) };
    };
    const a = track('a', true);
    const b = track('b', false);
    expect(starts).toBe(2);
    expect(inFlight.size).toBe(2);
    expect(inFlight.renewable()).toEqual(['a']);
    inFlight.abort('a', new AbortedError('lease'));
    expect(a.abort.aborted).toBe(true);
    expect(b.abort.aborted).toBe(false);
    inFlight.abortAll(new AbortedError('stop'));
    expect(b.abort.reason).toMatchObject({ code: 'ABORTED', why: 'stop' });
    const settled = inFlight.settled();
    finish.a?.();
    finish.b?.();
    await settled;
    await Promise.all([a.tracked, b.tracked]);
    expect(inFlight.size).toBe(0);
  });
});
