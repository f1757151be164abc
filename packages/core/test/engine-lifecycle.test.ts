import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AutomationSchema } from '../src/model/automation';
import type { AutomationRun } from '../src/model/run';
import { defineNode } from '../src/node/define-node';
import { designExample } from './fixtures/automations';
import { chain, setup } from './fixtures/harness';
import type { OutboxMail } from './fixtures/test-nodes';

const DAY = 86_400_000;
const order = {
  order: { id: 'A-1', status: 'paid' },
  customer: { email: 'anna@example.ch', name: 'Anna' },
  siteId: 's1',
};

describe('version pinning', () => {
  it('continues a waiting run on the version it started with, while new runs use the edited one', async () => {
    const { engine, store, clock, save } = setup();
    await save(designExample());
    const [pinned] = await engine.fire('order.paid', order);
    expect(pinned?.status).toBe('waiting');

    const edited = designExample({ version: 2 });
    edited.nodes![2]!.config = { to: 'team@swigs.ch', subject: 'Nouvelle version' };
    edited.nodes![1]!.config = { days: 1 };
    await save(edited);
    const [fresh] = await engine.fire('order.paid', order);
    expect(fresh?.automationVersion).toBe(2);
    expect(fresh?.scheduledAt?.toISOString()).toBe('2026-03-03T09:00:00.000Z');

    await clock.advance(2 * DAY);
    expect(await engine.resumeDue()).toBe(2);
    const mails = (
      await store.collection<OutboxMail>('outbox').find('u1', { sort: { field: 'subject', direction: 'asc' } })
    ).items;
    expect(mails.map((m) => [m.idempotencyKey.split(':')[0] === pinned?.id ? 'v1' : 'v2', m.to, m.subject])).toEqual([
      ['v1', 'anna@example.ch', 'Merci Anna'],
      ['v2', 'team@swigs.ch', 'Nouvelle version'],
    ]);
    expect((await store.runs.get(pinned!.userId, pinned!.id))?.automationVersion).toBe(1);
  });

  it('fails a resumed run whose version snapshot is gone, with a clear error', async () => {
    const { engine, store, clock, save } = setup();
    await save(designExample());
    const [run] = await engine.fire('order.paid', order);
    const stored = (await store.runs.get(run!.userId, run!.id)) as AutomationRun;
    await store.runs.checkpoint({ ...stored, automationVersion: 9 }, 'w1').catch(() => false);
    await store.runs.delete('u1', run!.id);
    await store.runs.create({ ...stored, id: 'orphan', automationVersion: 9 });
    await clock.advance(2 * DAY);
    await engine.resumeDue();
    expect(await store.runs.get('u1', 'orphan')).toMatchObject({
      status: 'failed',
      errorCode: 'NOT_FOUND',
      error: 'automation "relance" version 9 no longer exists',
    });
  });
});

describe('retryRun', () => {
  it('resumes from the failed node, skipping completed ones, with attempt + 1', async () => {
    let healthy = false;
    const calls: string[] = [];
    const fragile = defineNode({
      type: 'fragile',
      kind: 'action',
      version: 1,
      title: { fr: 'Fragile', en: 'Fragile' },
      configSchema: z.object({}),
      retry: false,
      execute: (ctx) => {
        calls.push(`${ctx.node.id}#${ctx.run.attempt}`);
        if (!healthy) throw new Error('CRM unavailable');
        return { output: { synced: true } };
      },
    });
    const { engine, store, save } = setup([fragile]);
    await save(
      chain([
        { id: 'first', type: 'send_email', config: { to: 'a@b.ch', subject: 'Un' } },
        { id: 'sync', type: 'fragile' },
        { id: 'last', type: 'send_email', config: { to: 'a@b.ch', subject: 'Deux' } },
      ]),
    );
    const [failed] = await engine.fire('order.paid', order);
    expect(failed).toMatchObject({ status: 'failed', currentNodeId: 'sync', queue: ['sync'], attempt: 0 });

    await expect(engine.retryRun(failed!.id, { userId: 'other' })).rejects.toThrow(/not found/);
    healthy = true;
    const retried = await engine.retryRun(failed!.id, { userId: 'u1' });
    expect(retried).toMatchObject({ status: 'completed', attempt: 1, error: null, errorCode: null });
    expect(calls).toEqual(['sync#0', 'sync#1']);
    expect(retried.executionLog.map((e) => [e.nodeId, e.status])).toEqual([
      ['first', 'success'],
      ['sync', 'failed'],
      ['sync', 'success'],
      ['last', 'success'],
    ]);
    const subjects = (await store.collection<OutboxMail>('outbox').find('u1')).items.map((m) => m.subject).sort();
    expect(subjects).toEqual(['Deux', 'Un']);
    const stats = (await store.automations.get('u1', 'auto-1'))?.stats;
    expect(stats).toMatchObject({ totalRuns: 1, failedRuns: 1, successfulRuns: 1 });
    await expect(engine.retryRun(failed!.id, { userId: 'u1' })).rejects.toThrow(
      `run "${failed!.id}" is completed; only failed runs can be retried`,
    );
  });
});

describe('cancelRun', () => {
  it('cancels a waiting run so it never resumes, and emits run.cancelled', async () => {
    const { engine, store, clock, save } = setup();
    await save(designExample());
    const cancelled: string[] = [];
    engine.on('run.cancelled', ({ run }) => cancelled.push(run.id));
    const [run] = await engine.fire('order.paid', order);
    expect(await engine.cancelRun(run!.id, { userId: 'someone-else' })).toBeNull();
    const result = await engine.cancelRun(run!.id, { userId: 'u1' });
    expect(result).toMatchObject({ status: 'cancelled', scheduledAt: null });
    expect(cancelled).toEqual([run!.id]);
    await clock.advance(10 * DAY);
    expect(await engine.resumeDue()).toBe(0);
    expect((await store.collection('outbox').find('u1')).total).toBe(0);
    expect(await engine.cancelRun(run!.id, { userId: 'u1' })).toMatchObject({ status: 'cancelled' });
    expect(cancelled).toHaveLength(1);
  });

  it('aborts a node in flight and stops the run without writing over the cancellation', async () => {
    let started!: () => void;
    const startedPromise = new Promise<void>((resolve) => (started = resolve));
    let signalled = false;
    const slow = defineNode({
      type: 'slow',
      kind: 'action',
      version: 1,
      title: { fr: 'Lent', en: 'Slow' },
      configSchema: z.object({}),
      execute: (ctx) =>
        new Promise<{ output: unknown }>((resolve) => {
          ctx.signal.addEventListener('abort', () => (signalled = true));
          started();
          setTimeout(() => resolve({ output: { late: true } }), 200);
        }),
    });
    const { engine, store, save } = setup([slow]);
    await save(
      chain([
        { id: 'slow', type: 'slow' },
        { id: 'after', type: 'send_email', config: { to: 'a@b.ch', subject: 'x' } },
      ]),
    );
    const firing = engine.fire('order.paid', order);
    await startedPromise;
    const runId = (await store.runs.list({ userId: 'u1' })).items[0]!.id;
    await engine.cancelRun(runId, { userId: 'u1' });
    await firing;
    expect(signalled).toBe(true);
    const stored = await store.runs.get('u1', runId);
    expect(stored).toMatchObject({ status: 'cancelled', executionLog: [] });
    expect((await store.collection('outbox').find('u1')).total).toBe(0);
  });
});

describe('events', () => {
  it('emits run and node events in order, with the run', async () => {
    const { engine, clock, save } = setup();
    await save(designExample());
    const seen: string[] = [];
    engine.on('run.created', ({ run }) => seen.push(`run.created ${run.status}`));
    engine.on('node.started', ({ nodeId }) => seen.push(`node.started ${nodeId}`));
    engine.on('node.completed', ({ nodeId }) => seen.push(`node.completed ${nodeId}`));
    engine.on('run.waiting', ({ until }) => seen.push(`run.waiting ${until.toISOString()}`));
    engine.on('run.completed', ({ run }) => seen.push(`run.completed ${run.status}`));
    engine.on('node.failed', ({ nodeId, error }) => seen.push(`node.failed ${nodeId} ${error}`));
    engine.on('run.failed', ({ error }) => seen.push(`run.failed ${error}`));
    await engine.fire('order.paid', order);
    await clock.advance(2 * DAY);
    await engine.resumeDue();
    await clock.advance(7 * DAY);
    await engine.resumeDue();
    expect(seen).toEqual([
      'run.created running',
      'node.started is-paid',
      'node.completed is-paid',
      'node.started wait-2',
      'node.completed wait-2',
      'run.waiting 2026-03-04T09:00:00.000Z',
      'node.started thanks',
      'node.completed thanks',
      'node.started wait-7',
      'node.completed wait-7',
      'run.waiting 2026-03-11T09:00:00.000Z',
      'node.started review',
      'node.completed review',
      'run.completed completed',
    ]);

    seen.length = 0;
    const broken = designExample({ id: 'broken', name: 'Cassée' });
    broken.nodes![2]!.config = { to: '', subject: 'x' };
    broken.nodes![0]!.config = {
      combinator: 'all',
      conditions: [{ field: 'trigger.order.total', operator: 'less_than', value: 'cheap' }],
    };
    await save({
      ...broken,
      nodes: broken.nodes!.map((n) => ({
        ...n,
        config: n.id === 'thanks' ? { to: 'x@y.ch', subject: 'x' } : n.config,
      })),
    });
    await engine.fire('order.paid', { order: { total: 10 } }, { userId: 'u1' });
    expect(seen).toContain(
      'node.failed is-paid condition "trigger.order.total less_than": number 10 cannot be ordered with text "cheap"',
    );
    expect(seen.at(-1)).toMatch(/^run\.failed node "is-paid" \(condition\) failed: /);
  });
});

describe('triggers', () => {
  it('starts runs only for active automations whose trigger filter and conditions match', async () => {
    const { engine, save } = setup();
    await save(designExample({ id: 'site-1', trigger: { type: 'order.paid', config: { siteId: 's1' } } }));
    await save(designExample({ id: 'site-2', trigger: { type: 'order.paid', config: { siteId: 's2' } } }));
    await save(designExample({ id: 'inactive', isActive: false }));
    await save(
      designExample({
        id: 'big-orders',
        trigger: {
          type: 'order.paid',
          config: {
            conditions: {
              combinator: 'all',
              conditions: [{ field: 'trigger.order.total', operator: 'greater_than', value: 100 }],
            },
          },
        },
      }),
    );
    await save(designExample({ id: 'other-tenant', userId: 'u2' }));
    const small = await engine.fire('order.paid', { ...order, order: { ...order.order, total: 50 } }, { userId: 'u1' });
    expect(small.map((r) => r.automationId)).toEqual(['site-1']);
    const big = await engine.fire('order.paid', { ...order, order: { ...order.order, total: 500 } });
    expect(big.map((r) => r.automationId).sort()).toEqual(['big-orders', 'other-tenant', 'site-1']);
  });

  it('deduplicates per automation: the same key never starts two runs of one automation', async () => {
    const { engine, save } = setup();
    await save(designExample({ id: 'a' }));
    await save(designExample({ id: 'b' }));
    const first = await engine.fire('order.paid', order, { dedupeKey: 'cms:order:A-1:paid' });
    const again = await engine.fire('order.paid', order, { dedupeKey: 'cms:order:A-1:paid' });
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => engine.fire('order.paid', order, { dedupeKey: 'cms:order:A-2:paid' })),
    );
    expect(first).toHaveLength(2);
    expect(again).toEqual([]);
    expect(concurrent.flat()).toHaveLength(2);
  });

  it('runs an automation manually with runAutomation, whatever its trigger', async () => {
    const { engine, save } = setup();
    await save(designExample({ isActive: false }));
    const run = await engine.runAutomation('relance', order, { userId: 'u1' });
    expect(run).toMatchObject({ status: 'waiting', triggerType: 'order.paid' });
    await expect(engine.runAutomation('missing', order, { userId: 'u1' })).rejects.toThrow(
      'automation "missing" not found',
    );
  });
});

describe('durability', () => {
  it('writes one checkpoint per node, the wait and its scheduledAt in the same write', async () => {
    const { engine, store, save } = setup();
    await save(designExample());
    const writes: AutomationRun[] = [];
    const checkpoint = store.runs.checkpoint.bind(store.runs);
    store.runs.checkpoint = async (run, workerId) => {
      writes.push(structuredClone(run));
      return checkpoint(run, workerId);
    };
    await engine.fire('order.paid', order);
    expect(
      writes.map((w) => [w.executionLog.length, w.status, w.scheduledAt?.toISOString() ?? null, w.leaseOwner]),
    ).toEqual([
      [1, 'running', null, 'w1'],
      [2, 'waiting', '2026-03-04T09:00:00.000Z', null],
    ]);
  });

  it('stops silently when the lease is lost, leaving the store to the new owner', async () => {
    const { engine, store, save } = setup();
    await save(
      chain([
        { id: 'a', type: 'transform', config: { field: 'trigger.x', as: 'y' } },
        { id: 'b', type: 'send_email', config: { to: 'a@b.ch', subject: 's' } },
      ]),
    );
    const events: string[] = [];
    engine.on('node.completed', ({ nodeId }) => events.push(nodeId));
    engine.on('run.completed', () => events.push('run.completed'));
    engine.on('node.completed', ({ run }) => {
      // Another worker takes the run over between two nodes: our lease is gone.
      if (run.executionLog.length === 1) void store.runs.release(run.id, 'w1');
    });
    const [run] = await engine.fire('order.paid', { x: 1 });
    expect(events).toEqual(['a']);
    const stored = await store.runs.get(run!.userId, run!.id);
    expect(stored).toMatchObject({ status: 'running', leaseOwner: null, queue: ['b'] });
    expect(stored?.executionLog).toHaveLength(1);
    expect((await store.automations.get('u1', 'auto-1'))?.stats).toMatchObject({ totalRuns: 1, successfulRuns: 0 });
  });

  it('picks up a run whose worker crashed (expired lease) and finishes it', async () => {
    const { engine, store, clock, save } = setup();
    const crashed = setup([], { store, workerId: 'crashed' });
    await save(chain([{ id: 'mail', type: 'send_email', config: { to: 'a@b.ch', subject: 'Reprise' } }]));
    const run = {
      ...((await crashed.engine.runAutomation('auto-1', {}, { userId: 'u1' })) as AutomationRun),
    };
    expect(run.status).toBe('completed');
    // Simulate a worker that died mid-run: a running run with a stale lease.
    await store.runs.create({
      ...run,
      id: 'stale',
      status: 'running',
      queue: ['mail'],
      executionLog: [],
      outputs: {},
      leaseOwner: 'crashed',
      leaseUntil: new Date(clock.now().getTime() + 30_000),
      completedAt: null,
      currentNodeId: 'mail',
    });
    expect(await engine.resumeDue()).toBe(0);
    await clock.advance(30_001);
    expect(await engine.resumeDue()).toBe(1);
    expect(await store.runs.get('u1', 'stale')).toMatchObject({ status: 'completed', leaseOwner: null });
  });
});

describe('limits', () => {
  it('truncates a log payload larger than maxLogBytesPerNode with a marker, keeping the full output for later nodes', async () => {
    const big = defineNode({
      type: 'big',
      kind: 'action',
      version: 1,
      title: { fr: 'Gros', en: 'Big' },
      configSchema: z.object({}),
      execute: () => ({ output: { blob: 'é'.repeat(3000) } }),
    });
    const { engine, save } = setup([big], { limits: { maxLogBytesPerNode: 1024 } });
    await save(
      chain([
        { id: 'big', type: 'big' },
        { id: 'copy', type: 'transform', config: { field: 'nodes.big.blob', as: 'blob' } },
      ]),
    );
    const [run] = await engine.fire('order.paid', {});
    expect(run?.executionLog[0]?.output).toEqual({
      truncated: true,
      bytes: 6011,
      preview: expect.stringMatching(/^\{"blob":"éé/),
    });
    expect((run!.executionLog[0]!.output as { preview: string }).preview.length).toBeLessThanOrEqual(512);
    expect((run!.outputs.copy as { blob: string }).blob).toHaveLength(3000);
  });

  it('fails a run past maxStepsPerRun', async () => {
    const { engine, save } = setup([], { limits: { maxStepsPerRun: 2 } });
    await save(chain(['a', 'b', 'c'].map((id) => ({ id, type: 'transform', config: { field: 'trigger', as: id } }))));
    const [run] = await engine.fire('order.paid', {});
    expect(run).toMatchObject({
      status: 'failed',
      errorCode: 'LIMIT_EXCEEDED',
      error: 'run exceeded the limit of 2 steps',
      currentNodeId: 'c',
    });
  });

  it('fails a wait longer than maxWaitMs', async () => {
    const { engine, save } = setup([], { limits: { maxWaitMs: 30 * DAY } });
    await save(chain([{ id: 'long', type: 'wait', config: { days: 45 } }]));
    const [run] = await engine.fire('order.paid', {});
    expect(run).toMatchObject({
      status: 'failed',
      errorCode: 'LIMIT_EXCEEDED',
      error: 'node "long" (wait) failed: wait of 45 days exceeds the limit of 30 days',
    });
  });

  it('treats a wait already due as no wait', async () => {
    const { engine, save } = setup();
    await save(
      chain([
        { id: 'now', type: 'wait', config: { days: 0 } },
        { id: 't', type: 'transform', config: { field: 'trigger', as: 'x' } },
      ]),
    );
    const [run] = await engine.fire('order.paid', {});
    expect(run?.status).toBe('completed');
  });
});

describe('graph semantics', () => {
  it('runs parallel branches and a join node once', async () => {
    const { engine, save } = setup();
    const doc = AutomationSchema.parse({
      id: 'fan',
      userId: 'u1',
      name: 'Fan',
      isActive: true,
      trigger: { type: 'order.paid', connections: [{ targetId: 'left' }, { targetId: 'right' }] },
      nodes: [
        { id: 'left', type: 'transform', config: { field: 'trigger.a', as: 'l' }, connections: [{ targetId: 'join' }] },
        {
          id: 'right',
          type: 'transform',
          config: { field: 'trigger.b', as: 'r' },
          connections: [{ targetId: 'join' }],
        },
        { id: 'join', type: 'transform', config: { field: 'nodes.right.r', as: 'j' } },
      ],
    });
    await save(doc);
    const [run] = await engine.fire('order.paid', { a: 1, b: 2 });
    expect(run?.executionLog.map((e) => e.nodeId)).toEqual(['left', 'right', 'join']);
    expect(run?.outputs.join).toEqual({ j: 2 });
  });
});
