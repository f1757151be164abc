import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NonRetriableError, RetryAfterError } from '../src/errors/errors';
import { defineNode } from '../src/node/define-node';
import { chain, flush, setup } from './fixtures/harness';

/** An action that fails `failures` times with `makeError`, recording the virtual instant of every attempt. */
function flaky(
  type: string,
  failures: number,
  makeError: (attempt: number) => Error,
  extra: Record<string, unknown> = {},
) {
  const attempts: string[] = [];
  const node = defineNode({
    type,
    kind: 'action',
    version: 1,
    title: { fr: type, en: type },
    configSchema: z.object({}),
    ...extra,
    execute: async (ctx) => {
      attempts.push(ctx.clock.now().toISOString());
      if (attempts.length <= failures) throw makeError(attempts.length);
      return { output: { attempts: attempts.length, key: ctx.idempotencyKey } };
    },
  });
  return { node, attempts };
}

/** Advances the fake clock in small steps until `done` holds (retry sleeps register as the run progresses). */
async function driveUntil(
  clock: { advance(ms: number): Promise<void> },
  done: () => boolean,
  stepMs = 1000,
  maxSteps = 1000,
): Promise<void> {
  for (let step = 0; step < maxSteps && !done(); step++) {
    await flush();
    await clock.advance(stepMs);
  }
}

describe('node retries', () => {
  it('retries with exponential backoff slept on the fake clock, then succeeds', async () => {
    const { node, attempts } = flaky('flaky', 2, () => new Error('503 from upstream'));
    const { engine, clock, save } = setup([node]);
    await save(chain([{ id: 'call', type: 'flaky' }]));
    let settled = false;
    const firing = engine.fire('order.paid', {}).then((runs) => {
      settled = true;
      return runs;
    });
    await flush();
    expect(attempts).toEqual(['2026-03-02T09:00:00.000Z']);
    expect(settled).toBe(false);
    await driveUntil(clock, () => settled, 100);
    const [run] = await firing;
    expect(run).toMatchObject({ status: 'completed', error: null });
    expect(run?.executionLog[0]).toMatchObject({
      status: 'success',
      attempts: 3,
      output: { attempts: 3, key: `${run?.id}:call` },
    });
    const gaps = attempts.map((at, i) => (i === 0 ? 0 : Date.parse(at) - Date.parse(attempts[i - 1] as string)));
    // Default policy: 1 s then 2 s base, each with jitter up to 2x (rounded to the 100 ms drive step).
    expect(gaps[1]).toBeGreaterThanOrEqual(1000);
    expect(gaps[1]).toBeLessThanOrEqual(2100);
    expect(gaps[2]).toBeGreaterThanOrEqual(2000);
    expect(gaps[2]).toBeLessThanOrEqual(4100);
  });

  it('fails the run after 3 attempts with an error naming the node', async () => {
    const { node, attempts } = flaky('down', 99, (n) => new Error(`connection refused (${n})`));
    const { engine, clock, store, save } = setup([node]);
    await save(chain([{ id: 'call-api', type: 'down' }]));
    let settled = false;
    const firing = engine.fire('order.paid', {}).then((runs) => {
      settled = true;
      return runs;
    });
    await driveUntil(clock, () => settled);
    const [run] = await firing;
    expect(attempts).toHaveLength(3);
    expect(run).toMatchObject({
      status: 'failed',
      currentNodeId: 'call-api',
      queue: ['call-api'],
      errorCode: 'NODE_FAILED',
      error: 'node "call-api" (down) failed after 3 attempts: connection refused (3)',
    });
    expect(run?.executionLog).toEqual([
      expect.objectContaining({ nodeId: 'call-api', status: 'failed', attempts: 3, error: 'connection refused (3)' }),
    ]);
    const stats = (await store.automations.get('u1', 'auto-1'))?.stats;
    expect(stats).toMatchObject({ totalRuns: 1, failedRuns: 1, successfulRuns: 0, lastError: run?.error });
  });

  it('honours a node retry policy and the engine default', async () => {
    const { node, attempts } = flaky('once', 99, () => new Error('nope'), {
      retry: { retries: 4, minTimeoutMs: 10, factor: 1 },
    });
    const { engine, clock, save } = setup([node]);
    await save(chain([{ id: 'n', type: 'once' }]));
    let settled = false;
    const firing = engine.fire('order.paid', {}).then(() => (settled = true));
    await driveUntil(clock, () => settled, 25);
    await firing;
    expect(attempts).toHaveLength(5);

    const noRetry = flaky('never', 99, () => new Error('nope'), { retry: false });
    const second = setup([noRetry.node]);
    await second.save(chain([{ id: 'n', type: 'never' }]));
    const [run] = await second.engine.fire('order.paid', {});
    expect(noRetry.attempts).toHaveLength(1);
    expect(run?.error).toBe('node "n" (never) failed: nope');
  });

  it('does not retry a NonRetriableError, recognised by its code even from another copy of the package', async () => {
    const foreign = Object.assign(new Error('bad address'), {
      code: 'NON_RETRIABLE',
      [Symbol.for('swigs.automation.error')]: true,
    });
    for (const error of [new NonRetriableError('bad address'), foreign]) {
      const { node, attempts } = flaky('strict', 99, () => error);
      const { engine, save } = setup([node]);
      await save(chain([{ id: 'n', type: 'strict' }]));
      const [run] = await engine.fire('order.paid', {});
      expect(attempts).toHaveLength(1);
      expect(run).toMatchObject({
        status: 'failed',
        errorCode: 'NON_RETRIABLE',
        error: 'node "n" (strict) failed: bad address',
      });
    }
  });

  it('waits exactly retryAfterMs after a RetryAfterError', async () => {
    const { node, attempts } = flaky('limited', 1, () => new RetryAfterError('429 Too Many Requests', 90_000));
    const { engine, clock, save } = setup([node]);
    await save(chain([{ id: 'n', type: 'limited' }]));
    let settled = false;
    const firing = engine.fire('order.paid', {}).then(() => (settled = true));
    await flush();
    await clock.advance(89_999);
    await flush();
    expect(attempts).toHaveLength(1);
    await driveUntil(clock, () => settled, 1);
    await firing;
    expect(attempts).toEqual(['2026-03-02T09:00:00.000Z', '2026-03-02T09:01:30.000Z']);
  });

  it('times out an attempt that hangs, aborting its signal, and fails with a clear message', async () => {
    let aborted: unknown;
    const hang = defineNode({
      type: 'hang',
      kind: 'action',
      version: 1,
      title: { fr: 'Bloque', en: 'Hangs' },
      configSchema: z.object({}),
      timeoutMs: 30,
      retry: false,
      execute: (ctx) =>
        new Promise<never>(() => {
          ctx.signal.addEventListener('abort', () => (aborted = ctx.signal.reason));
        }),
    });
    const { engine, save } = setup([hang]);
    await save(chain([{ id: 'stuck', type: 'hang' }]));
    const [run] = await engine.fire('order.paid', {});
    expect(run).toMatchObject({
      status: 'failed',
      errorCode: 'TIMEOUT',
      error: 'node "stuck" (hang) failed: timed out after 30 ms',
    });
    expect((aborted as { code?: string })?.code).toBe('TIMEOUT');
  });

  it('treats a condition that cannot be evaluated as a final failure', async () => {
    const { engine, save } = setup();
    await save(
      chain([
        {
          id: 'check',
          type: 'condition',
          config: { combinator: 'all', conditions: [{ field: 'trigger.total', operator: 'greater_than', value: 100 }] },
        },
      ]),
    );
    const [run] = await engine.fire('order.paid', { total: 'a lot' });
    expect(run).toMatchObject({
      status: 'failed',
      errorCode: 'EVALUATION_ERROR',
      error:
        'node "check" (condition) failed: condition "trigger.total greater_than": text "a lot" cannot be ordered with number 100',
    });
    expect(run?.executionLog[0]?.attempts).toBe(1);
  });
});
